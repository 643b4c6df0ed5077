// This file is what stands between text the command did not write (a
// response's bytes, the user's arguments) and the terminal: control
// characters quoted, long texts cut with a marker, and one last guard over
// everything printed.

package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr/internal/text"
)

// maxShown is the most characters of one received text that text and
// Markdown output show: a 64 KiB HTML page as a "detail" buries the
// verdict. JSON output is for programs and keeps everything.
const maxShown = 600

// wire makes s, a text from a response, fit for one field of text or
// Markdown output: every control character quoted (a LF in a detail would
// forge a line of its own, a CR overwrite the verdict), cut to maxShown
// characters with a marker saying so.
func wire(s string) string {
	kept, dropped := cut(s, maxShown)
	q := text.Quote(kept)
	if dropped > 0 {
		q += fmt.Sprintf(" … [%d more %s cut; --format json shows all]",
			dropped, plural(dropped, "character", "characters"))
	}
	return q
}

// cut returns the first n characters of s and how many it left out. A byte
// that is not UTF-8 counts as one character.
func cut(s string, n int) (string, int) {
	i := 0
	for kept := 0; i < len(s) && kept < n; kept++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i == len(s) {
		return s, 0
	}
	return s[:i], utf8.RuneCountInString(s[i:])
}

// quoted echoes a user's argument inside an error message, in double
// quotes, its control characters quoted (a pasted escape sequence must not
// act on the terminal that shows the error).
func quoted(s string) string { return `"` + text.Quote(s) + `"` }

// shellQuote writes s as one word of a shell command line, as the golden
// files and CATALOG.md's first line show the command that made them.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'|<>&;$\\*?") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// guardText is applied to every text and Markdown output as a whole, after
// each received text went through [wire]: it quotes any unsafe character
// that reached the output by some other path, keeping only the line breaks
// the command wrote.
func guardText(out []byte) []byte {
	if !hasUnsafe(out) {
		return out
	}
	var b []byte
	for i, line := range bytes.Split(out, []byte("\n")) {
		if i > 0 {
			b = append(b, '\n')
		}
		b = text.AppendQuoted(b, string(line))
	}
	return b
}

// guardJSON escapes, inside the JSON strings of out, the characters a
// terminal must not receive raw and that encoding/json leaves as they are
// (DEL, the C1 controls, the bidi overrides, U+2028 and U+2029): as \uXXXX
// they read back as the same text.
func guardJSON(out []byte) []byte {
	if !hasUnsafe(out) {
		return out
	}
	b := make([]byte, 0, len(out)+32)
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r != '\n' && text.IsUnsafe(r) {
			b = fmt.Appendf(b, `\u%04x`, r)
		} else {
			b = append(b, out[i:i+size]...)
		}
		i += size
	}
	return b
}

// hasUnsafe reports whether b holds a rune text.IsUnsafe rejects but LF,
// the command's own line break, or a byte that is not UTF-8.
func hasUnsafe(b []byte) bool {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || text.IsUnsafe(r) && r != '\n' {
			return true
		}
		i += size
	}
	return false
}
