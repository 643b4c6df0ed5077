package apierr

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// dumpResponse renders a recorded response for a golden file: the status,
// the headers sorted, a blank line, then the body byte for byte.
func dumpResponse(rec *httptest.ResponseRecorder) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s\n", rec.Code, StatusText(rec.Code))
	h := rec.Result().Header
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range h[k] {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	b.WriteString("\n")
	b.Write(rec.Body.Bytes())
	b.WriteString("\n")
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run %s -update to create it", t.Name())
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from %s (-want +got):\n%s", t.Name(), path, diff)
	}
}

// quietWriter logs to nowhere: these tests check the wire, not the logs.
var quietWriter = Writer{Logger: slog.New(slog.DiscardHandler)}

func newRequest(method, accept string) *http.Request {
	r := httptest.NewRequest(method, "/consents/42", nil)
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	r.Header.Set("X-Fapi-Interaction-Id", "73cac523-d3ae-2289-b106-330a6218710d")
	return r
}

func TestWriteGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writer Writer
		req    *http.Request
		err    error
	}{
		{"code-title-detail", quietWriter, newRequest("GET", ""), New(ConsentimentoInvalido)},
		{"code-title-detail-retry-after", quietWriter, newRequest("GET", ""),
			New(TooManySessions).WithRetryAfter(2500 * time.Millisecond)},
		{"oauth", quietWriter, newRequest("POST", "application/json"),
			New(NotSupportedException).WithDetail("Cannot consume content type").
				WithDetails(map[string]any{})},
		{"oauth-details", quietWriter, newRequest("POST", ""),
			New(InvalidAttributeValueException).WithDetails(map[string]any{"attribute": "mail"})},
		{"bearer-invalid-token", Writer{Realm: "brick", Logger: quietWriter.Logger},
			newRequest("GET", ""), New(InvalidToken)},
		{"bearer-insufficient-scope", quietWriter, newRequest("GET", ""),
			New(InsufficientScope).WithScope("payments", "consents")},
		{"bearer-accented-detail", quietWriter, newRequest("GET", ""),
			New(InvalidToken).WithDetail("Token não fornecido: \"Authorization\" ausente")},
		{"unauthenticated", quietWriter, newRequest("GET", ""), Unauthenticated()},
		{"problem", quietWriter, newRequest("GET", "application/problem+json"),
			New(ConsentimentoInvalido).WithDetails(map[string]any{
				"consentId": "urn:bank:42", "status": "overridden?", "errors": []int{1}})},
		{"problem-type-base", Writer{ProblemTypeBase: "https://api.example.com/errors/",
			Logger: quietWriter.Logger}, newRequest("GET", "application/problem+json"),
			New(NotFoundException).WithDetails([]string{"not", "an", "object"})},
		{"problem-bearer", quietWriter,
			newRequest("GET", "application/json;q=0.5, application/problem+json"), New(InvalidToken)},
		{"internal-from-plain-error", quietWriter, newRequest("GET", ""),
			errors.New("pq: password authentication failed for user \"bank\"")},
		{"internal-from-wrapped-cause", quietWriter, newRequest("GET", ""),
			fmt.Errorf("handler: %w", Wrap(ErroNoFluxoOIDC, errors.New("dial tcp 10.0.0.7:443")))},
		{"application-code", quietWriter, newRequest("PATCH", ""), &Error{
			Status: 409, Code: "SALDO_INSUFICIENTE", Title: "Saldo insuficiente",
			Detail: "O saldo não cobre o pagamento.", Format: FormatCodeTitleDetail}},
		{"status-out-of-range", quietWriter, newRequest("GET", ""),
			&Error{Status: 200, Code: "X", Title: "t", Detail: "d"}},
		{"head", quietWriter, newRequest("HEAD", ""), New(ConsentimentoNaoEncontrado)},
		{"payload-too-large", quietWriter, newRequest("POST", ""),
			fmt.Errorf("decode: %w", &http.MaxBytesError{Limit: 1 << 20})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			tc.writer.Write(rec, tc.req, tc.err)
			golden(t, "write-"+tc.name, dumpResponse(rec))
		})
	}
}

// TestWriteEveryEntry writes each catalog entry and decodes it as a client
// would, independently of the golden files.
func TestWriteEveryEntry(t *testing.T) {
	for entry := range Entries() {
		t.Run(string(entry.Code)+" writes and reads back", func(t *testing.T) {
			rec := httptest.NewRecorder()
			quietWriter.Write(rec, newRequest("GET", ""), New(entry.Code))
			res := rec.Result()
			assert.Equal(t, entry.Status, res.StatusCode)
			assert.Equal(t, "application/json; charset=utf-8", res.Header.Get("Content-Type"))
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "73cac523-d3ae-2289-b106-330a6218710d",
				res.Header.Get("X-Fapi-Interaction-Id"))

			var body map[string]string
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body), rec.Body.String())
			switch entry.Format {
			case FormatCodeTitleDetail:
				assert.Equal(t, map[string]string{
					"code": string(entry.Code), "title": entry.Title, "detail": entry.Detail}, body)
				assert.Empty(t, res.Header.Get("Cache-Control"))
				keyOrder(t, rec.Body.Bytes(), "code", "title", "detail")
			case FormatOAuth, FormatBearer:
				assert.Equal(t, map[string]string{
					"error": string(entry.Code), "error_description": entry.Detail}, body)
				assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
				keyOrder(t, rec.Body.Bytes(), "error", "error_description")
			default:
				t.Fatalf("format %v", entry.Format)
			}
			challenges, err := ParseChallenges(res.Header.Values("Www-Authenticate")...)
			require.NoError(t, err)
			if entry.Status == 401 && entry.Format != FormatBearer {
				require.Len(t, challenges, 1, "RFC 9110 §15.5.2: every 401 carries a challenge")
				assert.Equal(t, DefaultRealm, challenges[0].Params["realm"])
				switch entry.Code {
				case "invalid_client":
					assert.Equal(t, "Basic", challenges[0].Scheme, "RFC 6749 §5.2")
				case TokenNaoAutorizado:
					assert.Equal(t, "Bearer", challenges[0].Scheme)
					assert.Equal(t, "invalid_token", challenges[0].Params["error"])
				default:
					assert.Equal(t, "Bearer", challenges[0].Scheme)
					assert.NotContains(t, challenges[0].Params, "error")
				}
				return
			}
			if entry.Format != FormatBearer {
				assert.Empty(t, challenges)
				return
			}
			require.Len(t, challenges, 1)
			assert.Equal(t, "Bearer", challenges[0].Scheme)
			assert.Equal(t, DefaultRealm, challenges[0].Params["realm"])
			assert.Equal(t, string(entry.Code), challenges[0].Params["error"])
			assert.Equal(t, entry.Detail, challenges[0].Params["error_description"],
				"RFC 6750's English descriptions need no sanitising")
		})
	}
}

// keyOrder checks the JSON object's keys come in the documented order.
func keyOrder(t *testing.T, body []byte, keys ...string) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	_, err := dec.Token()
	require.NoError(t, err)
	var got []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		got = append(got, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	assert.Equal(t, keys, got)
}

// TestWriteHeaderInjection sends a detail built to break out of the
// WWW-Authenticate header through a real server, and reads the raw bytes.
func TestWriteHeaderInjection(t *testing.T) {
	evil := "x\"\r\nX-Evil: 1\r\n\r\n<script>\\"
	srv := httptest.NewServer(HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return New(InvalidToken).WithDetail(evil).WithScope("a\"b", "c\r\nd")
	}))
	defer srv.Close()

	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	defer res.Body.Close()
	assert.Empty(t, res.Header.Get("X-Evil"), "no second header")
	values := res.Header.Values("Www-Authenticate")
	require.Len(t, values, 1)
	challenges, err := ParseChallenges(values...)
	require.NoError(t, err, "the challenge parses: %s", values[0])
	require.Len(t, challenges, 1)
	p := challenges[0].Params
	assert.Equal(t, "x'??X-Evil: 1????<script>?", p["error_description"])
	assert.Equal(t, "a'b c??d", p["scope"])
	for _, v := range p {
		for _, c := range []byte(v) {
			assert.True(t, c == 0x20 || c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E,
				"RFC 6750 §3 character set: %q", v)
		}
	}

	var body map[string]string
	require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
	assert.Equal(t, evil, body["error_description"], "the JSON body keeps the text as it was")
}

func TestWriteLeaksNothing(t *testing.T) {
	const secret = "s3cr3t-dsn"
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"a plain error", errors.New("connect " + secret)},
		{"a wrapped cause", Wrap(ConsentimentoInvalido, errors.New(secret))},
		{"a %w chain around a cause", fmt.Errorf("%s: %w", secret, Wrap(ErroInterno, io.EOF))},
		{"an error whose text is JSON", errors.New(`{"code":"` + secret + `"}`)},
	} {
		t.Run(tc.name+" never reaches the wire", func(t *testing.T) {
			var logs bytes.Buffer
			rec := httptest.NewRecorder()
			debug := &slog.HandlerOptions{Level: slog.LevelDebug} // a 4xx's cause logs at Debug
			Writer{Logger: slog.New(slog.NewTextHandler(&logs, debug))}.
				Write(rec, newRequest("GET", "application/problem+json"), tc.err)
			assert.NotContains(t, dumpResponse(rec), secret)
			assert.Contains(t, logs.String(), secret, "the text belongs in the logs")
		})
	}
	t.Run("a plain error is ERRO_INTERNO with its documented title and detail", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, nil, errors.New(secret))
		entry, _ := Lookup(ErroInterno)
		assert.Equal(t, 500, rec.Code)
		assert.JSONEq(t, fmt.Sprintf(`{"code":"ERRO_INTERNO","title":%q,"detail":%q}`,
			entry.Title, entry.Detail), rec.Body.String())
	})
}

func TestWriteEdges(t *testing.T) {
	t.Run("a nil error writes nothing", func(t *testing.T) {
		rec := httptest.NewRecorder()
		Write(rec, nil, nil)
		assert.Empty(t, rec.Header())
		assert.Zero(t, rec.Body.Len())
		assert.False(t, rec.Flushed)
	})
	t.Run("the request's own cancellation writes nothing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, newRequest("GET", "").WithContext(ctx),
			fmt.Errorf("query: %w", context.Canceled))
		assert.Empty(t, rec.Header())
		assert.Zero(t, rec.Body.Len())
	})
	t.Run("a cancellation that is not the request's is an internal error", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, newRequest("GET", ""), context.Canceled)
		assert.Equal(t, 500, rec.Code)
	})
	t.Run("an interaction id that is not plain ASCII is not echoed", func(t *testing.T) {
		for _, id := range []string{"a b", "é", strings.Repeat("a", 129), ""} {
			r := newRequest("GET", "")
			r.Header.Set("X-Fapi-Interaction-Id", id)
			rec := httptest.NewRecorder()
			quietWriter.Write(rec, r, New(ErroInterno))
			assert.Empty(t, rec.Header().Get("X-Fapi-Interaction-Id"), "%q", id)
		}
	})
	t.Run("Vary: Accept is not repeated", func(t *testing.T) {
		rec := httptest.NewRecorder()
		rec.Header().Set("Vary", "Accept")
		quietWriter.Write(rec, nil, New(ErroInterno))
		assert.Equal(t, []string{"Accept"}, rec.Header().Values("Vary"))
	})
	t.Run("invalid error_details are dropped, not sent broken", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, nil, &Error{Status: 400, Code: "X", Format: FormatOAuth,
			Details: json.RawMessage(`{"broken"`)})
		assert.JSONEq(t, `{"error":"X","error_description":""}`, rec.Body.String())
	})
}

func TestPrefersProblem(t *testing.T) {
	for _, tc := range []struct {
		accept string
		want   bool
	}{
		{"", false},
		{"*/*", false},
		{"application/json", false},
		{"application/problem+json", true},
		{"Application/Problem+JSON", true},
		{"application/json, application/problem+json", false},
		{"application/problem+json, application/json;q=0.9", true},
		{"application/json;q=0.5, application/problem+json", true},
		{"application/problem+json;q=0.1, */*;q=0.2", false},
		{"application/problem+json;q=0.9, application/*;q=0.5", true},
		{"application/problem+json;q=0", false},
		{"application/problem+json;q=abc", false},
		{"application/problem+json ; q=1.0 , text/html", true},
		{",,, application/problem+json,", true},
	} {
		t.Run(fmt.Sprintf("Accept %q prefers problem: %v", tc.accept, tc.want), func(t *testing.T) {
			assert.Equal(t, tc.want, prefersProblem([]string{tc.accept}))
		})
	}
}

func TestHandlerFunc(t *testing.T) {
	var logs bytes.Buffer
	wr := Writer{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}

	t.Run("a returned error is written", func(t *testing.T) {
		rec := httptest.NewRecorder()
		wr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			return New(ConsentimentoNaoEncontrado)
		}).ServeHTTP(rec, newRequest("GET", ""))
		assert.Equal(t, 404, rec.Code)
		assert.Contains(t, rec.Body.String(), `"CONSENTIMENTO_NAO_ENCONTRADO"`)
	})
	t.Run("a panic is 500 ERRO_INTERNO and logged, never sent", func(t *testing.T) {
		logs.Reset()
		rec := httptest.NewRecorder()
		wr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			panic("nil map in ledger")
		}).ServeHTTP(rec, newRequest("GET", ""))
		assert.Equal(t, 500, rec.Code)
		assert.Contains(t, rec.Body.String(), `"ERRO_INTERNO"`)
		assert.NotContains(t, rec.Body.String(), "ledger")
		assert.Contains(t, logs.String(), "nil map in ledger")
		assert.Contains(t, logs.String(), "goroutine", "the stack is logged")
	})
	t.Run("an error after the response started is logged, not written", func(t *testing.T) {
		logs.Reset()
		rec := httptest.NewRecorder()
		wr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			_, _ = w.Write([]byte(`{"data":[`))
			return New(ErroInterno)
		}).ServeHTTP(rec, newRequest("GET", ""))
		assert.Equal(t, 200, rec.Code)
		assert.Equal(t, `{"data":[`, rec.Body.String())
		assert.Contains(t, logs.String(), "after the response was started")
	})
	t.Run("a panic after the response started writes nothing more and aborts it",
		func(t *testing.T) {
			rec := httptest.NewRecorder()
			h := Writer{Logger: quietWriter.Logger}.Recover(http.HandlerFunc(
				func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(http.StatusAccepted)
					panic("late")
				}))
			assert.PanicsWithValue(t, http.ErrAbortHandler, func() {
				h.ServeHTTP(rec, newRequest("GET", ""))
			})
			assert.Equal(t, 202, rec.Code)
			assert.Zero(t, rec.Body.Len())
		})
	t.Run("http.ErrAbortHandler is re-panicked", func(t *testing.T) {
		h := Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
			panic(http.ErrAbortHandler)
		}))
		assert.PanicsWithValue(t, http.ErrAbortHandler, func() {
			h.ServeHTTP(httptest.NewRecorder(), newRequest("GET", ""))
		})
	})
	t.Run("a body over http.MaxBytesReader's limit is 413", func(t *testing.T) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 100)))
		wr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			_, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 10))
			return err
		}).ServeHTTP(rec, req)
		assert.Equal(t, 413, rec.Code)
		assert.JSONEq(t, `{"code":"","title":"Payload Too Large",
			"detail":"O corpo da requisição excede o limite de 10 bytes."}`, rec.Body.String())
	})
	t.Run("the wrapped writer still flushes", func(t *testing.T) {
		rec := httptest.NewRecorder()
		wr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			f, ok := w.(http.Flusher)
			require.True(t, ok)
			f.Flush()
			return nil
		}).ServeHTTP(rec, newRequest("GET", ""))
		assert.True(t, rec.Flushed)
	})
}

// TestClientGoneOverTheWire cancels a real request mid-handler: the server
// writes nothing and logs the 499.
func TestClientGoneOverTheWire(t *testing.T) {
	var logs syncBuffer
	started := make(chan struct{})
	done := make(chan struct{})
	srv := httptest.NewServer(Writer{Logger: slog.New(slog.NewTextHandler(&logs, nil))}.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) error {
			defer close(done)
			close(started)
			<-r.Context().Done()
			return fmt.Errorf("query: %w", r.Context().Err())
		}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	go func() { <-started; cancel() }()
	_, err := http.DefaultClient.Do(req)
	require.ErrorIs(t, err, context.Canceled)
	<-done
	assert.Eventually(t, func() bool { return strings.Contains(logs.String(), "status=499") },
		time.Second, time.Millisecond)
}

// syncBuffer is a bytes.Buffer safe for a server goroutine and a test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func TestWriteReplacesBodyHeaders(t *testing.T) {
	t.Run("a handler's Content-Length and Content-Encoding do not describe the error", func(t *testing.T) {
		rec := httptest.NewRecorder()
		rec.Header().Set("Content-Length", "5")
		rec.Header().Set("Content-Encoding", "gzip")
		rec.Header().Set("Content-Range", "bytes 0-4/10")
		quietWriter.Write(rec, nil, New(ErroInterno))
		assert.Empty(t, rec.Header().Get("Content-Length"))
		assert.Empty(t, rec.Header().Get("Content-Encoding"))
		assert.Empty(t, rec.Header().Get("Content-Range"))
	})
	t.Run("a huge Retry-After is a huge number of seconds, not a negative one", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, nil, New(ErroInterno).WithRetryAfter(time.Duration(1<<63-1)))
		assert.Equal(t, "9223372037", rec.Header().Get("Retry-After"))
	})
	t.Run("a panic on a request without a URL is still answered", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
			panic("boom")
		})).ServeHTTP(rec, &http.Request{Method: "GET", Header: http.Header{}})
		assert.Equal(t, 500, rec.Code)
	})
}
