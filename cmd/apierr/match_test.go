// Tests of name matching: the Brick Bank headings, normalizing, suggestions.

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	// "422 QRCode Inválido": a status, one space, the heading.
	seedHeadingLine = regexp.MustCompile(`^[1-5][0-9][0-9] (\S.*)$`)
	// `code: "X",` or `"code": "X"`; the Token não fornecido block names its
	// code in "error".
	seedCodeLine = regexp.MustCompile(`^"?(?:code|error)"?\s*:\s*"([^"]*)"`)
)

// readSeed003Headings returns each section heading of seed 003 with the
// codes its example blocks send: a heading line, a blank line, then a block
// from "{" to "}".
func readSeed003Headings(t *testing.T) map[string][]apierr.Code {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seedsDir, "003_*.txt"))
	require.NoError(t, err)
	require.Len(t, paths, 1)
	text, err := os.ReadFile(paths[0])
	require.NoError(t, err)

	lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
	headings := map[string][]apierr.Code{}
	for i := 0; i+2 < len(lines); i++ {
		m := seedHeadingLine.FindStringSubmatch(lines[i])
		if m == nil || strings.TrimSpace(lines[i+1]) != "" ||
			strings.TrimSpace(lines[i+2]) != "{" {
			continue
		}
		for j := i + 3; j < len(lines) && strings.TrimSpace(lines[j]) != "}"; j++ {
			if c := seedCodeLine.FindStringSubmatch(strings.TrimSpace(lines[j])); c != nil &&
				c[1] != "" {
				headings[m[1]] = append(headings[m[1]], apierr.Code(c[1]))
			}
		}
	}
	require.NotEmpty(t, headings, "seed 003's headings parse")
	return headings
}

func TestHeadingsAreBrickBanks(t *testing.T) {
	seed := readSeed003Headings(t)
	for _, h := range brickBankHeadings {
		assert.Contains(t, seed, h.heading, "a heading of seed 003")
		assert.Contains(t, seed[h.heading], h.code, "seed 003's %q sends %s", h.heading, h.code)
		_, ok := apierr.Lookup(h.code)
		assert.True(t, ok, "%s is in the catalog", h.code)
	}
	// And the table misses none of them.
	for heading, codes := range seed {
		for _, code := range codes {
			assert.True(t, slices.ContainsFunc(brickBankHeadings[:], func(h struct {
				heading string
				code    apierr.Code
			}) bool {
				return h.heading == heading && h.code == code
			}), "brickBankHeadings lacks {%q, %s}", heading, code)
		}
	}
}

func TestEveryHeadingFindsItsCodeWithoutAccentsOrCapitals(t *testing.T) {
	m := newMatcher(apierr.Documented())
	for _, h := range brickBankHeadings {
		plain := strings.ToLower(h.heading)
		for _, pair := range [][2]string{{"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ç", "c"},
			{"é", "e"}, {"ê", "e"}, {"í", "i"}, {"ó", "o"}, {"ú", "u"}} {
			plain = strings.ReplaceAll(plain, pair[0], pair[1])
		}
		assert.Contains(t, codesOf(m.find(plain).entries), h.code, "%q", plain)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"CONSENTIMENTO_INVALIDO":      "consentimentoinvalido",
		"Consentimento Inválido":      "consentimentoinvalido",
		"consentimento-invalido":      "consentimentoinvalido",
		"  QRCode   Inválido ":        "qrcodeinvalido",
		"Interação não encontrada":    "interacaonaoencontrada",
		"Parâmetro Não Informado":     "parametronaoinformado",
		"Depende Múltipla Alçada":     "dependemultiplaalcada",
		"Inva\u0301lido (decomposed)": "invalidodecomposed",
		"InvalidPkcs12Exception":      "invalidpkcs12exception",
	} {
		assert.Equal(t, want, normalize(in), in)
	}
}

func TestNormalizedCodesAreDistinct(t *testing.T) {
	seen := map[string]apierr.Code{}
	for e := range apierr.Entries() {
		key := normalize(string(e.Code))
		assert.NotContains(t, seen, key, "%s and %s read the same", e.Code, seen[key])
		seen[key] = e.Code
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"consentimentoinvaldo", "consentimentoinvalido", 1}, {"abc", "abc", 0},
	} {
		assert.Equal(t, tt.want, levenshtein(tt.a, tt.b), "%q %q", tt.a, tt.b)
	}
}

func TestSuggestNearestFirst(t *testing.T) {
	m := newMatcher(apierr.Documented())
	assert.Equal(t, "TOKEN_INATIVO", m.suggest("TOKEN_INATIV")[0])
	assert.Equal(t, "NotSupportedException", m.suggest("NotSuportedException")[0])
	assert.Equal(t, `"no Route matched with those values"`, m.suggest("no route matched")[0])
	assert.LessOrEqual(t, len(m.suggest("consentimento")), maxSuggestions)
	assert.Empty(t, m.suggest("zzzzzzzz"))
	assert.Empty(t, m.suggest("--"))
}
