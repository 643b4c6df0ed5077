package apierr_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/apierr/apierr"
)

func ExampleNew() {
	err := apierr.New(apierr.ConsentimentoInvalido)
	fmt.Println(err.Status, err.Code, err.Format)
	fmt.Println(err.Detail)

	// An unknown code is a programming error: it becomes ERRO_INTERNO.
	fmt.Println(apierr.New("NO_SUCH_CODE"))
	// Output:
	// 400 CONSENTIMENTO_INVALIDO code-title-detail
	// O consentimento não é válido para realizar essa requisição.
	// apierr: 500 ERRO_INTERNO (unknown code "NO_SUCH_CODE"): Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça a operação.
}

func ExampleLookup() {
	e, ok := apierr.Lookup("TOO_MANY_SESSIONS")
	fmt.Println(ok, e.Status, e.Title, e.Retry)

	_, ok = apierr.Lookup("SALDO_INSUFICIENTE")
	fmt.Println(ok)
	// Output:
	// true 429 Too Many Sessions backoff
	// false
}

func ExampleCodeOf() {
	err := fmt.Errorf("load consent: %w", apierr.Wrap(apierr.ConsentimentoNaoEncontrado,
		errors.New("sql: no rows in result set")))
	fmt.Println(apierr.CodeOf(err), apierr.StatusOf(err))

	// Any other error is what a server writes for it: an internal error.
	err = errors.New("disk full")
	fmt.Println(apierr.CodeOf(err), apierr.StatusOf(err))
	// Output:
	// CONSENTIMENTO_NAO_ENCONTRADO 404
	// ERRO_INTERNO 500
}

func ExampleRetryOf() {
	for _, err := range []error{
		apierr.New(apierr.ErroNoFluxoOIDC),
		apierr.New(apierr.TokenNaoAutorizado),
		apierr.New(apierr.LimiteOperacionalExcedido),
	} {
		fmt.Println(apierr.CodeOf(err), apierr.RetryOf(err))
	}
	// Output:
	// ERRO_NO_FLUXO_OIDC backoff
	// TOKEN_NAO_AUTORIZADO reauthenticate
	// LIMITE_OPERACIONAL_EXCEDIDO no-retry
}

func ExamplePolicy_Delay() {
	for n := 1; n <= apierr.DefaultPolicy.MaxRetries; n++ {
		fmt.Print(apierr.DefaultPolicy.Delay(n), " ")
	}
	fmt.Println()
	// Output: 3s 6s 12s 24s 48s
}

func ExampleWrite() {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/consents/42", nil)
	apierr.Write(rec, req, apierr.New(apierr.InsufficientScope).WithScope("accounts"))

	fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"))
	fmt.Println(rec.Body)
	// Output:
	// 403 Bearer realm="api", scope="accounts", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token."
	// {"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}
}

func ExampleWriter_HandlerFunc() {
	logs := slog.New(slog.DiscardHandler) // in production: your logger, which gets the cause
	h := apierr.Writer{Logger: logs}.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("loading consent: %w", errors.New("connection refused"))
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))

	// The cause went to the logs; the client sees the documented internal error.
	fmt.Println(rec.Code, rec.Body)
	// Output:
	// 500 {"code":"ERRO_INTERNO","title":"Erro interno","detail":"Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça a operação."}
}

func ExampleFromResponse() {
	resp := &http.Response{
		StatusCode: http.StatusTooManyRequests,
		Header:     http.Header{"Retry-After": {"5"}},
		Body: io.NopCloser(strings.NewReader(
			`{"code":"TOO_MANY_SESSIONS","title":"Too Many Sessions"}`)),
	}
	err := apierr.FromResponse(resp)

	var e *apierr.Error
	if errors.As(err, &e) {
		fmt.Println(e.Status, e.Code, e.Retry, e.RetryAfter)
		fmt.Println(e.Detail) // filled in from the catalog
	}
	// Output:
	// 429 TOO_MANY_SESSIONS backoff 5s
	// Você está acessando a conta de outro navegador simultaneamente.
}

func ExampleTransport() {
	var calls int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls++; calls < 3 {
			apierr.Writer{Logger: slog.New(slog.DiscardHandler)}.Write(w, r,
				apierr.New(apierr.ErroNoFluxoOIDC))
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()

	client := &http.Client{Transport: &apierr.Transport{
		// Tests inject the sleep: the real schedule waits 3 s, then 6 s, …
		Sleep: func(ctx context.Context, d time.Duration) error {
			fmt.Println("waiting", d)
			return nil
		},
	}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(body), "after", apierr.Attempts(resp), "attempts")
	// Output:
	// waiting 3s
	// waiting 6s
	// 200 ok after 3 attempts
}

func ExampleParseChallenges() {
	challenges, err := apierr.ParseChallenges(
		`Basic realm="legacy", Bearer realm="api", error="invalid_token"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range challenges {
		fmt.Printf("%s realm=%q error=%q\n", c.Scheme, c.Params["realm"], c.Params["error"])
	}
	// Output:
	// Basic realm="legacy" error=""
	// Bearer realm="api" error="invalid_token"
}

// ExamplePolicy shows the policies a client is likely to want. A zero field
// takes the documented value, so a partly filled Policy is never a tight
// loop; a fleet adds jitter so that its clients do not resend in step.
func ExamplePolicy() {
	documented := apierr.Policy{}             // 3 s, 6 s, 12 s, 24 s, 48 s
	fleet := apierr.Policy{Jitter: 0.2}       // the same, each wait ±20%
	short := apierr.Policy{MaxRetries: 2}     // 3 s, 6 s
	quick := apierr.Policy{Base: time.Second} // 1 s, 2 s, 4 s, 8 s, 16 s
	never := apierr.Policy{MaxRetries: -1}    // no resend at all
	client := &http.Client{Transport: &apierr.Transport{Policy: fleet}}
	_ = client

	for _, p := range []apierr.Policy{documented, short, quick, never} {
		retries := p.MaxRetries
		if retries == 0 {
			retries = apierr.DefaultPolicy.MaxRetries // the documented five
		}
		var waits []time.Duration
		for n := 1; n <= retries; n++ {
			waits = append(waits, p.Delay(n))
		}
		fmt.Println(waits)
	}
	// Output:
	// [3s 6s 12s 24s 48s]
	// [3s 6s]
	// [1s 2s 4s 8s 16s]
	// []
}

// ExampleTransport_refresh renews a token the way a challenge asks: the
// classified error carries the Bearer challenge's realm (the token
// endpoint), service and scope, as the Docker registry sends them, or an
// MCP server's resource_metadata. A 401 proves nothing ran, so even a POST
// is resent once with the new token.
func ExampleTransport_refresh() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer fresh" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="https://auth.example/token",`+
				`service="registry.example",scope="repository:team/app:pull",error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, "manifest")
	}))
	defer srv.Close()

	client := &http.Client{Transport: &apierr.Transport{
		Refresh: func(req *http.Request, e *apierr.Error) error {
			p := e.Challenge.Params
			fmt.Println("token from", p["realm"], "for", p["service"], p["scope"])
			req.Header.Set("Authorization", "Bearer fresh") // fetched from p["realm"]
			return nil
		},
	}}
	resp, err := client.Get(srv.URL + "/v2/team/app/manifests/latest")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(body))
	// Output:
	// token from https://auth.example/token for registry.example repository:team/app:pull
	// 200 manifest
}
