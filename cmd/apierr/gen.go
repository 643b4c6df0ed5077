// This file is "apierr gen": Go source for an application's catalog, for
// //go:generate, checked whole before a byte of it is written.

package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"

	"github.com/apierr/apierr"
)

var genCommand = command{
	name:     "gen",
	required: []string{"catalog", "package"},
	summary:  "write Go constants for the codes of --catalog FILE",
	about: `Writes gofmt'ed Go source for the codes of the --catalog file, to standard
output or to the file -o names, for a //go:generate line such as

  go run github.com/apierr/apierr/cmd/apierr gen --catalog app.json \
      --package appcodes -o codes.go

The file holds one apierr.Code constant per entry, in the file's order,
whose doc comment gives the entry's status, title and summary; func
Entries() []apierr.Entry, the entries as fresh literals; and func Catalog()
(*apierr.Catalog, error), the documented catalog with the entries added. A
server writes cat.New(appcodes.SaldoInsuficiente); a client classifies with
cat.FromResponse or &apierr.Transport{Catalog: cat}.

A constant is named by the code's words, split at anything but letters and
digits: a word in one case is capitalised, or written in capitals when it
is an initialism Go writes so (API, ID, URL, JSON, CPF, OIDC…) or starts
with a digit (2FA); a word in mixed case is kept as written.
SALDO_INSUFICIENTE is SaldoInsuficiente, ERRO_CHAMADA_API is ErroChamadaAPI,
invalid_request is InvalidRequest, JsonParseException stays as it is.
`,
	more: `Exit status: 0 written; 2 bad usage, a catalog that does not validate, or
a code that gives no constant name or the same one as another; then nothing
is written.
`,
	define: func(fs *flag.FlagSet) func(c *cli, args []string) int {
		var o genOptions
		catalogFlag(fs)
		fs.StringVar(&o.pkg, "package", "", "`NAME` the package of the generated file, a Go "+
			"identifier such as appcodes")
		outFlag(fs, &o.out)
		return func(c *cli, args []string) int { return c.gen(o, args) }
	},
}

// genOptions are gen's flags but --catalog, which [cli.useCatalog] reads.
type genOptions struct{ pkg, out string }

// gen runs "apierr gen".
func (c *cli) gen(o genOptions, args []string) int {
	if len(args) > 0 {
		return c.fail("gen", usagef("gen takes no arguments, got %s; name the file with "+
			"--catalog FILE", quoted(args[0])))
	}
	if c.app == nil {
		return c.fail("gen", usagef("gen needs --catalog FILE, the JSON array of the "+
			"application's entries"))
	}
	if err := checkPackage(o.pkg); err != nil {
		return c.fail("gen", err)
	}
	src, err := genSource(c.app, o.pkg)
	if err != nil {
		return c.fail("gen", err)
	}
	// Go source goes out as it is: the terminal guard would quote its tabs.
	// It holds no other control character: every text is in a Go string
	// literal or passed through commentText.
	if o.out == "" {
		_, err = c.stdout.Write(src)
	} else {
		err = writeFile(o.out, src)
	}
	if err != nil {
		return c.fail("gen", err)
	}
	return exitOK
}

// checkPackage says what is wrong with a --package name, if anything.
func checkPackage(name string) error {
	switch {
	case name == "":
		return usagef("gen needs --package NAME, the Go package of the generated file")
	case token.IsKeyword(name):
		return usagef("--package %s is a Go keyword, which cannot name a package", quoted(name))
	case !token.IsIdentifier(name):
		return usagef("--package %s is not a Go identifier: want letters, digits and "+
			"underscores, not starting with a digit", quoted(name))
	case name == "_":
		return usagef("--package _ is the blank identifier, which cannot name a package")
	}
	return nil
}

// generatedFuncs are the names the generated file gives its functions; no
// constant may take one.
var generatedFuncs = map[string]bool{"Entries": true, "Catalog": true}

// constNames returns the constant name of each of app's entries, or every
// entry whose code gives none, or gives the same as an earlier entry's or a
// generated function's, one problem each.
func constNames(app *appCatalog) ([]string, error) {
	names := make([]string, len(app.entries))
	first := map[string]int{} // name → the first entry that gave it
	var problems []error
	for i, e := range app.entries {
		name, ok := constName(string(e.Code))
		prev, taken := first[name]
		switch {
		case name == "":
			problems = append(problems, fmt.Errorf("%s: entry %d (%q): the code has no "+
				"letter or digit to name a Go constant by", app.file, i, e.Code))
		case !ok:
			problems = append(problems, fmt.Errorf("%s: entry %d (%q): the code gives no Go "+
				"constant name: its first word must start with a letter", app.file, i, e.Code))
		case generatedFuncs[name]:
			problems = append(problems, fmt.Errorf("%s: entry %d (%q): its constant would be "+
				"%s, the name of a generated function", app.file, i, e.Code, name))
		case taken:
			problems = append(problems, fmt.Errorf("%s: entries %d (%q) and %d (%q) both give "+
				"the constant %s", app.file, prev, app.entries[prev].Code, i, e.Code, name))
		default:
			first[name] = i
		}
		names[i] = name
	}
	return names, errors.Join(problems...)
}

// retryIdents and formatIdents are the Go names of every retry class and
// wire format, as the generated literals write them.
var (
	retryIdents = [...]string{
		apierr.NoRetry:        "apierr.NoRetry",
		apierr.Backoff:        "apierr.Backoff",
		apierr.Reauthenticate: "apierr.Reauthenticate",
	}
	formatIdents = [...]string{
		apierr.FormatUnknown:         "apierr.FormatUnknown",
		apierr.FormatCodeTitleDetail: "apierr.FormatCodeTitleDetail",
		apierr.FormatOAuth:           "apierr.FormatOAuth",
		apierr.FormatBearer:          "apierr.FormatBearer",
		apierr.FormatProblem:         "apierr.FormatProblem",
	}
)
