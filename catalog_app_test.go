package apierr

// An application's own codes: Catalog, NewCatalog, With, ReadEntries, and
// how they reach the server, the client and the Transport.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var saldoInsuficiente = Entry{
	Code: "SALDO_INSUFICIENTE", Status: 422, Title: "Saldo insuficiente",
	Detail: "O saldo não cobre o pagamento.", Format: FormatCodeTitleDetail,
	Source: "Ledger", Summary: "The account balance does not cover the payment.",
}

var ledgerOcupado = Entry{
	Code: "LEDGER_OCUPADO", Status: 409, Title: "Ledger ocupado", Retry: Backoff,
	Format: FormatCodeTitleDetail, Source: "Ledger",
	Summary: "The ledger is settling another payment for the account; resend later.",
}

func TestCatalogWith(t *testing.T) {
	cat, err := Documented().With(saldoInsuficiente, ledgerOcupado)
	require.NoError(t, err)
	t.Run("the new catalog holds both the documented and the app's codes", func(t *testing.T) {
		assert.Equal(t, Documented().Len()+2, cat.Len())
		got, ok := cat.Lookup("SALDO_INSUFICIENTE")
		require.True(t, ok)
		assert.Equal(t, saldoInsuficiente, got)
		_, ok = cat.Lookup(ConsentimentoInvalido)
		assert.True(t, ok)
	})
	t.Run("the catalog it came from is unchanged", func(t *testing.T) {
		_, ok := Documented().Lookup("SALDO_INSUFICIENTE")
		assert.False(t, ok)
		_, ok = Lookup("SALDO_INSUFICIENTE")
		assert.False(t, ok)
	})
	t.Run("entries stay ordered by status then code", func(t *testing.T) {
		all := slices.Collect(cat.Entries())
		assert.True(t, slices.IsSortedFunc(all, func(a, b Entry) int {
			if a.Status != b.Status {
				return a.Status - b.Status
			}
			return strings.Compare(string(a.Code), string(b.Code))
		}))
	})
	t.Run("New builds the app's error, and an unknown code is ERRO_INTERNO", func(t *testing.T) {
		e := cat.New("SALDO_INSUFICIENTE")
		assert.Equal(t, 422, e.Status)
		assert.Equal(t, "Saldo insuficiente", e.Title)
		unknown := cat.New("NO_SUCH")
		assert.Equal(t, ErroInterno, unknown.Code)
		assert.Contains(t, unknown.Error(), `unknown code "NO_SUCH"`)
	})
	t.Run("Lookup does not allocate, in any catalog", func(t *testing.T) {
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = cat.Lookup("SALDO_INSUFICIENTE") }))
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Lookup(ConsentimentoInvalido) }))
	})
}

func TestCatalogValidation(t *testing.T) {
	_, err := Documented().With(
		Entry{Code: "", Status: 400, Title: "x"},
		Entry{Code: ConsentimentoInvalido, Status: 400, Title: "mine now"},
		Entry{Code: "A", Status: 700, Title: ""},
		Entry{Code: "B", Status: 400, Title: "b", Retry: RetryClass(9), Format: Format(9)},
		Entry{Code: "C", Status: 409, Title: "c"},
		Entry{Code: "C", Status: 409, Title: "c again"},
	)
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		`apierr: entry 0 (""): empty code`,
		`apierr: entry 1 ("CONSENTIMENTO_INVALIDO"): code already in the catalog (Brick Bank): ` +
			`an application cannot redefine it`,
		`apierr: entry 2 ("A"): status 700 is outside 400–599; empty title`,
		`apierr: entry 3 ("B"): undefined retry class 9; undefined format 9`,
		`apierr: entry 5 ("C"): code given twice`,
	}, "\n"), err.Error(), "every problem at once, each naming its entry")

	_, err = NewCatalog(Entry{Code: "X", Status: 499, Title: "Client Closed Request"})
	assert.NoError(t, err, "a new catalog need not hold the documented codes")
}

func TestEmptyCatalogs(t *testing.T) {
	for name, cat := range map[string]*Catalog{"a nil *Catalog": nil, "the zero Catalog": {}} {
		t.Run(name+" is empty and never panics", func(t *testing.T) {
			assert.Zero(t, cat.Len())
			_, ok := cat.Lookup(ConsentimentoInvalido)
			assert.False(t, ok)
			assert.Empty(t, slices.Collect(cat.Entries()))
			assert.Equal(t, ErroInterno, cat.New(ConsentimentoInvalido).Code)
			resp, _ := response(400, `{"code":"CONSENTIMENTO_INVALIDO"}`)
			e, ok := cat.FromResponse(resp).(*Error)
			require.True(t, ok)
			assert.Equal(t, NoRetry, e.Retry, "no code known: the status decides")
			grown, err := cat.With(saldoInsuficiente)
			require.NoError(t, err)
			assert.Equal(t, 1, grown.Len())
		})
	}
}

func TestReadEntries(t *testing.T) {
	t.Run("reads every member, with defaults for retry and format", func(t *testing.T) {
		entries, err := ReadEntries(strings.NewReader(`[
			{"code":"SALDO_INSUFICIENTE","status":422,"title":"Saldo insuficiente",
			 "detail":"O saldo não cobre o pagamento.","format":"code-title-detail",
			 "source":"Ledger","summary":"The account balance does not cover the payment."},
			{"code":"LEDGER_OCUPADO","status":409,"title":"Ledger ocupado","retry":"backoff",
			 "source":"Ledger",
			 "summary":"The ledger is settling another payment for the account; resend later."},
			{"code":"LEDGER_FORA","status":503,"title":"Ledger fora do ar","format":"oauth",
			 "cause":"c","solution":"s"}
		]`))
		require.NoError(t, err)
		require.Len(t, entries, 3)
		assert.Equal(t, saldoInsuficiente, entries[0])
		assert.Equal(t, ledgerOcupado, entries[1])
		assert.Equal(t, Entry{Code: "LEDGER_FORA", Status: 503, Title: "Ledger fora do ar",
			Retry: Backoff, Format: FormatOAuth, Cause: "c", Solution: "s"}, entries[2],
			"a missing retry is StatusRetry(503)")
	})
	for _, tc := range []struct{ name, in, want string }{
		{"a misspelt member is an error, with its line", "[\n  {\"code\":\"A\",\n   \"stauts\":409}]",
			`apierr: entries: line 3, column 4: entry 0: unknown member "stauts"`},
		{"a member's case matters", `[{"code":"A","Status":409}]`,
			`apierr: entries: line 1, column 14: entry 0: unknown member "Status"`},
		{"a wrong type names the member", `[{"code":"A","status":"409"}]`,
			`apierr: entries: line 1, column 14: entry 0: member "status": want int, found string`},
		{"an unknown retry class names the choices", `[{"code":"A","retry":"sometimes"}]`,
			`apierr: entries: line 1, column 14: entry 0: unknown retry class "sometimes" ` +
				`(want one of no-retry, backoff, reauthenticate)`},
		{"an unknown format names the choices", `[{"code":"A","format":"xml"}]`,
			`apierr: entries: line 1, column 14: entry 0: unknown format "xml" (want one of ` +
				`unknown, code-title-detail, oauth, bearer, problem)`},
		{"a member given twice", `[{"code":"A","code":"B"}]`,
			`apierr: entries: line 1, column 14: entry 0: member "code" given twice`},
		{"an object where an array belongs", `{"code":"A"}`,
			`apierr: entries: line 1, column 1: want a JSON array of entries`},
		{"an element that is not an object", `[{"code":"A","status":400,"title":"t"}, 7]`,
			`apierr: entries: line 1, column 41: entry 1: want an object`},
		{"an array cut short", `[{"code":"A"}`,
			`apierr: entries: line 1, column 14: want ']' to close the array`},
		{"data after the array", `[] []`, `apierr: entries: line 1, column 4: data after the array`},
		{"nothing at all", ``, `apierr: entries: line 1, column 1: want a JSON array of entries`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadEntries(strings.NewReader(tc.in))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
	t.Run("a file too large is refused, not read whole", func(t *testing.T) {
		_, err := ReadEntries(endless{})
		assert.ErrorContains(t, err, "more than 32 MiB")
	})
	t.Run("a read error is reported", func(t *testing.T) {
		_, err := ReadEntries(failing{})
		assert.ErrorContains(t, err, "disk on fire")
	})
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// An app's codes reach the server, the client and the Transport.
func TestAppCodesEverywhere(t *testing.T) {
	cat, err := Documented().With(saldoInsuficiente, ledgerOcupado)
	require.NoError(t, err)
	t.Run("the server writes them as documented codes", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, newRequest("POST", ""), cat.New("LEDGER_OCUPADO"))
		assert.Equal(t, 409, rec.Code)
		keyOrder(t, rec.Body.Bytes(), "code", "title", "detail")
	})
	t.Run("the client reads their class", func(t *testing.T) {
		resp, _ := response(409, `{"code":"LEDGER_OCUPADO"}`)
		e := cat.FromResponse(resp).(*Error)
		assert.Equal(t, Backoff, e.Retry)
		assert.Equal(t, "Ledger ocupado", e.Title, "filled in from the app's entry")
		resp, _ = response(409, `{"code":"LEDGER_OCUPADO"}`)
		assert.Equal(t, NoRetry, classified(t, resp).Retry, "the documented catalog does not know it")
	})
	t.Run("the Transport resends what the app's catalog calls transient", func(t *testing.T) {
		srv := newScripted(t, reply{409, `{"code":"LEDGER_OCUPADO"}`, nil}, ok200)
		sl := &sleeper{}
		c, _ := client(t, sl, func(tr *Transport) { tr.Catalog = cat })
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, 200, resp.StatusCode)
		readAll(t, resp)
		assert.Equal(t, secs(3), sl.got())
	})
}

func TestTransportClassify(t *testing.T) {
	rateLimited := reply{429, "<html><title>429 Too Many Requests</title></html>",
		[]string{"Retry-After", "30"}}
	t.Run("without Classify a gateway's 429 is not resent", func(t *testing.T) {
		srv := newScripted(t, rateLimited, ok200)
		c, _ := client(t, &sleeper{})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 429, resp.StatusCode)
	})
	t.Run("ResendRateLimited resends a 429 that names its wait, after that wait", func(t *testing.T) {
		srv := newScripted(t, rateLimited, ok200)
		sl := &sleeper{}
		c, _ := client(t, sl, func(tr *Transport) { tr.Classify = ResendRateLimited })
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, secs(30), sl.got())
	})
	t.Run("ResendRateLimited leaves a 429 without Retry-After alone", func(t *testing.T) {
		srv := newScripted(t, reply{429, "", nil}, ok200)
		c, _ := client(t, &sleeper{}, func(tr *Transport) { tr.Classify = ResendRateLimited })
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 429, resp.StatusCode)
	})
	t.Run("a caller's own rule decides from the classified error", func(t *testing.T) {
		srv := newScripted(t, reply{503, `{"code":"ERRO_INTERNO"}`, nil})
		var seen []Code
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.Classify = func(e *Error) RetryClass { seen = append(seen, e.Code); return NoRetry }
		})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, []Code{ErroInterno}, seen)
		assert.Len(t, srv.seen(), 1)
	})
	assert.Equal(t, NoRetry, ResendRateLimited(nil))
	assert.Equal(t, Backoff, ResendRateLimited(&Error{Status: 503, Retry: Backoff}))
}

// ExampleCatalog_With adds an application's own codes to the documented
// ones, for its server, its clients and its Transport alike.
func ExampleCatalog_With() {
	cat, err := Documented().With(Entry{
		Code: "SALDO_INSUFICIENTE", Status: 422, Title: "Saldo insuficiente",
		Detail:  "O saldo não cobre o pagamento.",
		Summary: "The account balance does not cover the payment.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := cat.New("SALDO_INSUFICIENTE")
	fmt.Println(e.Status, e.Code, e.Retry)

	// Clients classify with it too: &http.Client{Transport: &Transport{Catalog: cat}}.
	// Output: 422 SALDO_INSUFICIENTE no-retry
}

// FuzzReadEntries holds ReadEntries to its contract on any input: an error
// or entries, never a panic, and what it reads writes back and reads again
// as the same entries.
func FuzzReadEntries(f *testing.F) {
	f.Add([]byte(`[{"code":"A","status":409,"title":"t","retry":"backoff","format":"oauth"}]`))
	f.Add([]byte("[\n {\"code\":\"A\",\n  \"stauts\":409}]"))
	f.Add([]byte(`[{"code":"A","status":"409"},{}]`))
	f.Add([]byte(`[] x`))
	f.Fuzz(func(t *testing.T, in []byte) {
		entries, err := ReadEntries(bytes.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "apierr: entries: line ") {
				t.Fatalf("an error without its position: %v", err)
			}
			return
		}
		for _, e := range entries {
			if int(e.Retry) >= len(retryClassNames) || int(e.Format) >= len(formatNames) {
				t.Fatalf("an undefined class or format read: %+v", e)
			}
		}
		out, err := json.Marshal(append([]Entry{}, entries...)) // "[]", not "null", for none
		if err != nil {
			t.Fatal(err)
		}
		again, err := ReadEntries(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if len(entries) > 0 && !slices.Equal(entries, again) {
			t.Fatalf("round trip changed the entries:\n%+v\n%+v", entries, again)
		}
	})
}
