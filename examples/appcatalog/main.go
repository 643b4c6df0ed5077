// Command appcatalog is an API with error codes of its own beside the
// documented ones, and a client that knows them. Acme Pay's codes are
// written once, in acmepay/catalog.json; "apierr gen" turns them into typed
// constants and a catalog (acmepay/codes.go), which the server writes
// errors from and the client classifies and resends with.
//
//	go run ./examples/appcatalog                        # the server and the client, on loopback
//	go run ./examples/appcatalog -serve localhost:8080  # the server alone, for curl:
//	curl -si -X POST localhost:8080/payments -d '{"amount":5000}' |
//	    go run ./cmd/apierr classify --catalog examples/appcatalog/acmepay/catalog.json
package main

import (
	"flag"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/apierr/apierr/examples/appcatalog/acmepay"
)

func main() {
	serve := flag.String("serve", "", "serve the API alone on this address, e.g. localhost:8080")
	flag.Parse()
	// Build the catalog once: the server and the client share it.
	cat, err := acmepay.Catalog()
	if err != nil {
		log.Fatal(err)
	}
	if *serve != "" {
		logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
		logger.Info("listening", "addr", *serve)
		srv := &http.Server{Addr: *serve, Handler: newAPI(cat, logger).routes(),
			ReadHeaderTimeout: 5 * time.Second}
		log.Fatal(srv.ListenAndServe())
	}
	srv := httptest.NewServer(newAPI(cat, slog.New(slog.DiscardHandler)).routes())
	defer srv.Close()
	if err := run(os.Stdout, cat, srv.URL, nil); err != nil {
		log.Fatal(err)
	}
}
