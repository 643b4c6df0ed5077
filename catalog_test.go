package apierr

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rfc6750Errors are RFC 6750 §3.1's paragraphs, verbatim (one space between
// sentences): the seeds give these errors only in Spanish.
var rfc6750Errors = map[Code]string{
	InvalidRequest: "The request is missing a required parameter, includes an unsupported " +
		"parameter or parameter value, repeats the same parameter, uses more than one method " +
		"for including an access token, or is otherwise malformed. The resource server " +
		"SHOULD respond with the HTTP 400 (Bad Request) status code.",
	InvalidToken: "The access token provided is expired, revoked, malformed, or invalid " +
		"for other reasons. The resource SHOULD respond with the HTTP 401 (Unauthorized) " +
		"status code. The client MAY request a new access token and retry the protected " +
		"resource request.",
	InsufficientScope: "The request requires higher privileges than provided by the access " +
		"token. The resource server SHOULD respond with the HTTP 403 (Forbidden) status code " +
		"and MAY include the \"scope\" attribute with the scope necessary to access the " +
		"protected resource.",
}

// rfc6750Description is what a bearer entry writes as its detail: the
// paragraph's account of the failure, without the sentences on what the
// resource server and the client do about it.
func rfc6750Description(code Code) string {
	d, _, _ := strings.Cut(rfc6750Errors[code], " The resource")
	return d
}

// rfc6749Statuses are the statuses DESIGN.md gives where the RFC 6749
// reference gives none (§4.1.2.1's errors travel in a redirect, which has no
// status of its own) or a choice (invalid_client: "MAY return an HTTP 401").
var rfc6749Statuses = map[Code]int{
	"invalid_client": 401, "server_error": 500, "temporarily_unavailable": 503,
}

// TestCatalogMatchesSeeds compares every entry with the document that
// defines it, character for character. A typo in catalog_data.go fails here.
// Summary is ours, not a document's: TestSummaries holds it.
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
		want.Summary = got.Summary
		assert.Empty(t, cmp.Diff(want, got), "%s as its document defines it (-want +got)", code)
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

	t.Run("TOO_MANY_SESSIONS is the seed's 429 exception: what it indicates is the cause, "+
		"the rest of the paragraph the solution", func(t *testing.T) {
		const heading = `Exceção para o Erro "Too Many Sessions" (429):`
		_, after, ok := strings.Cut(readSeed(t, "003"), heading)
		require.True(t, ok)
		paragraph, _, _ := strings.Cut(strings.TrimLeft(after, "\n"), "\n")
		cause, solution, ok := strings.Cut(paragraph, ". ")
		require.True(t, ok)
		assert.True(t, strings.HasSuffix(cause, "você está acessando a conta de outro navegador "+
			"simultaneamente"), cause)
		check(t, TooManySessions, Entry{
			Code: TooManySessions, Status: 429, Title: "Too Many Sessions",
			Detail: "Você está acessando a conta de outro navegador simultaneamente.",
			Retry:  Backoff, Format: FormatCodeTitleDetail, Source: "Brick Bank",
			Cause: cause + ".", Solution: solution,
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

	t.Run("the body members seed 002 §3 lists first are not exception names", func(t *testing.T) {
		for _, member := range []Code{"error", "error_description", "error_details"} {
			assert.NotContains(t, trusted, member)
		}
	})

	t.Run("every bearer error has RFC 6750's description and seed 002's explanation",
		func(t *testing.T) {
			token := seed003BlockWith(t, "error", "invalid_token")
			for code := range rfc6750Errors {
				s, ok := trustedSeed[code]
				require.True(t, ok, "seed 002 §2 explains %s", code)
				want := Entry{
					Code: code, Status: s.Status, Title: s.Title, Detail: rfc6750Description(code),
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

	t.Run("every RFC 6749 error has the reference's description, its status and the "+
		"OAuth format", func(t *testing.T) {
		refs, _ := parseRFC6749(t)
		require.Len(t, refs, 8, "the reference lists 8 codes, invalid_request among them")
		for _, r := range refs {
			if r.Code == InvalidRequest {
				continue // RFC 6750's entry, compared above; see the next case
			}
			status := r.Status
			if s, ok := rfc6749Statuses[r.Code]; ok {
				if status != 0 {
					assert.Equal(t, s, status, "%s: DESIGN.md and the reference agree", r.Code)
				}
				status = s
			}
			require.NotZero(t, status, "%s has a status", r.Code)
			check(t, r.Code, Entry{
				Code: r.Code, Status: status, Title: http.StatusText(status),
				Detail: r.Description, Retry: expectedRetry(r.Code, status),
				Format: FormatOAuth, Source: "RFC 6749",
			})
		}
	})

	t.Run("invalid_request is one entry for both RFCs, with RFC 6750's description",
		func(t *testing.T) {
			refs, _ := parseRFC6749(t)
			i := slices.IndexFunc(refs, func(r rfc6749Error) bool { return r.Code == InvalidRequest })
			require.GreaterOrEqual(t, i, 0)
			assert.Contains(t, strings.Join(refs[i].Notes, " "), "keeps RFC 6750's description")
			e, _ := Lookup(InvalidRequest)
			assert.Equal(t, "RFC 6750", e.Source)
			assert.Equal(t, rfc6750Description(InvalidRequest), e.Detail)
			assert.NotEqual(t, refs[i].Description, e.Detail)
		})

	t.Run("the catalog holds exactly the compared entries", func(t *testing.T) {
		var all []Code
		for e := range Entries() {
			all = append(all, e.Code)
		}
		assert.Len(t, all, 113)
		assert.ElementsMatch(t, all, slices.Collect(maps.Keys(compared)))
		t.Logf("compared %d catalog entries with their documents", len(compared))
	})
}

// TestCatalogTexts holds the rules of DESIGN.md's "Where the texts come from"
// that a comparison with the parsed documents cannot show by itself.
func TestCatalogTexts(t *testing.T) {
	// Each profile is the indentation of every line, read off seed 003 by
	// hand: a nested step is indented under its parent; a list is flush with
	// the paragraph that introduces it.
	for _, tc := range []struct {
		name    string
		code    Code
		text    func(Entry) string
		profile []int
	}{
		{"CONSENTIMENTO_INVALIDO's two sub-steps read under step 2",
			ConsentimentoInvalido, solution, []int{0, 0, 2, 2}},
		{"DADOS_INVALIDOS's steps each hold a sub-step",
			DadosInvalidos, solution, []int{0, 2, 0, 2}},
		{"LIMITE_PERIODO_VALOR_EXCEDIDO's second bullet reads under the first",
			LimitePeriodoValorExcedido, solution, []int{0, 2}},
		{"LIMITE_PERIODO_QUANTIDADE_EXCEDIDO's second bullet reads under the first",
			LimitePeriodoQuantidadeExcedido, solution, []int{0, 2}},
		{"DATA_PAGAMENTO_INVALIDA's examples are flush with the sentence introducing them",
			DataPagamentoInvalida, cause, []int{0, 0, 0}},
		{"PAGAMENTO_NAO_PERMITE_CANCELAMENTO's list is flush between its two sentences",
			PagamentoNaoPermiteCancelamento, solution, []int{0, 0, 0, 0, 0}},
		{"DEPENDE_MULTIPLA_ALCADA's bullets are flush around the sentence between them",
			DependeMultiplaAlcada, solution, []int{0, 0, 0}},
		{"CONSENTIMENTO_NAO_AUTORIZADO's two solutions are flush, in seed order",
			ConsentimentoNaoAutorizado, solution, []int{0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := Lookup(tc.code)
			require.True(t, ok)
			var got []int
			for _, l := range strings.Split(tc.text(e), "\n") {
				got = append(got, len(l)-len(strings.TrimLeft(l, " ")))
			}
			assert.Equal(t, tc.profile, got, "%q", tc.text(e))
		})
	}

	_, charset := parseRFC6749(t)
	for e := range Entries() {
		switch e.Source {
		case "Brick Bank":
			t.Run(string(e.Code)+"'s cause and solution start flush and nest one step at a time",
				func(t *testing.T) {
					for _, text := range []string{e.Cause, e.Solution} {
						if text == "" {
							continue
						}
						prev := -2 // the first line is flush
						for _, l := range strings.Split(text, "\n") {
							n := len(l) - len(strings.TrimLeft(l, " "))
							assert.True(t, n%2 == 0 && n <= prev+2 && n < len(l),
								"line %q indented %d after %d, in %q", l, n, prev, text)
							prev = n
						}
					}
				})
		case "TrustedX":
			t.Run(string(e.Code)+"'s description carries no Markdown marks", func(t *testing.T) {
				assert.NotContains(t, e.Detail, "*")
				assert.NotContains(t, e.Detail, "`")
			})
		case "RFC 6749", "RFC 6750":
			// RFC 6750 §3 sets error_description the same bounds as RFC 6749
			// §5.2: what can travel in a WWW-Authenticate quoted-string.
			t.Run(string(e.Code)+"'s description is in error_description's character set",
				func(t *testing.T) {
					i := outsideCharset(e.Detail, charset)
					assert.Equal(t, -1, i, "byte %d of %q", i, e.Detail)
					assert.NotContains(t, e.Cause, "`", "the explanation carries no Markdown marks")
					assert.NotContains(t, e.Cause, "*", "the explanation carries no Markdown marks")
				})
		}
	}
}

func cause(e Entry) string    { return e.Cause }
func solution(e Entry) string { return e.Solution }

// TestSeedText holds the seed reader's rule for "Causa" and "Solução" texts
// to a hand-made input, so that TestCatalogMatchesSeeds compares the catalog
// with the rule DESIGN.md states and not with a reader's slip.
func TestSeedText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"indentation all lines share is removed",
			[]string{"  1. a;", "  2. b."}, "1. a;\n2. b."},
		{"a nested step stays indented under its parent",
			[]string{"  1. a:", "    1. b;", "  2. c."}, "1. a:\n  1. b;\n2. c."},
		{"a list a blank line apart from its paragraph is flush with it",
			[]string{"Exemplo:", "", "  • a;", "  • b."}, "Exemplo:\n• a;\n• b."},
		{"a nested list a blank line apart keeps its own nesting",
			[]string{"Passos:", "", "  1. a:", "    1. b;", "  2. c."}, "Passos:\n1. a:\n  1. b;\n2. c."},
		{"blank lines and trailing spaces are dropped, bullets kept",
			[]string{"", "  • a ", "", "  • b", ""}, "• a\n• b"},
		{"no line gives no text", []string{"", ""}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, seedText(tc.lines)) })
	}
}

// retryExceptions are DESIGN.md's entries whose class the status alone does
// not give, each with the sentence behind it in the entry's own text.
var retryExceptions = []Code{
	TooManySessions, ErroChamadaAPI, TimeoutChamadaAPI, InvalidToken, TokenNaoAutorizado,
	LimiteOperacionalExcedido,
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
		"RFC 6749": FormatOAuth,
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
	t.Run("a code documented twice joins both causes and both solutions in seed order",
		func(t *testing.T) {
			e, _ := Lookup(ConsentimentoNaoAutorizado)
			first, second, ok := strings.Cut(e.Cause, "\n")
			require.True(t, ok)
			assert.True(t, strings.HasPrefix(first, "O consentimento gerado"), first)
			assert.True(t, strings.HasPrefix(second, "Esse cenário"), second)
			first, second, ok = strings.Cut(e.Solution, "\n")
			require.True(t, ok)
			assert.True(t, strings.HasPrefix(first, "Consulte o consentimento"), first)
			assert.True(t, strings.HasPrefix(second, "Verifique se o consentimento possui"), second)
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

// codeConstants reads catalog_data.go's Code constants: name and doc comment
// (unwrapped), by value.
func codeConstants(t *testing.T) map[Code]codeConstant {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "catalog_data.go", nil, parser.ParseComments)
	require.NoError(t, err)
	consts := map[Code]codeConstant{}
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
			doc := strings.Join(strings.Fields(vs.Doc.Text()), " ")
			consts[Code(value)] = codeConstant{vs.Names[0].Name, doc}
		}
	}
	return consts
}

type codeConstant struct{ name, doc string }

// TestCodeConstants reads catalog_data.go's source: one exported constant per
// entry, named by the rule, with a doc comment giving its status and title,
// then the entry's Summary: the summary is written twice, and this keeps the
// two the same.
func TestCodeConstants(t *testing.T) {
	consts := codeConstants(t)
	require.Len(t, consts, 113)
	for e := range Entries() {
		c, ok := consts[e.Code]
		if !assert.True(t, ok, "a constant for %s", e.Code) {
			continue
		}
		assert.Equal(t, wantConstName(e), c.name, "name of %s", e.Code)
		assert.True(t, unicode.IsUpper(rune(c.name[0])), "%s is exported", c.name)
		wantDoc := c.name + " is " + strconv.Itoa(e.Status) + " " + strconv.Quote(e.Title) + ": "
		rest, ok := strings.CutPrefix(c.doc, wantDoc)
		if !assert.True(t, ok, "doc of %s starts %q; got %q", c.name, wantDoc, c.doc) {
			continue
		}
		// The summary opens a sentence of its own; in the doc it follows a colon.
		r, n := utf8.DecodeRuneInString(rest)
		assert.True(t, strings.HasPrefix(string(unicode.ToUpper(r))+rest[n:], e.Summary),
			"doc of %s goes on with its Summary %q; got %q", c.name, e.Summary, rest)
	}
}

// TestSummaries holds every entry's Summary to DESIGN.md: one plain English
// sentence, for readers of neither Portuguese nor Spanish.
func TestSummaries(t *testing.T) {
	anotherSentence := regexp.MustCompile(`[.!?]\s+\S`)
	for e := range Entries() {
		t.Run(string(e.Code)+" has a one-sentence English summary", func(t *testing.T) {
			s := e.Summary
			require.NotEmpty(t, s)
			assert.LessOrEqual(t, utf8.RuneCountInString(s), 200, "%q", s)
			r, _ := utf8.DecodeRuneInString(s)
			assert.True(t, unicode.IsUpper(r) || unicode.IsDigit(r), "starts a sentence: %q", s)
			assert.True(t, strings.HasSuffix(s, "."), "ends in a period: %q", s)
			assert.Nil(t, anotherSentence.FindStringIndex(s), "one sentence: %q", s)
			for i, r := range s {
				if !assert.True(t, ' ' <= r && r <= '~', "plain ASCII, no accent of "+
					"Portuguese or Spanish: %q at byte %d of %q", r, i, s) {
					break
				}
			}
			assert.NotEqual(t, e.Title, s, "says more than the title")
			assert.NotEqual(t, e.Detail, s, "says more than the detail")
		})
	}
}

// TestCatalogComments reads catalog_data.go's comments: a comment that quotes
// a document ('seed 003: "…"', 'RFC 6750 §3.1: "…"') quotes it verbatim, every
// entry cites where it comes from, and every retry class DESIGN.md makes an
// exception of carries the sentence behind it, from the entry's own text.
func TestCatalogComments(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "catalog_data.go", nil, parser.ParseComments)
	require.NoError(t, err)
	collapse := func(s string) string { return strings.Join(strings.Fields(s), " ") }

	docs := map[string]string{
		"RFC 6750": collapse(strings.Join(slices.Collect(maps.Values(rfc6750Errors)), " ")),
	}
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		docs["seed "+n] = collapse(readSeed(t, n))
	}
	ref, err := os.ReadFile(filepath.Join("testdata", "refs", "rfc6749-errors.txt"))
	require.NoError(t, err)
	docs["RFC 6749"] = collapse(string(ref))

	// A citation names the document first, then after a colon its quote.
	citation := regexp.MustCompile(`(seed \d{3}|RFC 67(?:49|50))[^:"]*: ("(?:[^"\\]|\\.)*")`)
	type cited struct{ doc, quote string }
	citations := func(cg *ast.CommentGroup) []cited {
		var out []cited
		for _, m := range citation.FindAllStringSubmatch(collapse(cg.Text()), -1) {
			q, err := strconv.Unquote(m[2])
			require.NoError(t, err, "%s", m[0])
			out = append(out, cited{m[1], q})
		}
		return out
	}

	t.Run("every quote in a comment is in the document it names", func(t *testing.T) {
		n := 0
		for _, cg := range file.Comments {
			for _, c := range citations(cg) {
				text, ok := docs[c.doc]
				require.True(t, ok, "a document the test reads: %q", c.doc)
				assert.Contains(t, text, collapse(c.quote), "%s quoted at %s",
					c.doc, fset.Position(cg.Pos()))
				n++
			}
		}
		assert.Greater(t, n, 113, "the entries' citations and the retry exceptions' quotes")
	})

	// The catalog literal: each entry's citation above it, its Retry comment
	// beside or above its Retry field.
	endsAt, startsAt := map[int]*ast.CommentGroup{}, map[int]*ast.CommentGroup{}
	for _, cg := range file.Comments {
		endsAt[fset.Position(cg.End()).Line] = cg
		startsAt[fset.Position(cg.Pos()).Line] = cg
	}
	type entryComments struct{ cite, retry *ast.CommentGroup }
	byCode := map[Code]entryComments{}
	consts := codeConstants(t)
	byName := map[string]Code{}
	for code, c := range consts {
		byName[c.name] = code
	}
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR || gen.Specs[0].(*ast.ValueSpec).Names[0].Name != "catalog" {
			continue
		}
		for _, el := range gen.Specs[0].(*ast.ValueSpec).Values[0].(*ast.CompositeLit).Elts {
			var code Code
			var ec entryComments
			ec.cite = endsAt[fset.Position(el.Pos()).Line-1]
			for _, f := range el.(*ast.CompositeLit).Elts {
				kv := f.(*ast.KeyValueExpr)
				switch line := fset.Position(kv.Pos()).Line; kv.Key.(*ast.Ident).Name {
				case "Code":
					code = byName[kv.Value.(*ast.Ident).Name]
				case "Retry":
					if ec.retry = startsAt[line]; ec.retry == nil {
						ec.retry = endsAt[line-1]
					}
				}
			}
			byCode[code] = ec
		}
	}
	require.Len(t, byCode, 113)

	brick, brickSeed := parseSeed003(t)
	for e := range Entries() {
		ec := byCode[e.Code]
		t.Run(string(e.Code)+" cites where it comes from", func(t *testing.T) {
			require.NotNil(t, ec.cite)
			text := collapse(ec.cite.Text())
			switch e.Source {
			case "Brick Bank":
				assert.True(t, strings.HasPrefix(text, "seed 003"), text)
				if slices.Contains(brick, e.Code) {
					s := brickSeed[e.Code]
					assert.Contains(t, citations(ec.cite),
						cited{"seed 003", strconv.Itoa(s.Status) + " " + s.Heading}, "its heading")
				}
			case "TrustedX":
				assert.Contains(t, citations(ec.cite), cited{"seed 002",
					"HTTP/1.1 " + strconv.Itoa(e.Status) + " " + e.Title}, "its section")
			default:
				assert.Contains(t, text, e.Source, text)
			}
		})
	}

	for _, code := range retryExceptions {
		t.Run(string(code)+"'s retry class quotes the sentence behind it", func(t *testing.T) {
			e, _ := Lookup(code)
			ec := byCode[code]
			require.NotNil(t, ec.retry, "a comment on the Retry field")
			cs := citations(ec.retry)
			require.Len(t, cs, 1, "%q", ec.retry.Text())
			own := collapse(e.Cause + " " + e.Solution)
			if e.Source == "RFC 6750" {
				own = collapse(rfc6750Errors[code])
			}
			assert.Contains(t, own, collapse(cs[0].quote), "from the entry's own text")
		})
	}
	for _, code := range []Code{InvalidClient, InvalidGrant} {
		t.Run(string(code)+"'s NoRetry says why", func(t *testing.T) {
			require.NotNil(t, byCode[code].retry, "a comment on the Retry field")
			assert.Contains(t, byCode[code].retry.Text(), "user's to get")
		})
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
