package main

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/apierrtest"
	"github.com/apierr/apierr/examples/appcatalog/acmepay"
)

func acmeCatalog(t *testing.T) *apierr.Catalog {
	t.Helper()
	cat, err := acmepay.Catalog()
	require.NoError(t, err)
	return cat
}

func newServer(t *testing.T, cat *apierr.Catalog) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newAPI(cat, slog.New(slog.DiscardHandler)).routes())
	t.Cleanup(srv.Close)
	return srv
}

// settledServer is the API with its account no longer busy, so that a
// payment is judged at once.
func settledServer(t *testing.T, cat *apierr.Catalog) (*api, *httptest.Server) {
	t.Helper()
	a := newAPI(cat, slog.New(slog.DiscardHandler))
	a.settling.Store(0)
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	return a, srv
}

// The whole demo, on loopback: the first answer as each catalog reads it,
// the 409 resent on the (scaled) schedule, the 422 and 404 given up at once.
func TestRunPrintsWhatTheClientMakesOfEachAnswer(t *testing.T) {
	cat := acmeCatalog(t)
	srv := newServer(t, cat)
	var sleeper apierrtest.Sleeper
	var out strings.Builder

	require.NoError(t, run(&out, cat, srv.URL, sleeper.Sleep))

	want := []string{
		"POST /payments of 50, once, with a plain http.Client:",
		"  apierr.FromResponse: 409 CONTA_EM_PROCESSAMENTO, no-retry: not in this catalog, " +
			"so the status decides",
		"  cat.FromResponse:    409 CONTA_EM_PROCESSAMENTO, backoff: The account is settling " +
			"an earlier payment; the same request succeeds once that is done.",
		`POST /payments {"amount":50} through apierr.Transport{Catalog: cat}:`,
		"  attempt 1: 409 CONTA_EM_PROCESSAMENTO, resending after 30ms",
		"  attempt 2: 409 CONTA_EM_PROCESSAMENTO, resending after 60ms",
		`  attempt 3: 201 {"id":"pay-1","amount":50}`,
		`POST /payments {"amount":5000} through apierr.Transport{Catalog: cat}:`,
		"  attempt 1: 422 SALDO_INSUFICIENTE, no-retry: The account balance does not cover " +
			"the payment.",
		"GET /payments/pay-1 through apierr.Transport{Catalog: cat}:",
		`  attempt 1: 200 {"id":"pay-1","amount":50}`,
		"GET /payments/pay-9 through apierr.Transport{Catalog: cat}:",
		"  attempt 1: 404 PAGAMENTO_NAO_ENCONTRADO, no-retry: No payment has the identifier " +
			"in the request's path.",
	}
	assert.Equal(t, strings.Join(want, "\n")+"\n", out.String())
	assert.Equal(t, []time.Duration{30 * time.Millisecond, 60 * time.Millisecond}, sleeper.Waits())
}

// The server writes the application's codes as apierr writes the
// documented ones, and every answer keeps the documents' rules.
func TestTheServerWritesTheApplicationsCodes(t *testing.T) {
	cat := acmeCatalog(t)
	srv := newServer(t, cat)
	tests := []struct {
		name, method, path, body string
		status                   int
		code                     apierr.Code
	}{
		{"a busy account", "POST", "/payments", `{"amount":50}`, 409,
			acmepay.ContaEmProcessamento},
		{"a body that is not a payment", "POST", "/payments", `{"amount":"x"}`, 400,
			apierr.DadosInvalidos},
		{"an unknown payment", "GET", "/payments/pay-7", "", 404, acmepay.PagamentoNaoEncontrado},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
			require.NoError(t, err)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.NoError(t, apierrtest.CheckResponseIn(cat, req, resp))

			var e *apierr.Error
			require.ErrorAs(t, cat.FromResponse(resp), &e)
			assert.Equal(t, tt.status, e.Status)
			assert.Equal(t, tt.code, e.Code)
			assert.Equal(t, apierr.FormatCodeTitleDetail, e.Format)
		})
	}
}

func TestAnOverdraftNamesTheBalance(t *testing.T) {
	cat := acmeCatalog(t)
	_, srv := settledServer(t, cat)

	resp, err := http.Post(srv.URL+"/payments", "application/json",
		strings.NewReader(`{"amount":5000}`))
	require.NoError(t, err)
	var e *apierr.Error
	require.ErrorAs(t, cat.FromResponse(resp), &e)
	assert.Equal(t, acmepay.SaldoInsuficiente, e.Code)
	assert.Equal(t, "Saldo insuficiente", e.Title)
	assert.Equal(t, "O saldo de 1000 não cobre o pagamento de 5000.", e.Detail)
	assert.Equal(t, apierr.NoRetry, e.Retry)
}

// Only a Transport that knows Acme Pay's catalog resends its 409: to the
// documented catalog alone, a 409 is a 4xx, never resent.
func TestOnlyATransportWithTheCatalogResendsTheApplicationsBackoffCode(t *testing.T) {
	cat := acmeCatalog(t)
	tests := []struct {
		name    string
		catalog *apierr.Catalog
		sent    int
	}{
		{"the application's catalog resends it on the schedule", cat, 6},
		{"the documented catalog alone gives up at once", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := apierrtest.NewServer(t, apierrtest.Respond(cat.New(acmepay.ContaEmProcessamento)))
			var sleeper apierrtest.Sleeper
			client := &http.Client{Transport: &apierr.Transport{Catalog: tt.catalog,
				Sleep: sleeper.Sleep}}
			resp, err := client.Get(srv.URL + "/payments/pay-1")
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, 409, resp.StatusCode, "the last answer, returned")
			assert.Len(t, srv.Requests(), tt.sent)
		})
	}
}

// A resend carries the same idempotency key, and the server pays once.
func TestAResentPaymentIsMadeOnce(t *testing.T) {
	cat := acmeCatalog(t)
	a, srv := settledServer(t, cat)
	pay := func() *http.Response {
		req, err := http.NewRequest("POST", srv.URL+"/payments", strings.NewReader(`{"amount":100}`))
		require.NoError(t, err)
		req.Header.Set("X-Idempotency-Key", "k-1")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	assert.Equal(t, 201, pay().StatusCode)
	assert.Equal(t, 201, pay().StatusCode)
	assert.Equal(t, 900, a.balance)
	assert.Len(t, a.payments, 1)
}
