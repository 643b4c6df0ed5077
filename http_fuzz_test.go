package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// causeMarker starts every wrapped cause FuzzWriteNoLeak writes: no byte
// run of it may reach the wire.
const causeMarker = "CAUSE-7f3e9a1c-"

// FuzzWriteNoLeak writes arbitrary *Error values, wrapped causes and
// Accept headers: the body is valid JSON and UTF-8, no header carries a
// control character, a challenge parses and holds only RFC 6750's
// characters, and the cause never reaches the wire.
func FuzzWriteNoLeak(f *testing.F) {
	f.Add(401, "TOKEN_NAO_AUTORIZADO", "Token", "expirado às 10h — \"x\"", []byte(`{"a":1}`),
		uint8(FormatBearer), int64(3e9), "pay ments", "error_uri", "https://x", "secret dsn",
		"application/problem+json", "GET", true)
	f.Add(200, "", "", "\r\nX-Evil: 1", []byte("{\"CODE\":\"\xff\"}"), uint8(9), int64(-1), "",
		"Realm", "x", "", "", "HEAD", false)
	f.Add(503, "ERRO_INTERNO", "t\x00", "d\u2028", []byte("[1,2]"), uint8(FormatProblem),
		int64(1<<62), "a\"b", "scope", "c\\d", "pq: password", "*/*;q=0.1, application/problem+json",
		"POST", true)
	f.Fuzz(func(t *testing.T, status int, code, title, detail string, details []byte,
		format uint8, retryAfter int64, scope, pname, pvalue, cause, accept, method string,
		wrap bool) {
		if strings.Contains(code+title+detail+string(details)+scope+pname+pvalue+accept,
			causeMarker[:8]) {
			t.Skip() // the marker must be the cause's alone
		}
		e := &Error{Status: status, Code: Code(code), Title: title, Detail: detail,
			Details: details, Format: Format(format), RetryAfter: time.Duration(retryAfter)}
		e = e.WithScope(strings.Fields(scope)...)
		if e.Challenge != nil && pname != "" {
			e.Challenge.Params = map[string]string{strings.ToLower(pname): pvalue}
		}
		e.cause = errors.New(causeMarker + cause)
		var err error = e
		if wrap {
			err = fmt.Errorf("handler %s: %w", causeMarker+cause, e) // the chain's own text too
		}
		req := httptest.NewRequest("GET", "/", nil)
		if validMethod(method) {
			req.Method = method
		}
		req.Header.Set("Accept", accept)
		req.Header.Set("X-Fapi-Interaction-Id", pvalue) // echoed: fuzzed like any input
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, req, err)
		checkWire(t, rec)
	})
}

func validMethod(m string) bool {
	return m != "" && checkToken("method", m) == nil
}

// checkWire holds a written response to the rules FuzzWriteNoLeak states.
func checkWire(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	body := rec.Body.Bytes()
	if len(body) > 0 && (!json.Valid(body) || !utf8.Valid(body)) {
		t.Fatalf("body is not valid JSON and UTF-8: %q", body)
	}
	if !validStatus(rec.Code) {
		t.Fatalf("status %d", rec.Code)
	}
	var wire bytes.Buffer
	for name, values := range rec.Result().Header {
		for _, v := range values {
			for i := 0; i < len(v); i++ {
				if isCTL(v[i]) || v[i] == '\t' {
					t.Fatalf("%s carries a control character: %q", name, v)
				}
			}
			wire.WriteString(name + ": " + v + "\n")
		}
	}
	for _, v := range rec.Result().Header.Values("Www-Authenticate") {
		cs, err := ParseChallenges(v)
		if err != nil || len(cs) != 1 {
			t.Fatalf("challenge %q: %v", v, err)
		}
		for name, value := range cs[0].Params {
			for i := 0; i < len(value); i++ {
				if !isBearerText(value[i]) {
					t.Fatalf("%s=%q leaves RFC 6750's set", name, value)
				}
			}
		}
	}
	wire.Write(body)
	if bytes.Contains(wire.Bytes(), []byte(causeMarker[:8])) {
		t.Fatalf("the cause reached the wire:\n%s", wire.String())
	}
	if rec.Code == http.StatusUnauthorized && len(rec.Result().Header.Values("Www-Authenticate")) != 1 {
		t.Fatalf("a 401 without its challenge")
	}
}
