// This file is the server: Acme Pay's payments API, whose handlers return
// the application's codes, written by apierr as the documented ones are.

package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/examples/appcatalog/acmepay"
)

// api is the payments API of one account.
type api struct {
	cat *apierr.Catalog
	wr  apierr.Writer
	// settling counts the payment requests still to be answered
	// CONTA_EM_PROCESSAMENTO: the account is busy with an earlier one.
	settling atomic.Int32

	mu       sync.Mutex
	balance  int
	payments map[string]payment // by id
	byKey    map[string]string  // idempotency key → payment id
}

type payment struct {
	ID     string `json:"id"`
	Amount int    `json:"amount"`
}

// newAPI is an account holding 1 000, busy for its first three payment
// requests.
func newAPI(cat *apierr.Catalog, logger *slog.Logger) *api {
	a := &api{cat: cat, wr: apierr.Writer{Realm: "acme-pay", Logger: logger}, balance: 1000,
		payments: map[string]payment{}, byKey: map[string]string{}}
	a.settling.Store(3)
	return a
}

func (a *api) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /payments", a.wr.HandlerFunc(a.pay))
	mux.Handle("GET /payments/{id}", a.wr.HandlerFunc(a.payment))
	return mux
}

// pay makes a payment. An application's code comes from its catalog:
// apierr.New knows only the documented codes, and would answer an unknown
// one with ERRO_INTERNO.
func (a *api) pay(w http.ResponseWriter, r *http.Request) error {
	var p payment
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<10)).Decode(&p); err != nil ||
		p.Amount <= 0 {
		// A documented code, from the same catalog.
		return a.cat.New(apierr.DadosInvalidos).WithDetail("Envie {\"amount\": N}, N > 0.")
	}
	if a.settling.Add(-1) >= 0 {
		return a.cat.New(acmepay.ContaEmProcessamento)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	key := r.Header.Get("X-Idempotency-Key")
	if id, ok := a.byKey[key]; ok && key != "" {
		return writeJSON(w, http.StatusCreated, a.payments[id]) // a resend: the same payment
	}
	if p.Amount > a.balance {
		return a.cat.New(acmepay.SaldoInsuficiente).
			WithDetail(fmt.Sprintf("O saldo de %d não cobre o pagamento de %d.", a.balance, p.Amount))
	}
	a.balance -= p.Amount
	p.ID = fmt.Sprintf("pay-%d", len(a.payments)+1)
	a.payments[p.ID] = p
	if key != "" {
		a.byKey[key] = p.ID
	}
	return writeJSON(w, http.StatusCreated, p)
}

// payment answers one payment by its id.
func (a *api) payment(w http.ResponseWriter, r *http.Request) error {
	a.mu.Lock()
	p, ok := a.payments[r.PathValue("id")]
	a.mu.Unlock()
	if !ok {
		return a.cat.New(acmepay.PagamentoNaoEncontrado)
	}
	return writeJSON(w, http.StatusOK, p)
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}
