// This file is "apierr explain": what a code, heading, title, status or
// gateway message means, read from the words of the command line.

package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
)

var explainCommand = command{
	name:     "explain",
	operands: "NAME...",
	summary:  "explain codes, headings, statuses, gateway messages",
	about: `Explains each NAME from the catalog: status and reason phrase, source, wire
format, summary, title, detail, what to do (with the resend schedule), cause
and fix.

A NAME is any of:
  a code                CONSENTIMENTO_INVALIDO, NotSupportedException, invalid_token
  a Brick Bank heading  "QRCode Inválido" (VALOR_INVALIDO); "422 Data de Expiração
                        Inválida" picks one of the codes sharing that heading
  a title               "Erro na chamada da API"
  a status              423: its reason phrase, retry class and catalog codes
  a gateway message     "no Route matched with those values"

Matching ignores case, spaces, hyphens, underscores and accents. Unquoted
words are read from the left, each time as the longest run of them that
names something: "apierr explain qrcode invalido 423" explains the heading
"qrcode invalido" and the status 423. A name that matches several codes
explains them all; one that matches nothing exits 2 and suggests the
closest codes.
`,
	more: `JSON: one object for one result, an array for several; each has a "kind":
  "code"             {"kind","code","status","status_text","source","format",
                      "summary","title","detail","retry","advice","schedule",
                      "cause","solution"}
  "status"           {"kind","status","status_text","is_error","retry","advice",
                      "schedule","codes","gateway_messages"}
  "gateway-message"  {"kind","message","gateway","status","status_text","summary",
                      "source","retry","advice","schedule","cause","solution"}
  "retry" is no-retry, backoff or reauthenticate; "schedule" is the wait in
  seconds before each resend ([3,6,12,24,48] for backoff, else []).

Exit status: 0 every name found; 2 bad usage, a name not found, or a --catalog
file that does not read or validate.
`,
	define: func(fs *flag.FlagSet) func(c *cli, args []string) int {
		format := formatFlag(fs)
		catalogFlag(fs)
		return func(c *cli, words []string) int { return c.explain(*format, words) }
	},
}

// explain runs "apierr explain" on the words of the command line.
func (c *cli) explain(format outputFormat, words []string) int {
	if len(words) == 0 {
		return c.fail("explain",
			usagef("name a code, a Brick Bank heading, a status or a gateway message"))
	}
	m := newMatcher(c.catalog)
	exit := exitOK
	var found []view
	for _, name := range groupWords(m, words) {
		res := m.find(name)
		if !res.found() {
			exit = c.fail("explain", errors.New(notFound(m, name)))
			continue
		}
		found = append(found, c.views(res)...)
	}
	if len(found) > 0 {
		if err := c.show(format, found...); err != nil {
			return c.fail("explain", err)
		}
	}
	return exit
}

// maxPhrase bounds how many words one name may span: the longest heading
// has seven.
const maxPhrase = 12

// groupWords reads the words as names, from the left, each time taking the
// longest run of words that names something ("qrcode invalido 423" is the
// heading and the status). A word that starts no such run is a name of its
// own, to be reported as not found.
func groupWords(m *matcher, words []string) []string {
	var names []string
	for i := 0; i < len(words); {
		n := 1
		for j := min(len(words), i+maxPhrase); j > i+1; j-- {
			if m.find(strings.Join(words[i:j], " ")).found() {
				n = j - i
				break
			}
		}
		names = append(names, strings.Join(words[i:i+n], " "))
		i += n
	}
	return names
}

// notFound says that name matched nothing, and what it may have meant.
func notFound(m *matcher, name string) string {
	if n, err := strconv.Atoi(strings.TrimSpace(name)); err == nil {
		return fmt.Sprintf("%d is not an HTTP status (want 100 to 599) nor a code", n)
	}
	msg := "no code, heading, title or gateway message is named " + quoted(name)
	if s := m.suggest(name); len(s) > 0 {
		return msg + "; did you mean " + orList(s) + "?"
	}
	return msg + "; run 'apierr list' for every code"
}
