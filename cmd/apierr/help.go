// This file writes the help texts, the program's and each command's. Their
// lists of flags come from the flag definitions themselves, so that a flag
// is written down in one place only.

package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
)

// mainUsage is the program's help. The sources it names are the catalog's.
func (c *cli) mainUsage() string {
	var b strings.Builder
	// The sources stand on a line of their own, where wrapping cannot part
	// "RFC" from its number.
	b.WriteString("apierr explains documented API errors and tells whether to resend a " +
		"failed call,\nfrom the catalog of github.com/apierr/apierr, whose sources are:\n  " +
		andList(c.sources()) + ".\n\nUsage:\n")
	rows := [][2]string{}
	for _, cmd := range commands() {
		rows = append(rows, [2]string{"apierr " + cmd.name + " " + cmd.operands, cmd.summary})
	}
	rows = append(rows, [2]string{"apierr help [COMMAND]", "show this help, or a command's"})
	writeColumns(&b, rows)
	b.WriteString("\nFlags go before or after arguments; each command's help lists its own:\n")
	common := newFlagSet("apierr")
	formatFlag(common)
	catalogFlag(common)
	writeColumns(&b, flagRows(common))
	b.WriteString(mainUsageEnd)
	return b.String()
}

const mainUsageEnd = `
Exit status:
  0  found; for classify, the response is not an error
  1  classify only: the response is an error
  2  bad usage or input, unknown code

Examples:
  apierr explain CONSENTIMENTO_INVALIDO
  apierr explain qrcode invalido 423
  curl -si https://api.example.com/consents/42 | apierr classify
  curl -v https://api.example.com/consents/42 2>&1 | apierr classify
  apierr classify --status 503 body.json
  apierr list --source trustedx --status 403
  apierr explain --catalog app.json SALDO_INSUFICIENTE
  apierr gen --catalog app.json --package appcodes -o codes.go
`

// sources are the catalog's sources in the catalog's order, each once; an
// application's entry may name none, and "" is no source.
func (c *cli) sources() []string {
	var sources []string
	for e := range c.catalog.Entries() {
		if e.Source != "" && !slices.Contains(sources, e.Source) {
			sources = append(sources, e.Source)
		}
	}
	return sources
}

// usage is a command's help: its synopsis, what it does, its flags.
func (cmd command) usage() string {
	fs := newFlagSet(cmd.name)
	cmd.define(fs)
	var b strings.Builder
	b.WriteString(synopsis(cmd, fs) + "\n\n" + cmd.about + "\nFlags, before or after the arguments:\n")
	writeColumns(&b, flagRows(fs))
	if cmd.more != "" {
		b.WriteString("\n" + cmd.more)
	}
	return b.String()
}

// synopsis is the "Usage:" line of a command, each flag in brackets but
// those it requires, wrapped under the command's name.
func synopsis(cmd command, fs *flag.FlagSet) string {
	lead := "Usage: apierr " + cmd.name
	words := []string{}
	fs.VisitAll(func(f *flag.Flag) {
		name, placeholder, _ := describeFlag(f)
		word := strings.TrimSpace(name + " " + placeholder)
		if !slices.Contains(cmd.required, f.Name) {
			word = "[" + word + "]"
		}
		words = append(words, word)
	})
	if cmd.operands != "" {
		words = append(words, cmd.operands)
	}
	line, lines := lead, []string{}
	for _, w := range words {
		if len(line)+1+len(w) > textWidth {
			lines = append(lines, line)
			line = strings.Repeat(" ", len(lead))
		}
		line += " " + w
	}
	return strings.Join(append(lines, line), "\n")
}

// flagRows lists fs's flags as help rows, "-h, --help" last.
func flagRows(fs *flag.FlagSet) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		name, placeholder, text := describeFlag(f)
		rows = append(rows, [2]string{strings.TrimSpace(name + " " + placeholder), text})
	})
	return append(rows, [2]string{"-h, --help", "show this help"})
}

// describeFlag splits a flag's definition into how it is written ("-o",
// "--format"), the placeholder of its value (the usage's leading
// `back-quoted` word, "" for none) and what it does.
func describeFlag(f *flag.Flag) (name, placeholder, text string) {
	name = "--" + f.Name
	if len(f.Name) == 1 {
		name = "-" + f.Name
	}
	text = f.Usage
	if rest, ok := strings.CutPrefix(text, "`"); ok {
		placeholder, text, _ = strings.Cut(rest, "`")
	}
	return name, placeholder, strings.TrimSpace(text)
}

// writeColumns writes rows as two columns, the second wrapped and hanging
// under its own start.
func writeColumns(b *strings.Builder, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0]))
	}
	col := 2 + width + 3
	for _, r := range rows {
		for i, line := range wrap(r[1], max(textWidth-col, 20)) {
			left := ""
			if i == 0 {
				left = r[0]
			}
			fmt.Fprintf(b, "  %-*s   %s\n", width, left, line)
		}
	}
}

// andList joins names as prose: "A", "A and B", "A, B and C".
func andList(names []string) string { return joinList(names, "and") }

// orList joins names as prose: "A", "A or B", "A, B or C".
func orList(names []string) string { return joinList(names, "or") }

func joinList(names []string, conj string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}
