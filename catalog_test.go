package apierr

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rfc6750Descriptions are RFC 6750 §3.1's English descriptions: the detail
// the bearer entries write, since the seeds only give them in Spanish.
var rfc6750Descriptions = map[Code]string{
	InvalidRequest: "The request is missing a required parameter, includes an unsupported " +
		"parameter or parameter value, repeats the same parameter, uses more than one method " +
		"for including an access token, or is otherwise malformed.",
	InvalidToken: "The access token provided is expired, revoked, malformed, or invalid " +
		"for other reasons.",
	InsufficientScope: "The request requires higher privileges than provided by the access token.",
}

// TestCatalogMatchesSeeds compares every entry with the seed that defines it,
// character for character. A typo in catalog_data.go fails here.
func TestCatalogMatchesSeeds(t *testing.T) {
	brick, brickSeed := parseSeed003(t)
	trusted, trustedSeed := parseSeed002(t)
	require.Len(t, brick, 43, "seed 003 documents 43 Brick Bank codes")
	require.Len(t, trusted, 58, "seed 002 §3 names 58 TrustedX exceptions")

	compared := map[Code]bool{}
	check := func(t *testing.T, code Code, want Entry) {
		t.Helper()
		got, ok := Lookup(code)
		require.True(t, ok, "%s is in the catalog", code)
		assert.Equal(t, want, got, "%s as the seeds define it", code)
		compared[code] = true
	}

	t.Run("every Brick Bank code has the seed's status, title, detail, cause and solution",
		func(t *testing.T) {
			for _, code := range brick {
				s := brickSeed[code]
				check(t, code, Entry{
					Code: code, Status: s.Status, Title: s.Title, Detail: s.Detail,
					Retry: expectedRetry(code, s.Status), Format: FormatCodeTitleDetail,
					Source: "Brick Bank", Cause: s.Cause, Solution: s.Solution,
				})
			}
		})

	t.Run("ERRO_INTERNO is the seed's default example, status 500", func(t *testing.T) {
		f := seed003DefaultExample(t)
		require.Equal(t, "ERRO_INTERNO", f["code"])
		check(t, ErroInterno, Entry{
			Code: ErroInterno, Status: 500, Title: f["title"], Detail: f["detail"],
			Retry: Backoff, Format: FormatCodeTitleDetail, Source: "Brick Bank",
		})
	})

	t.Run("TOO_MANY_SESSIONS is the seed's 429 exception and its paragraph", func(t *testing.T) {
		_, after, ok := strings.Cut(readSeed(t, "003"), `Exceção para o Erro "Too Many Sessions" (429):`)
		require.True(t, ok)
		paragraph, _, _ := strings.Cut(strings.TrimLeft(after, "\n"), "\n")
		e, ok := Lookup(TooManySessions)
		require.True(t, ok)
		assert.Equal(t, paragraph, e.Cause+" "+e.Solution, "cause and solution are the paragraph")
		assert.Contains(t, paragraph, "você está acessando a conta de outro navegador simultaneamente.")
		check(t, TooManySessions, Entry{
			Code: TooManySessions, Status: 429, Title: "Too Many Sessions",
			Detail: "Você está acessando a conta de outro navegador simultaneamente.",
			Retry:  Backoff, Format: FormatCodeTitleDetail, Source: "Brick Bank",
			Cause: e.Cause, Solution: e.Solution,
		})
	})

	t.Run("every TrustedX name has its section's status and reason and its description",
		func(t *testing.T) {
			for _, code := range trusted {
				s := trustedSeed[code]
				check(t, code, Entry{
					Code: code, Status: s.Status, Title: s.Title, Detail: s.Detail,
					Retry: NoRetry, Format: FormatOAuth, Source: "TrustedX",
				})
			}
		})

	t.Run("every bearer error has RFC 6750's description and seed 002's explanation",
		func(t *testing.T) {
			token := seed003BlockWith(t, "error", "invalid_token")
			for code, detail := range rfc6750Descriptions {
				s, ok := trustedSeed[code]
				require.True(t, ok, "seed 002 §2 explains %s", code)
				want := Entry{
					Code: code, Status: s.Status, Title: s.Title, Detail: detail,
					Retry: expectedRetry(code, s.Status), Format: FormatBearer,
					Source: "RFC 6750", Cause: s.Cause,
				}
				if code == InvalidToken {
					want.Cause += "\n" + token.Cause
					want.Solution = token.Solution
				}
				check(t, code, want)
			}
		})

	t.Run("the catalog holds exactly the compared entries", func(t *testing.T) {
		var all []Code
		for e := range Entries() {
			all = append(all, e.Code)
		}
		assert.Len(t, all, 106)
		assert.ElementsMatch(t, all, slices.Collect(maps.Keys(compared)))
		t.Logf("compared %d catalog entries with the seeds", len(compared))
	})
}

// expectedRetry is DESIGN.md's rule, written apart from the catalog.
func expectedRetry(code Code, status int) RetryClass {
	switch code {
	case TooManySessions, ErroChamadaAPI, TimeoutChamadaAPI:
		return Backoff
	case InvalidToken, TokenNaoAutorizado:
		return Reauthenticate
	case LimiteOperacionalExcedido:
		return NoRetry
	}
	if status >= 500 {
		return Backoff
	}
	return NoRetry
}

func TestCatalogRules(t *testing.T) {
	formats := map[string]Format{
		"Brick Bank": FormatCodeTitleDetail, "TrustedX": FormatOAuth, "RFC 6750": FormatBearer,
	}
	var prev Entry
	for e := range Entries() {
		t.Run(string(e.Code)+" follows the catalog's rules", func(t *testing.T) {
			assert.Equal(t, expectedRetry(e.Code, e.Status), e.Retry, "retry class")
			assert.Equal(t, formats[e.Source], e.Format, "format of source %q", e.Source)
			assert.True(t, validStatus(e.Status), "status %d is an error status", e.Status)
			assert.NotEmpty(t, e.Title)
			assert.NotEmpty(t, e.Detail)
			if prev.Code != "" {
				assert.True(t, prev.Status < e.Status ||
					prev.Status == e.Status && prev.Code < e.Code,
					"%s (%d) comes after %s (%d): ordered by status then code",
					e.Code, e.Status, prev.Code, prev.Status)
			}
		})
		prev = e
	}
}

func TestLookup(t *testing.T) {
	t.Run("an unknown code is not found", func(t *testing.T) {
		for _, c := range []Code{"", "consentimento_invalido", "SALDO_INSUFICIENTE", "Invalid_Token"} {
			e, ok := Lookup(c)
			assert.False(t, ok, "%q", c)
			assert.Equal(t, Entry{}, e)
		}
	})
	t.Run("the seed's slips are kept verbatim", func(t *testing.T) {
		e, _ := Lookup(ErroFluxoDCM)
		assert.Equal(t, "Erro no fluxo de DCR", e.Title)
		e, _ = Lookup(ParametroInvalido)
		assert.Equal(t, "Parâmetro com valor inválido", e.Detail)
		e, _ = Lookup(UndefinedIdentityDomainException)
		assert.True(t, strings.HasSuffix(e.Detail, "el campo sub del token"), e.Detail)
		e, _ = Lookup(ConsentimentoPendenteAutorizacao)
		assert.Contains(t, e.Title, "“PARTIALLY_ACCEPTED”")
	})
	t.Run("a code documented twice joins both causes in seed order", func(t *testing.T) {
		e, _ := Lookup(ConsentimentoNaoAutorizado)
		first, second, ok := strings.Cut(e.Cause, "\n")
		require.True(t, ok)
		assert.True(t, strings.HasPrefix(first, "O consentimento gerado"), first)
		assert.True(t, strings.HasPrefix(second, "Esse cenário"), second)
	})
	t.Run("a looked-up entry is a copy", func(t *testing.T) {
		e, _ := Lookup(ConsentimentoInvalido)
		e.Title = "changed"
		again, _ := Lookup(ConsentimentoInvalido)
		assert.Equal(t, "Consentimento inválido", again.Title)
	})
	t.Run("Lookup does not allocate", func(t *testing.T) {
		allocs := testing.AllocsPerRun(100, func() { _, _ = Lookup(InsufficientScope) })
		assert.Zero(t, allocs)
	})
	t.Run("Entries stops when the loop does", func(t *testing.T) {
		n := 0
		for range Entries() {
			n++
			if n == 3 {
				break
			}
		}
		assert.Equal(t, 3, n)
	})
}

// goInitialisms are the initialisms the Brick Bank constant names keep in
// capitals, as Go style does for ID or URL.
var goInitialisms = map[string]bool{
	"API": true, "CPF": true, "PF": true, "PJ": true, "DCR": true, "DCM": true, "OIDC": true,
}

// wantConstName is DESIGN.md's naming rule: Brick Bank codes in Go case with
// Go initialisms, TrustedX names as written, bearer errors in camel case.
func wantConstName(e Entry) string {
	if e.Source == "TrustedX" {
		return string(e.Code)
	}
	var b strings.Builder
	for _, w := range strings.Split(string(e.Code), "_") {
		if goInitialisms[w] {
			b.WriteString(w)
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
		b.WriteString(strings.ToLower(w[1:]))
	}
	return b.String()
}

// TestCodeConstants reads catalog_data.go's source: one exported constant per
// entry, named by the rule, with a doc comment giving its status and title.
func TestCodeConstants(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "catalog_data.go", nil, parser.ParseComments)
	require.NoError(t, err)
	type constant struct{ name, doc string }
	consts := map[Code]constant{}
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Values) != 1 || vs.Type == nil || vs.Type.(*ast.Ident).Name != "Code" {
				continue
			}
			value, err := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
			require.NoError(t, err)
			_, dup := consts[Code(value)]
			require.False(t, dup, "one constant for %s", value)
			doc := strings.Join(strings.Fields(vs.Doc.Text()), " ") // unwrapped
			consts[Code(value)] = constant{vs.Names[0].Name, doc}
		}
	}
	require.Len(t, consts, 106)
	for e := range Entries() {
		c, ok := consts[e.Code]
		if !assert.True(t, ok, "a constant for %s", e.Code) {
			continue
		}
		assert.Equal(t, wantConstName(e), c.name, "name of %s", e.Code)
		assert.True(t, unicode.IsUpper(rune(c.name[0])), "%s is exported", c.name)
		wantDoc := c.name + " is " + strconv.Itoa(e.Status) + " " + strconv.Quote(e.Title) + ": "
		assert.True(t, strings.HasPrefix(c.doc, wantDoc),
			"doc of %s starts %q; got %q", c.name, wantDoc, c.doc)
	}
}

func TestRetryClassText(t *testing.T) {
	for _, tc := range []struct {
		class RetryClass
		text  string
	}{{NoRetry, "no-retry"}, {Backoff, "backoff"}, {Reauthenticate, "reauthenticate"}} {
		t.Run(tc.text+" round-trips through text and JSON", func(t *testing.T) {
			assert.Equal(t, tc.text, tc.class.String())
			b, err := json.Marshal(tc.class)
			require.NoError(t, err)
			assert.Equal(t, strconv.Quote(tc.text), string(b))
			var back RetryClass
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tc.class, back)
		})
	}
	t.Run("an undefined class is reported, not invented", func(t *testing.T) {
		assert.Equal(t, "RetryClass(9)", RetryClass(9).String())
		_, err := RetryClass(9).MarshalText()
		assert.Error(t, err)
		var c RetryClass
		err = c.UnmarshalText([]byte("Backoff"))
		assert.ErrorContains(t, err, `unknown retry class "Backoff"`)
	})
}

func TestFormatText(t *testing.T) {
	want := map[Format]string{
		FormatUnknown: "unknown", FormatCodeTitleDetail: "code-title-detail",
		FormatOAuth: "oauth", FormatBearer: "bearer", FormatProblem: "problem",
	}
	got := map[Format]string{}
	for f := FormatUnknown; f <= FormatProblem; f++ {
		got[f] = f.String()
		text, err := f.MarshalText()
		require.NoError(t, err)
		var back Format
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, f, back)
	}
	assert.Empty(t, cmp.Diff(want, got))
	assert.Equal(t, "Format(7)", Format(7).String())
	_, err := Format(7).MarshalText()
	assert.Error(t, err)
	var f Format
	assert.Error(t, f.UnmarshalText([]byte("json")))
}
