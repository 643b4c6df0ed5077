package apierr

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/internal/rawhttp"
)

// FuzzFromResponse feeds arbitrary statuses, header lines and bodies: no
// panic, an *Error for every status from 400, never a byte read past
// MaxErrorBody, the body always closed.
func FuzzFromResponse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "responses", "*.http"))
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		head, body, _ := bytes.Cut(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")),
			[]byte("\n\n"))
		status := 500
		if resp, err := rawhttp.ReadResponse(bytes.NewReader(raw)); err == nil {
			status = resp.StatusCode
		}
		_, headers, _ := bytes.Cut(head, []byte("\n"))
		f.Add(status, string(headers), body)
	}
	f.Add(429, "Retry-After: 99999999999999999999", []byte(`{"code":"Too Many Sessions"}`))
	f.Add(401, `WWW-Authenticate: Bearer error="`, []byte("{\"error\":"))
	f.Add(503, "", []byte("\xef\xbb\xbf{code: \"x"))

	f.Fuzz(func(t *testing.T, status int, headers string, body []byte) {
		h := http.Header{}
		for _, line := range strings.Split(headers, "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok {
				h.Add(name, strings.TrimSpace(value))
			}
		}
		// A tail past the bound proves FromResponse never reads into it.
		tb := &trackedBody{r: io.MultiReader(bytes.NewReader(body),
			bytes.NewReader(make([]byte, MaxErrorBody)))}
		resp := &http.Response{StatusCode: status, Header: h, Body: tb, ContentLength: -1}
		err := FromResponse(resp)
		if status < 400 {
			if err != nil || tb.read != 0 || tb.closed {
				t.Fatalf("status %d: err %v, read %d, closed %v", status, err, tb.read, tb.closed)
			}
			return
		}
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("status %d: got %T, want *Error", status, err)
		}
		if e.Status != status || !tb.closed || tb.read > MaxErrorBody || len(e.Raw) > MaxErrorBody {
			t.Fatalf("status %d→%d closed %v read %d raw %d", status, e.Status, tb.closed,
				tb.read, len(e.Raw))
		}
		if e.RetryAfter < 0 {
			t.Fatalf("negative Retry-After %v", e.RetryAfter)
		}
		if len(e.Details) > 0 && !json.Valid(e.Details) {
			t.Fatalf("invalid Details %q", e.Details)
		}
		_ = e.Error()
	})
}

// FuzzParseRetryAfter: no panic, never a negative wait, and every delta
// that parses is what its digits say.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"7", "0", " 120 ", "-1", "1.5", "Sun, 22 Nov 2026 10:00:30 GMT",
		"Sunday, 22-Nov-26 10:01:00 GMT", "Sun Nov 22 10:00:05 2026", "99999999999999999999999",
		"", "Sun, 31 Feb 2026 10:00:30 GMT"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if !ok {
			if d != 0 {
				t.Fatalf("%q: not ok but %v", v, d)
			}
			return
		}
		if d < 0 || d > maxRetryAfter {
			t.Fatalf("%q: wait %v out of range", v, d)
		}
	})
}
