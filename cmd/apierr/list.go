// This file is "apierr list": the catalog, filtered, as a list in a
// terminal, JSON, or the Markdown page CATALOG.md.

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr"
)

var listCommand = command{
	name:    "list",
	summary: "list the catalog, optionally filtered",
	about: `Lists the catalog, ordered by status then code, keeping the entries that
pass every filter given. With --catalog, the catalog holds an application's
codes too; --app keeps those alone, so that

  apierr list --catalog app.json --app --format markdown -o CATALOG.md

documents an application's codes as the apierr catalog's page documents its
own.
`,
	more: `JSON: an array of explain's "code" objects. Markdown: the CATALOG.md page.

Exit status: 0 listed (even when no entry passes the filters); 2 bad usage or
a --catalog file that does not read or validate.
`,
	define: func(fs *flag.FlagSet) func(c *cli, args []string) int {
		var o listOptions
		o.format = formatFlag(fs)
		catalogFlag(fs)
		fs.BoolVar(&o.app, "app", false, "keep only the application's entries, those of "+
			"the --catalog file")
		fs.Var(&o.status, "status", "`N` keep the entries of this HTTP status, e.g. 401")
		fs.Var(&o.retry, "retry", "`CLASS` keep the entries of this retry class: no-retry, "+
			"backoff or reauthenticate")
		fs.StringVar(&o.source, "source", "", "`S` keep the entries of this source, as "+
			"\"apierr list\" heads them (case, spaces and hyphens ignored)")
		outFlag(fs, &o.out)
		return func(c *cli, args []string) int { return c.list(o, args) }
	},
}

// listOptions are list's flags.
type listOptions struct {
	format      *outputFormat
	status      statusFlag
	retry       retryFlag
	source, out string
	app         bool
}

// list runs "apierr list".
func (c *cli) list(o listOptions, args []string) int {
	if len(args) > 0 {
		return c.fail("list", usagef("list takes no arguments, got %s; filter with "+
			"--source, --status or --retry", quoted(strings.Join(args, " "))))
	}
	f := filter{status: int(o.status), retry: o.retry.class}
	if o.app {
		if c.app == nil {
			return c.fail("list", usagef("--app keeps the codes of the --catalog file: "+
				"name one with --catalog FILE"))
		}
		f.app = c.app.codes
	}
	if o.source != "" {
		var err error
		if f.source, err = c.findSource(o.source); err != nil {
			return c.fail("list", err)
		}
	}
	var entries []apierr.Entry
	for e := range c.catalog.Entries() {
		if f.keep(e) {
			entries = append(entries, e)
		}
	}
	if err := c.writeList(o, entries, f); err != nil {
		return c.fail("list", err)
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.stderr, "apierr list: no entry passes the filters")
	}
	return exitOK
}

// writeList writes the entries in the format asked, to stdout or to the
// file -o names.
func (c *cli) writeList(o listOptions, entries []apierr.Entry, f filter) error {
	var buf bytes.Buffer
	switch *o.format {
	case formatJSON:
		js := make([]entryJSON, len(entries))
		for i, e := range entries {
			js[i] = toEntryJSON(e)
		}
		if o.out == "" {
			return c.showJSON(js)
		}
		if err := encodeJSON(&buf, js); err != nil {
			return err
		}
	case formatMarkdown:
		writeCatalogMarkdown(&buf, entries, c.page(f))
	default:
		writeListText(&buf, entries)
	}
	if o.out == "" {
		return c.output(*o.format, buf.Bytes())
	}
	return writeFile(o.out, buf.Bytes())
}

// filter is list's --app, --source, --status and --retry; zero values
// keep all.
type filter struct {
	app    map[apierr.Code]bool // --app: the codes of the --catalog file
	source string
	status int
	retry  *apierr.RetryClass
}

func (f filter) keep(e apierr.Entry) bool {
	return (f.app == nil || f.app[e.Code]) &&
		(f.source == "" || e.Source == f.source) &&
		(f.status == 0 || e.Status == f.status) &&
		(f.retry == nil || e.Retry == *f.retry)
}

// String describes the filters but --app for the Markdown page: "" when
// there are none.
func (f filter) String() string {
	var parts []string
	if f.source != "" {
		parts = append(parts, "source "+f.source)
	}
	if f.status != 0 {
		parts = append(parts, "status "+strconv.Itoa(f.status))
	}
	if f.retry != nil {
		parts = append(parts, "retry "+f.retry.String())
	}
	return strings.Join(parts, ", ")
}

// findSource returns the catalog's spelling of a source the user named in
// any case or spacing.
func (c *cli) findSource(name string) (string, error) {
	sources := c.sources()
	for _, s := range sources {
		if normalize(s) == normalize(name) {
			return s, nil
		}
	}
	return "", usagef("unknown source %s: want %s", quoted(name), orList(sources))
}

// writeListText prints the entries grouped by source, one a line: status,
// code, retry class and, when it says more than the reason phrase, the
// title, cut to keep the line within listWidth. Grouping keeps the code
// column as narrow as each source's codes, which leaves room for titles.
func writeListText(w io.Writer, entries []apierr.Entry) {
	var sources []string
	bySource := map[string][]apierr.Entry{}
	for _, e := range entries {
		if _, ok := bySource[e.Source]; !ok {
			sources = append(sources, e.Source)
		}
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	for i, source := range sources {
		if i > 0 {
			fmt.Fprintln(w)
		}
		group := bySource[source]
		if source == "" {
			source = "No source" // an application's entry may name none
		}
		fmt.Fprintf(w, "%s: %d %s\n", source, len(group), plural(len(group), "code", "codes"))
		writeListGroup(w, group)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func writeListGroup(w io.Writer, entries []apierr.Entry) {
	const listWidth = 100
	codeWidth, hasTitle := len("CODE"), false
	for _, e := range entries {
		codeWidth = max(codeWidth, len(e.Code))
		hasTitle = hasTitle || listTitle(e) != ""
	}
	row := func(status, code, retry, title string) {
		line := fmt.Sprintf("  %-6s  %-*s  %-14s  %s", status, codeWidth, code, retry, title)
		line = strings.TrimRight(line, " ")
		if utf8.RuneCountInString(line) > listWidth {
			line = string([]rune(line)[:listWidth-1]) + "…"
		}
		fmt.Fprintln(w, line)
	}
	header := ""
	if hasTitle {
		header = "TITLE"
	}
	row("STATUS", "CODE", "RETRY", header)
	for _, e := range entries {
		row(strconv.Itoa(e.Status), string(e.Code), e.Retry.String(), listTitle(e))
	}
}

// listTitle is e's title unless it only repeats the reason phrase, as
// TrustedX's and RFC 6750's titles do.
func listTitle(e apierr.Entry) string {
	if e.Title == apierr.StatusText(e.Status) {
		return ""
	}
	return e.Title
}
