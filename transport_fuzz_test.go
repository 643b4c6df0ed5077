package apierr

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fuzzAnswers are the outcomes a scripted server can give an attempt.
var fuzzAnswers = []struct {
	status int
	body   string
	header string // WWW-Authenticate
}{
	{200, `{}`, ""},
	{503, `{"code":"ERRO_INTERNO"}`, ""},
	{500, `{"code":"TOKEN_NAO_AUTORIZADO"}`, ""},
	{409, `{"code":"TOKEN_NAO_AUTORIZADO"}`, ""},
	{403, `{"error":"invalid_token"}`, ""},
	{502, "", `Bearer realm="x", error="invalid_token"`},
	{401, "", `Bearer realm="x", error="invalid_token"`},
	{401, "", `Bearer realm="x"`},
	{401, `{"code":"TOKEN_NAO_AUTORIZADO"}`, ""},
	{429, `{"code":"TOO_MANY_SESSIONS"}`, ""},
	{400, `{"code":"ERRO_CHAMADA_API"}`, ""},
	{504, "<html><title>504 Gateway Time-out</title><center>nginx</center></html>", ""},
	{0, "", "refused"}, // a dial that failed: nothing reached the server
	{0, "", "reset"},   // the connection dropped after the request went out
}

// FuzzTransportNoDuplicate runs random scripts of answers, methods, keys,
// Refresh and Classify through the Transport: a request that may not run
// twice (a POST or PATCH without a key) is never executed twice. An attempt
// counts as executed unless its dial failed or it was answered 401, which
// proves nothing ran.
func FuzzTransportNoDuplicate(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 0}, uint8(1), false, true, false)
	f.Add([]byte{6, 6, 7, 1}, uint8(1), false, true, true)
	f.Add([]byte{12, 12, 13, 1, 0}, uint8(2), false, false, false)
	f.Add([]byte{9, 11, 10, 2, 3}, uint8(0), true, true, false)
	methods := []string{"GET", "POST", "PATCH", "PUT", "DELETE", "CONNECT", "LOCK"}
	f.Fuzz(func(t *testing.T, script []byte, method uint8, keyed, refresh, classify bool) {
		if len(script) == 0 || len(script) > 32 {
			t.Skip()
		}
		m := methods[int(method)%len(methods)]
		executed := 0
		base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
			n, _ := req.Context().Value(attemptsKey{}).(int) // set on every resend
			n = max(n, 1)
			a := fuzzAnswers[int(script[min(n-1, len(script)-1)])%len(fuzzAnswers)]
			if req.Body != nil {
				_, _ = io.Copy(io.Discard, req.Body)
			}
			switch {
			case a.header == "refused":
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
			case a.header == "reset":
				executed++
				return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
			case a.status != 401:
				executed++
			}
			h := http.Header{}
			if a.header != "" {
				h.Set("WWW-Authenticate", a.header)
			}
			return &http.Response{StatusCode: a.status, Header: h, Request: req,
				Body: io.NopCloser(strings.NewReader(a.body))}, nil
		})
		tr := &Transport{Base: base, Sleep: func(ctx context.Context, _ time.Duration) error {
			return ctx.Err()
		}, Budget: &Budget{Ratio: -1}}
		if refresh {
			tr.Refresh = func(*http.Request, *Error) error { return nil }
		}
		if classify {
			tr.Classify = func(e *Error) RetryClass {
				if e.Status == 401 || e.Status >= 500 {
					return Reauthenticate
				}
				return Backoff
			}
		}
		req, _ := http.NewRequest(m, "http://api.test/pay", strings.NewReader(`{"amount":1}`))
		if keyed {
			req.Header.Set("Idempotency-Key", strconv.Itoa(len(script)))
		}
		resp, err := tr.RoundTrip(req)
		if err == nil {
			_ = resp.Body.Close()
		} else if errors.Is(err, context.Canceled) {
			t.Fatal("no context was cancelled")
		}
		if !isIdempotent(req) && executed > 1 {
			t.Fatalf("%s without a key executed %d times (script %v)", m, executed, script)
		}
	})
}
