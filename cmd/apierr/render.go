// This file renders what the commands found in the three output formats:
// text blocks, Markdown tables and JSON, and writes them out.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr"
)

// textWidth is where text output wraps. It is fixed rather than read from
// the terminal so that output, and the golden files, are the same anywhere.
const textWidth = 80

// field is one labelled line of a text block or one row of a Markdown table.
type field struct{ label, value string }

// block is one thing explained: a heading line and its fields.
type block struct {
	heading   string // text: the first line; Markdown: a level-2 heading
	mdHeading string // Markdown's heading when it differs, e.g. a code in backticks
	fields    []field
}

// add appends a field unless its value is empty: absent facts are left out
// rather than printed as blanks.
func (b *block) add(label, value string) {
	if value != "" {
		b.fields = append(b.fields, field{label, value})
	}
}

// writeText prints b as a heading and an indented column of labels, each
// value wrapped to textWidth and continued under the value column.
func writeText(w io.Writer, b block) {
	fmt.Fprintln(w, b.heading)
	labelWidth := 0
	for _, f := range b.fields {
		labelWidth = max(labelWidth, utf8.RuneCountInString(f.label))
	}
	const indent = 2
	col := indent + labelWidth + 2
	for _, f := range b.fields {
		for i, line := range wrap(f.value, textWidth-col) {
			label := ""
			if i == 0 {
				label = f.label
			}
			if line == "" {
				fmt.Fprintf(w, "%*s%s\n", indent, "", label)
				continue
			}
			fmt.Fprintf(w, "%*s%-*s%s\n", indent, "", col-indent, label, line)
		}
	}
}

// listMarker is the start of a list item in the catalog's cause and
// solution texts ("• ", "1. ", "  2. " for a nested step); wrapped lines of
// an item hang under its text.
var listMarker = regexp.MustCompile(`^\s*(?:•|-|\*|\d+[.)])\s+`)

// wrap breaks text into lines of at most width characters at spaces,
// keeping the text's own line breaks; a line that fits is left as it is. A
// word longer than width gets a line of its own rather than being cut.
func wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if utf8.RuneCountInString(para) <= width {
			out = append(out, para) // as is: it may be aligned columns
			continue
		}
		hang := utf8.RuneCountInString(listMarker.FindString(para))
		indent := para[:len(para)-len(strings.TrimLeft(para, " "))]
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := indent + words[0]
		for _, word := range words[1:] {
			if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
				out = append(out, line)
				line = strings.Repeat(" ", hang) + word
				continue
			}
			line += " " + word
		}
		out = append(out, line)
	}
	return out
}

// writeMarkdown prints b as a level-2 heading and a two-column table.
func writeMarkdown(w io.Writer, b block) {
	heading := b.heading
	if b.mdHeading != "" {
		heading = b.mdHeading
	}
	fmt.Fprintf(w, "## %s\n", heading)
	if len(b.fields) == 0 {
		return
	}
	fmt.Fprint(w, "\n| field | value |\n|---|---|\n")
	for _, f := range b.fields {
		fmt.Fprintf(w, "| %s | %s |\n", mdCell(f.label), mdCell(f.value))
	}
}

// mdReplacer escapes what would end a table cell ("|", a line break) or be
// read as markup; the catalog's texts are prose and must show as written.
// "_" stays: GitHub never reads it as emphasis inside a word, and the
// catalog's only underscores are inside codes such as AWAITING_AUTHORISATION.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "<", "&lt;", ">", "&gt;",
	"[", `\[`, "]", `\]`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// mdCell makes s safe inside a Markdown table cell.
func mdCell(s string) string { return mdReplacer.Replace(s) }

// mdCode writes s as inline code, which needs no escaping but of "|", the
// cell delimiter GitHub honours even there.
func mdCode(s string) string { return "`" + strings.ReplaceAll(s, "|", `\|`) + "`" }

// statusLine is "423 Locked", or the bare number for a status nobody names.
func statusLine(status int) string {
	if t := apierr.StatusText(status); t != "" {
		return strconv.Itoa(status) + " " + t
	}
	return strconv.Itoa(status)
}

// view is one thing found, in every output format.
type view struct {
	note string // text and Markdown only: said before the block
	blk  block
	json any
}

// show renders views in format and writes them to stdout, the one way a
// command's findings reach it. JSON is one object for one view and an
// array for several, as "list" prints; text and Markdown are blocks with
// a blank line between them.
func (c *cli) show(format outputFormat, views ...view) error {
	switch {
	case format == formatJSON && len(views) == 1:
		return c.showJSON(views[0].json)
	case format == formatJSON:
		all := make([]any, len(views))
		for i, v := range views {
			all[i] = v.json
		}
		return c.showJSON(all)
	}
	var b bytes.Buffer
	for i, v := range views {
		if i > 0 {
			b.WriteByte('\n')
		}
		v.write(&b, format)
	}
	return c.output(format, b.Bytes())
}

func (v view) write(w io.Writer, format outputFormat) {
	if format == formatMarkdown {
		if v.note != "" {
			fmt.Fprintf(w, "%s\n\n", mdCell(v.note))
		}
		writeMarkdown(w, v.blk)
		return
	}
	if v.note != "" {
		fmt.Fprintf(w, "%s\n\n", strings.Join(wrap(v.note, textWidth), "\n"))
	}
	writeText(w, v.blk)
}

// showJSON writes v as indented JSON.
func (c *cli) showJSON(v any) error {
	var b bytes.Buffer
	if err := encodeJSON(&b, v); err != nil {
		return err
	}
	return c.output(formatJSON, b.Bytes())
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<" in a detail is text, not an HTML hazard here
	return enc.Encode(v)
}

// output writes a rendered output to stdout through the last guard of its
// format (see terminal.go).
func (c *cli) output(format outputFormat, out []byte) error {
	if format == formatJSON {
		out = guardJSON(out)
	} else {
		out = guardText(out)
	}
	_, err := c.stdout.Write(out)
	return err
}

// writeFile writes data to path whole or not at all: to a temporary file
// beside it, renamed over path once complete, so that a failure (a full
// disk, an interrupted go generate) never leaves half a page or half a Go
// file where the previous one was.
func writeFile(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	// CreateTemp makes the file private; the output is meant to be read
	// and committed like any source file.
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
