// Package text holds the two text rules apierr applies in more than one
// place: folding Latin letters to ASCII (for RFC 6750 header values and for
// the command line's forgiving name matching), and quoting the characters a
// log line or a terminal must never receive raw.
package text

import (
	"strconv"
	"unicode/utf8"
)

// latinFold maps U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A)
// to an ASCII base letter, '?' where none is obvious; ligatures are in
// latinLigatures.
const latinFold = "" +
	"AAAAAA?CEEEEIIII" + "DNOOOOO?OUUUUY??" + // U+00C0
	"aaaaaa?ceeeeiiii" + "dnooooo?ouuuuy?y" + // U+00E0
	"AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + // U+0100
	"GgGgHhHhIiIiIiIi" + "Ii??JjKkkLlLlLlL" + // U+0120
	"lLlNnNnNnnNnOoOo" + "Oo??RrRrRrSsSsSs" + // U+0140
	"SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs" //   U+0160

var latinLigatures = map[rune]string{
	'Æ': "AE", 'æ': "ae", 'Ĳ': "IJ", 'ĳ': "ij", 'Œ': "OE", 'œ': "oe", 'ß': "ss",
}

// FoldLatin returns the ASCII letters of a Latin letter with diacritics
// ('ç' → "c", 'Ã' → "A", 'ß' → "ss") and true; for any rune it cannot fold
// (×, ÷, ASCII itself, anything outside U+00C0–U+017F) it returns "", false.
func FoldLatin(r rune) (string, bool) {
	if s, ok := latinLigatures[r]; ok {
		return s, true
	}
	if r >= 0xC0 && r < 0xC0+rune(len(latinFold)) {
		if s := latinFold[r-0xC0 : r-0xC0+1]; s != "?" {
			return s, true
		}
	}
	return "", false
}

// IsUnsafe reports whether r must not reach a terminal or a log line raw:
// the C0 controls (TAB, CR and LF among them), DEL, the C1 controls
// (U+0080–U+009F, which some terminals obey like ESC sequences), the line
// and paragraph separators, and the bidirectional overrides and isolates
// that make text display in another order than it reads.
func IsUnsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069',
		r == '\u200E', r == '\u200F', r == '\u061C':
		return true
	}
	return false
}

// Quote returns s with every unsafe rune (see [IsUnsafe]) and every byte
// that is not UTF-8 written as a Go escape ("\r", "\n", "\x1b", "\u202e",
// "\xff"), and everything else as it was. A string with nothing to quote
// is returned as it is, without allocating.
func Quote(s string) string {
	if !needsQuote(s) {
		return s
	}
	return string(AppendQuoted(make([]byte, 0, len(s)+16), s))
}

// AppendQuoted appends s to b as [Quote] writes it.
func AppendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\x`...)
			b = append(b, hex[s[i]>>4], hex[s[i]&0xF])
		case IsUnsafe(r):
			q := strconv.QuoteRune(r) // "'\\n'", "'\\x1b'", "'\\u202e'"
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

const hex = "0123456789abcdef"

func needsQuote(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || IsUnsafe(r) {
			return true
		}
		i += size
	}
	return false
}
