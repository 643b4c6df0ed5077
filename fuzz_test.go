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

// FuzzAppendJSONString holds the hand-written encoder to encoding/json's
// output, byte for byte.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\u2028<&>", "\xff", "ação\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Skip()
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzScanBody holds the one-pass scanner to encoding/json: on any valid
// JSON object, both read the same members.
func FuzzScanBody(f *testing.F) {
	for _, s := range []string{
		`{"code":"X","title":"t","detail":"d"}`, `{"error":401,"error_description":"a\"b"}`,
		`{"Code":"x","code":"y","errors":[{"code":"E"}]}`, `{"type":"t","status":503,"x":{"y":[1]}}`,
		`{"error_details":{"a":1},"message":"\u00e9\ud83d\ude00"}`, `{"title":null,"detail":7}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		if len(b) == 0 || b[0] != '{' || !json.Valid(b) {
			t.Skip()
		}
		var want, got wireBody
		_ = json.Unmarshal(b, &want) // a wrong-typed member is skipped, as the scanner does
		scanBody(&got, b, true)
		if want.Code != got.Code || want.Error != got.Error || want.Status != got.Status ||
			want.Title != got.Title || want.Detail != got.Detail || want.Type != got.Type ||
			want.ErrorDescription != got.ErrorDescription || want.Message != got.Message ||
			!bytes.Equal(want.ErrorDetails, got.ErrorDetails) ||
			len(want.Errors) != len(got.Errors) {
			t.Fatalf("%s\nunmarshal %+v\nscan      %+v", b, want, got)
		}
	})
}
