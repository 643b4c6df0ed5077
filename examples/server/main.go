// Command server is a small API that fails the documented ways: a Brick
// Bank code, a TrustedX exception, RFC 6750 bearer errors, a panic, Too Many
// Sessions and a flaky 503. Run it and call it with curl -si:
//
//	go run ./examples/server
//	curl -si localhost:8080/consents/42
//	curl -si -H 'Accept: application/problem+json' localhost:8080/consents/42
//	curl -si -X POST localhost:8080/signatures
//	curl -si -H 'Authorization: Bearer expired' localhost:8080/accounts
//	curl -si localhost:8080/panic
package main

import (
	"flag"
	"log"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/apierr/apierr"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	logger.Info("listening", "addr", *addr)
	srv := &http.Server{Addr: *addr, Handler: routes(logger), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// routes is the API; main_test.go calls it without a network.
func routes(logger *slog.Logger) http.Handler {
	w := apierr.Writer{Realm: "example", Logger: logger}
	mux := http.NewServeMux()

	// A Brick Bank code: 404 {"code","title","detail"}.
	mux.Handle("GET /consents/{id}", w.HandlerFunc(func(http.ResponseWriter, *http.Request) error {
		return apierr.New(apierr.ConsentimentoNaoEncontrado)
	}))

	// A TrustedX exception: 400 {"error","error_description"} with a detail
	// of the server's own.
	mux.Handle("POST /signatures", w.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) error {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
			return apierr.New(apierr.NotSupportedException).WithDetail("Cannot consume content type")
		}
		rw.WriteHeader(http.StatusCreated)
		return nil
	}))

	// RFC 6750: no token, an expired one, or one without the scope.
	mux.Handle("GET /accounts", w.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) error {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		switch {
		case !ok:
			return apierr.Unauthenticated()
		case token == "expired":
			return apierr.New(apierr.InvalidToken)
		case token != "accounts":
			return apierr.New(apierr.InsufficientScope).WithScope("accounts")
		}
		_, err := rw.Write([]byte(`{"data":[]}`))
		return err
	}))

	// Too Many Sessions: the one 4xx a client should resend.
	mux.Handle("GET /session", w.HandlerFunc(func(http.ResponseWriter, *http.Request) error {
		return apierr.New(apierr.TooManySessions).WithRetryAfter(5 * time.Second)
	}))

	// A flaky dependency: half the calls fail with a 500 worth resending.
	mux.Handle("GET /flaky", w.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) error {
		if rand.IntN(2) == 0 {
			return apierr.New(apierr.ErroNoFluxoOIDC)
		}
		_, err := rw.Write([]byte(`{"data":"ok"}`))
		return err
	}))

	// A bug: the panic is logged with its stack, the client sees ERRO_INTERNO.
	mux.Handle("GET /panic", w.HandlerFunc(func(http.ResponseWriter, *http.Request) error {
		panic("ledger: nil balance map") // stands for any bug in a handler
	}))
	return mux
}
