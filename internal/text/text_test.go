package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestFoldLatin(t *testing.T) {
	for in, want := range map[rune]string{
		'ç': "c", 'Ç': "C", 'ã': "a", 'á': "a", 'é': "e", 'ñ': "n", 'õ': "o", 'ü': "u",
		'ß': "ss", 'Æ': "AE", 'œ': "oe", 'ý': "y", 'ÿ': "y", 'Ł': "L",
	} {
		got, ok := FoldLatin(in)
		assert.True(t, ok, "%q", in)
		assert.Equal(t, want, got, "%q", in)
	}
	for _, in := range []rune{'a', 'Z', '×', '÷', '—', '€', 0xC0 + 0x200} {
		got, ok := FoldLatin(in)
		assert.False(t, ok, "%q", in)
		assert.Empty(t, got, "%q", in)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, acentuação":   "plain text, acentuação",
		"a\r\nX-Evil: 1":           `a\r\nX-Evil: 1`,
		"\x1b]52;c;SGVsbG8=\x07ok": `\x1b]52;c;SGVsbG8=\aok`,
		"tab\there":                `tab\there`,
		"del\x7f":                  `del\x7f`,
		"c1\u009bm":                `c1\u009bm`,
		"rtl\u202egnp.exe":         `rtl\u202egnp.exe`,
		"bad\xffutf8":              `bad\xffutf8`,
		"sep\u2028x":               `sep\u2028x`,
	} {
		assert.Equal(t, want, Quote(in), "%q", in)
	}
}

func TestQuoteLeavesNothingUnsafe(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xfe")
	q := Quote(all.String())
	assert.True(t, utf8.ValidString(q))
	for _, r := range q {
		assert.False(t, IsUnsafe(r), "%U survived", r)
	}
}

func TestQuoteDoesNotAllocateOnCleanText(t *testing.T) {
	s := "Consentimento inválido: O consentimento não é válido."
	allocs := testing.AllocsPerRun(100, func() { _ = Quote(s) })
	assert.Zero(t, allocs)
}
