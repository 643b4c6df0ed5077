// Command client calls a server that fails in the documented ways,
// classifies each failure with apierr.FromResponse, says what it would do,
// and lets apierr.Transport resend what is worth resending.
//
//	go run ./examples/client                              # against a built-in server
//	go run ./examples/client -url http://localhost:8080   # against examples/server
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"time"

	"github.com/apierr/apierr"
)

func main() {
	url := flag.String("url", "", "base URL of a server like examples/server; empty: a built-in one")
	flag.Parse()
	base := *url
	if base == "" {
		srv := httptest.NewServer(failing())
		defer srv.Close()
		base = srv.URL
	}
	if err := run(os.Stdout, base); err != nil {
		log.Fatal(err)
	}
}

// failing is a built-in server with the failures of examples/server, and a
// route that fails twice before it works.
func failing() http.Handler {
	mux := http.NewServeMux()
	wr := apierr.Writer{Logger: slog.New(slog.DiscardHandler)} // keep the demo's output clean
	fail := func(err error) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { wr.Write(w, r, err) }
	}
	mux.Handle("GET /consents/{id}", fail(apierr.New(apierr.ConsentimentoNaoEncontrado)))
	mux.Handle("POST /signatures", fail(apierr.New(apierr.NotSupportedException)))
	mux.Handle("GET /accounts", fail(apierr.New(apierr.InvalidToken)))
	mux.Handle("GET /session", fail(apierr.New(apierr.TooManySessions).WithRetryAfter(time.Second)))
	var calls atomic.Int32
	mux.HandleFunc("GET /flaky", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			wr.Write(w, r, apierr.New(apierr.ErroNoFluxoOIDC))
			return
		}
		_, _ = io.WriteString(w, `{"data":"ok"}`)
	})
	return mux
}

// run classifies one call per failure, then resends the flaky one.
func run(out io.Writer, base string) error {
	fmt.Fprintln(out, "Classifying each failure:")
	for _, call := range []struct{ method, path string }{
		{"GET", "/consents/42"}, {"POST", "/signatures"}, {"GET", "/accounts"}, {"GET", "/session"},
	} {
		req, err := http.NewRequest(call.method, base+call.path, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		err = apierr.FromResponse(resp)
		e, ok := err.(*apierr.Error)
		if !ok {
			fmt.Fprintf(out, "  %-4s %-14s ok\n", call.method, call.path)
			continue
		}
		fmt.Fprintf(out, "  %-4s %-14s %d %-30s %s\n", call.method, call.path, e.Status, e.Code,
			advice(e))
	}

	// Brick Bank waits 3, 6, 12, 24 and 48 s; the demo scales that down 100
	// times so it ends at once. Production code uses apierr.Policy{}.
	fmt.Fprintln(out, "\nResending GET /flaky with apierr.Transport:")
	client := newClient(out, apierr.Policy{Base: 30 * time.Millisecond, Factor: 2, MaxRetries: 5,
		MaxWait: 480 * time.Millisecond}, nil)
	resp, err := client.Get(base + "/flaky")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "  attempt %d: %d %s\n", apierr.Attempts(resp), resp.StatusCode, body)
	return nil
}

// newClient is the example's client: an apierr.Transport that resends what
// the documents call transient on policy's schedule, waiting with sleep
// (nil: a real timer), and renews its token once when a 401 asks for one.
// Every resend is printed to out.
func newClient(out io.Writer, policy apierr.Policy,
	sleep func(context.Context, time.Duration) error) *http.Client {
	var tokens atomic.Int32 // stands in for an authorization server
	return &http.Client{Transport: &apierr.Transport{
		Policy: policy,
		Sleep:  sleep,
		OnRetry: func(ev apierr.RetryEvent) {
			fmt.Fprintf(out, "  attempt %d: %d %s, resending after %v\n",
				ev.Attempt, ev.Status, ev.Code, ev.Wait)
		},
		Refresh: func(req *http.Request, _ *apierr.Error) error {
			req.Header.Set("Authorization", fmt.Sprintf("Bearer token-%d", tokens.Add(1)))
			return nil
		},
	}}
}

// advice says what a client should do about e.
func advice(e *apierr.Error) string {
	switch e.Retry {
	case apierr.Backoff:
		wait := apierr.DefaultPolicy.Delay(1)
		if e.RetryAfter > wait {
			wait = e.RetryAfter
		}
		return fmt.Sprintf("transient: resend after %v, doubling", wait)
	case apierr.Reauthenticate:
		return "get a new token, then resend once"
	}
	return "do not resend: fix the request"
}
