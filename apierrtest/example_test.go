package apierrtest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/apierrtest"
)

// A server that fails twice, then works: the client's Transport resends on
// the documented schedule, and the test asserts the schedule without
// sleeping through it.
func ExampleNewServer() {
	t := &testing.T{} // in a test, the test's own t, whose Cleanup closes the server
	srv := apierrtest.NewServer(t,
		apierrtest.Respond(apierr.New(apierr.ErroInterno)).Times(2),
		apierrtest.Status(http.StatusOK, nil, `{"data":"ok"}`),
	)
	defer srv.Close()

	var sleeper apierrtest.Sleeper
	client := &http.Client{Transport: &apierr.Transport{Sleep: sleeper.Sleep}}
	resp, err := client.Get(srv.URL + "/accounts")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, "after", len(srv.Requests()), "requests")
	fmt.Println("waits:", sleeper.Waits())
	// Output:
	// 200 after 3 requests
	// waits: [3s 6s]
}

// Each route its own script; other requests get NewServer's.
func ExampleServer_Handle() {
	t := &testing.T{}
	srv := apierrtest.NewServer(t, apierrtest.Status(http.StatusOK, nil, "ok"))
	defer srv.Close()
	srv.Handle("GET /consents/{id}",
		apierrtest.Respond(apierr.New(apierr.ConsentimentoNaoEncontrado)))
	srv.Handle("POST /payments", apierrtest.KongNoRoute())

	for _, call := range []struct{ method, path string }{
		{"GET", "/consents/42"}, {"POST", "/payments"}, {"GET", "/health"},
	} {
		req, _ := http.NewRequest(call.method, srv.URL+call.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(call.method, call.path, resp.Status)
	}
	// Output:
	// GET /consents/42 404 Not Found
	// POST /payments 404 Not Found
	// GET /health 200 OK
}

// A connection reset before any response is a transport failure, which a
// Transport resends.
func ExampleReset() {
	t := &testing.T{}
	srv := apierrtest.NewServer(t, apierrtest.Reset(), apierrtest.Status(http.StatusOK, nil, ""))
	defer srv.Close()

	_, err := http.Get(srv.URL)
	fmt.Println("plain client:", apierr.RetryOf(err), strings.Contains(err.Error(), "reset"))

	var sleeper apierrtest.Sleeper
	client := &http.Client{Transport: &apierr.Transport{Sleep: sleeper.Sleep}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println("Transport:", resp.StatusCode, sleeper.Waits())
	// Output:
	// plain client: backoff true
	// Transport: 200 []
}

// The whole schedule of a failure that never ends, asserted at once. The
// Sleeper's clock is the Transport's too, so that its per-host budget sees
// the 93 seconds go by.
func ExampleSleeper() {
	t := &testing.T{}
	srv := apierrtest.NewServer(t, apierrtest.NginxGatewayTimeout())
	defer srv.Close()

	var sleeper apierrtest.Sleeper
	client := &http.Client{Transport: &apierr.Transport{Sleep: sleeper.Sleep, Now: sleeper.Now}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Status, "after waiting", sleeper.Waits(), "=", sleeper.Total())
	// Output:
	// 504 Gateway Time-out after waiting [3s 6s 12s 24s 48s] = 1m33s
}

// A table test over every documented failure checks what a client does
// about each. Here, the failures that are not catalog entries, and what a
// client should do about them.
func ExampleFailures() {
	for f := range apierrtest.Failures() {
		if _, documented := apierr.Lookup(apierr.Code(f.Name)); !documented {
			fmt.Printf("%-30s %s\n", f.Name, f.Retry)
		}
	}
	// Output:
	// nginx 502                      backoff
	// nginx 504                      backoff
	// nginx 429                      no-retry
	// nginx 429 Retry-After          no-retry
	// nginx 503                      backoff
	// nginx 413                      no-retry
	// HAProxy 504                    backoff
	// Caddy 502                      backoff
	// Caddy 504                      backoff
	// Envoy 503 no healthy upstream  backoff
	// Envoy 503 connection failure   backoff
	// Kong 404                       no-retry
	// Kong 502                       backoff
	// Kong 429                       no-retry
	// connection reset               backoff
	// truncated body                 backoff
	// 401 no token                   reauthenticate
}

// An API handler's error response, judged against the documents: this one
// reports a payment error with its own status and key order, and forgets
// the interaction id.
func ExampleCheckResponse() {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		fmt.Fprint(w, `{"title":"Erro idempotência.","code":"ERRO_IDEMPOTENCIA","detail":"…"}`)
	})
	req := httptest.NewRequest(http.MethodPost, "/payments", nil)
	req.Header.Set("X-Fapi-Interaction-Id", "8f6bd3c2")
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)

	err := apierrtest.CheckResponse(req, rec.Result())
	for _, v := range apierrtest.Violations(err) {
		fmt.Println(v)
	}
	// Output:
	// interaction id: the request's x-fapi-interaction-id "8f6bd3c2" is not echoed
	// key order: the members come as title, code, detail; Brick Bank's body has them as code, title, detail
	// catalog status: ERRO_IDEMPOTENCIA is 422 "Erro idempotência." in the catalog, the response is 409
}

// A gateway's page, as nginx sends it when the API behind it is down.
func ExampleNginxBadGateway() {
	t := &testing.T{}
	srv := apierrtest.NewServer(t, apierrtest.NginxBadGateway())
	defer srv.Close()

	resp, err := http.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status, resp.Header.Get("Server"))
	e := apierr.FromResponse(resp).(*apierr.Error)
	fmt.Printf("%s answered %q: %s\n", e.Gateway, e.Detail, e.Retry)
	// Output:
	// 502 Bad Gateway nginx/1.22.1
	// nginx answered "502 Bad Gateway": backoff
}

// An application's own codes, judged by its catalog: the status and title
// the application gave them.
func ExampleCheckResponseIn() {
	cat, err := apierr.Documented().With(apierr.Entry{Code: "SALDO_INSUFICIENTE", Status: 422,
		Title: "Saldo insuficiente", Detail: "A conta não tem saldo para o pagamento."})
	if err != nil {
		fmt.Println(err)
		return
	}
	req := httptest.NewRequest(http.MethodPost, "/payments", nil)
	rec := httptest.NewRecorder()
	apierr.Write(rec, req, cat.New("SALDO_INSUFICIENTE").WithDetail("Saldo: R$ 10,00."))
	fmt.Println("as written:", apierrtest.CheckResponseIn(cat, req, rec.Result()))

	rec = httptest.NewRecorder()
	rec.Header().Set("Content-Type", "application/json")
	rec.WriteHeader(http.StatusBadRequest)
	fmt.Fprint(rec, `{"code":"SALDO_INSUFICIENTE","title":"Saldo insuficiente","detail":"…"}`)
	fmt.Println("by hand:", apierrtest.CheckResponseIn(cat, req, rec.Result()))
	// Output:
	// as written: <nil>
	// by hand: catalog status: SALDO_INSUFICIENTE is 422 "Saldo insuficiente" in the catalog, the response is 400
}
