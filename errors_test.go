package apierr

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNew(t *testing.T) {
	t.Run("a catalog code gives the entry's wire fields", func(t *testing.T) {
		for entry := range Entries() {
			e := New(entry.Code)
			assert.Equal(t, &Error{
				Status: entry.Status, Code: entry.Code, Title: entry.Title, Detail: entry.Detail,
				Format: entry.Format, Retry: entry.Retry,
			}, e, "%s", entry.Code)
		}
	})
	t.Run("an unknown code gives ERRO_INTERNO and keeps the code for logs", func(t *testing.T) {
		e := New("SALDO_INSUFICIENTE")
		internal, _ := Lookup(ErroInterno)
		assert.Equal(t, ErroInterno, e.Code)
		assert.Equal(t, 500, e.Status)
		assert.Equal(t, internal.Title, e.Title)
		assert.Equal(t, internal.Detail, e.Detail)
		assert.Contains(t, e.Error(), `unknown code "SALDO_INSUFICIENTE"`)
		assert.Contains(t, logged(t, e), `"unknown_code":"SALDO_INSUFICIENTE"`)
	})
	t.Run("each call returns its own value", func(t *testing.T) {
		a, b := New(TokenInativo), New(TokenInativo)
		require.NotSame(t, a, b)
		a.Detail = "changed"
		assert.Equal(t, "O token informado não está ativo.", b.Detail)
		entry, _ := Lookup(TokenInativo)
		assert.Equal(t, "O token informado não está ativo.", entry.Detail)
	})
}

func TestErrorString(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *Error
		want string
	}{
		{"a catalog error shows status, code and detail", New(TokenInativo),
			"apierr: 401 TOKEN_INATIVO: O token informado não está ativo."},
		{"no detail shows the title", &Error{Status: 409, Code: "SALDO", Title: "Saldo insuficiente"},
			"apierr: 409 SALDO: Saldo insuficiente"},
		{"no code shows status and detail", &Error{Status: 502, Detail: "bad gateway"},
			"apierr: 502: bad gateway"},
		{"the raw body never shows", &Error{Status: 500, Raw: []byte("<html>secret</html>")},
			"apierr: 500"},
		{"a wrapped cause never shows", Wrap(ErroInterno, errors.New("db password wrong")),
			"apierr: 500 ERRO_INTERNO: Ocorreu um erro interno no sistema. Por favor, aguarde " +
				"uns instantes e refaça a operação."},
		{"a nil error says so", nil, "apierr: <nil>"},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.err.Error()) })
	}
}

// errNotFound is a cause type for errors.As through Wrap.
type errNotFound struct{ key string }

func (e *errNotFound) Error() string { return "not found: " + e.key }

func TestChains(t *testing.T) {
	cause := &errNotFound{key: "consent-42"}
	apiErr := Wrap(ConsentimentoNaoEncontrado, cause)
	chain := fmt.Errorf("handler: %w", fmt.Errorf("service: %w", apiErr))

	t.Run("CodeOf, StatusOf and RetryOf see through %w", func(t *testing.T) {
		assert.Equal(t, ConsentimentoNaoEncontrado, CodeOf(chain))
		assert.Equal(t, 404, StatusOf(chain))
		assert.Equal(t, NoRetry, RetryOf(chain))
	})
	t.Run("errors.Is matches the same code and nothing else", func(t *testing.T) {
		assert.ErrorIs(t, chain, New(ConsentimentoNaoEncontrado))
		assert.ErrorIs(t, chain, New(ConsentimentoNaoEncontrado).WithDetail("other detail"))
		assert.NotErrorIs(t, chain, New(ConsentimentoInvalido))
		assert.NotErrorIs(t, chain, &Error{Status: 404})
		assert.NotErrorIs(t, &Error{Status: 404}, &Error{Status: 404, Detail: "x"})
	})
	t.Run("errors.As finds the *Error and the wrapped cause", func(t *testing.T) {
		got, ok := errors.AsType[*Error](chain)
		require.True(t, ok)
		assert.Same(t, apiErr, got)
		nf, ok := errors.AsType[*errNotFound](chain)
		require.True(t, ok)
		assert.Equal(t, "consent-42", nf.key)
		assert.ErrorIs(t, Wrap(ErroInterno, fs.ErrNotExist), fs.ErrNotExist)
	})
	t.Run("Wrap with a nil cause is New", func(t *testing.T) {
		assert.Equal(t, New(TokenInativo), Wrap(TokenInativo, nil))
	})
}

func TestWithMethods(t *testing.T) {
	base := &Error{
		Status: 403, Code: InsufficientScope, Format: FormatBearer,
		Details:   json.RawMessage(`{"a":1}`),
		Header:    http.Header{"X-Fapi-Interaction-Id": {"id-1"}},
		Raw:       []byte("raw"),
		Challenge: &Challenge{Scheme: "Bearer", Params: map[string]string{"realm": "r"}},
	}
	snapshot := func(e *Error) string { b, _ := json.Marshal(e); return string(b) }
	before := snapshot(base)

	for _, tc := range []struct {
		name string
		with func(*Error) *Error
		want func(t *testing.T, got *Error)
	}{
		{"WithDetail replaces the detail", func(e *Error) *Error { return e.WithDetail("novo") },
			func(t *testing.T, got *Error) { assert.Equal(t, "novo", got.Detail) }},
		{"WithDetails marshals at once", func(e *Error) *Error {
			return e.WithDetails(map[string]any{"field": "cpf"})
		}, func(t *testing.T, got *Error) { assert.JSONEq(t, `{"field":"cpf"}`, string(got.Details)) }},
		{"WithScope joins scopes with spaces", func(e *Error) *Error {
			return e.WithScope("payments", "accounts")
		}, func(t *testing.T, got *Error) {
			assert.Equal(t, map[string]string{"realm": "r", "scope": "payments accounts"},
				got.Challenge.Params)
		}},
		{"WithScope without scopes removes it", func(e *Error) *Error {
			return e.WithScope("x").WithScope()
		}, func(t *testing.T, got *Error) {
			assert.Equal(t, map[string]string{"realm": "r"}, got.Challenge.Params)
		}},
		{"WithRetryAfter sets the wait", func(e *Error) *Error { return e.WithRetryAfter(7 * time.Second) },
			func(t *testing.T, got *Error) { assert.Equal(t, 7*time.Second, got.RetryAfter) }},
		{"WithRetryAfter keeps no negative wait", func(e *Error) *Error { return e.WithRetryAfter(-time.Second) },
			func(t *testing.T, got *Error) { assert.Zero(t, got.RetryAfter) }},
	} {
		t.Run(tc.name+" on a deep copy", func(t *testing.T) {
			got := tc.with(base)
			require.NotSame(t, base, got)
			tc.want(t, got)
			// Mutating every map and slice of the copy leaves the original alone.
			got.Header.Set("X-Fapi-Interaction-Id", "changed")
			got.Challenge.Params["realm"] = "changed"
			got.Raw[0] = 'X'
			if len(got.Details) > 0 {
				got.Details[0] = ' '
			}
			assert.Equal(t, before, snapshot(base))
		})
	}

	t.Run("WithScope on an error without a challenge starts a Bearer one", func(t *testing.T) {
		e := New(InsufficientScope).WithScope("payments")
		assert.Equal(t, &Challenge{Scheme: "Bearer", Params: map[string]string{"scope": "payments"}},
			e.Challenge)
		assert.Nil(t, New(InsufficientScope).Challenge, "New's result stays untouched")
	})
	t.Run("WithDetails that cannot marshal drops them and keeps the failure for logs",
		func(t *testing.T) {
			e := New(DadosInvalidos).WithDetails(map[string]any{"f": func() {}})
			assert.Nil(t, e.Details)
			assert.Contains(t, logged(t, e), "details_error")
			assert.NotContains(t, e.Error(), "func")
			fixed := e.WithDetails([]int{1})
			assert.JSONEq(t, `[1]`, string(fixed.Details))
			assert.NotContains(t, logged(t, fixed), "details_error")
		})
}

func TestNilError(t *testing.T) {
	var e *Error
	assert.NotPanics(t, func() {
		assert.Nil(t, e.WithDetail("x"))
		assert.Nil(t, e.WithDetails(1))
		assert.Nil(t, e.WithScope("s"))
		assert.Nil(t, e.WithRetryAfter(time.Second))
		assert.Empty(t, e.InteractionID())
		assert.NoError(t, e.Unwrap())
		assert.False(t, e.Is(New(ErroInterno)))
		assert.False(t, New(ErroInterno).Is(e))
		assert.Equal(t, "<nil>", e.LogValue().String())
	})
}

func TestInteractionID(t *testing.T) {
	e := &Error{Header: http.Header{}}
	e.Header.Set("x-fapi-interaction-id", "73cac523-d3ae-2289-b106-330a6218710d")
	assert.Equal(t, "73cac523-d3ae-2289-b106-330a6218710d", e.InteractionID())
	assert.Empty(t, New(ErroInterno).InteractionID(), "no header on the server side")
}

// logged returns what slog's JSON handler writes for err.
func logged(t *testing.T, err error) string {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("request failed", "err", err)
	return buf.String()
}

func TestLogValue(t *testing.T) {
	e := Wrap(ErroInterno, errors.New("pq: connection refused")).WithRetryAfter(3 * time.Second)
	e.Header = http.Header{"X-Fapi-Interaction-Id": {"abc-123"}}
	e.Gateway = "nginx"
	var got struct {
		Err map[string]any `json:"err"`
	}
	require.NoError(t, json.Unmarshal([]byte(logged(t, e)), &got))
	assert.Equal(t, map[string]any{
		"code":           "ERRO_INTERNO",
		"status":         float64(500),
		"retry":          "backoff",
		"detail":         e.Detail,
		"interaction_id": "abc-123",
		"gateway":        "nginx",
		"retry_after":    float64(3 * time.Second),
		"cause":          "pq: connection refused",
	}, got.Err)
}

// attemptTimeoutErr stands for the Transport's own per-attempt timeout.
type attemptTimeoutErr struct{}

func (attemptTimeoutErr) Error() string        { return "attempt timed out" }
func (attemptTimeoutErr) attemptTimeout() bool { return true }

func TestClassifyErrors(t *testing.T) {
	refused := &url.Error{Op: "Get", URL: "http://127.0.0.1:1", Err: &net.OpError{
		Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	reset := &url.Error{Op: "Get", Err: &net.OpError{
		Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}
	for _, tc := range []struct {
		name   string
		err    error
		code   Code
		status int
		retry  RetryClass
	}{
		{"nil is no error", nil, "", 0, NoRetry},
		{"a plain error is an internal error", errors.New("boom"), ErroInterno, 500, NoRetry},
		{"an *Error keeps its own class", New(ErroNoFluxoOIDC), ErroNoFluxoOIDC, 500, Backoff},
		{"Too Many Sessions backs off", New(TooManySessions), TooManySessions, 429, Backoff},
		{"an expired token reauthenticates", New(InvalidToken), InvalidToken, 401, Reauthenticate},
		{"a status outside 400–599 writes as 500", &Error{Status: 200, Code: "X"}, "X", 500, NoRetry},
		{"a refused connection backs off", refused, ErroInterno, 500, Backoff},
		{"a reset connection backs off", reset, ErroInterno, 500, Backoff},
		{"EOF before a response backs off", &url.Error{Op: "Post", Err: io.EOF}, ErroInterno, 500, Backoff},
		{"an unexpected EOF backs off", io.ErrUnexpectedEOF, ErroInterno, 500, Backoff},
		{"the Transport's attempt timeout backs off",
			fmt.Errorf("x: %w", attemptTimeoutErr{}), ErroInterno, 500, Backoff},
		{"the caller's cancellation stops", &url.Error{Op: "Get", Err: context.Canceled},
			ErroInterno, 500, NoRetry},
		{"the caller's deadline stops", &url.Error{Op: "Get", Err: context.DeadlineExceeded},
			ErroInterno, 500, NoRetry},
		{"an unknown certificate authority stops", &url.Error{Op: "Get",
			Err: &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}},
			ErroInterno, 500, NoRetry},
		{"a wrong host name stops", x509.HostnameError{Host: "x"}, ErroInterno, 500, NoRetry},
		{"a missing host stops", &net.DNSError{Err: "no such host", IsNotFound: true},
			ErroInterno, 500, NoRetry},
		{"a DNS timeout backs off", &net.DNSError{Err: "timeout", IsTimeout: true},
			ErroInterno, 500, Backoff},
		{"a dial that failed backs off", &net.OpError{Op: "dial", Err: errors.New("no route")},
			ErroInterno, 500, Backoff},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.code, CodeOf(tc.err), "CodeOf")
			assert.Equal(t, tc.status, StatusOf(tc.err), "StatusOf")
			assert.Equal(t, tc.retry, RetryOf(tc.err), "RetryOf")
			assert.Equal(t, tc.retry == Backoff, IsRetryable(tc.err), "IsRetryable")
			assert.Equal(t, tc.retry == Reauthenticate, IsReauthenticate(tc.err), "IsReauthenticate")
		})
	}
}

// TestClassifyRealFailures classifies errors that net/http really returns,
// so a change in how it wraps them fails here.
func TestClassifyRealFailures(t *testing.T) {
	t.Run("a connection refused by a closed port backs off", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := l.Addr().String()
		require.NoError(t, l.Close())
		_, err = http.Get("http://" + addr)
		require.Error(t, err)
		assert.Equal(t, Backoff, RetryOf(err), "%v", err)
	})
	t.Run("a server that hangs up before answering backs off", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		}))
		defer srv.Close()
		_, err := http.Get(srv.URL)
		require.Error(t, err)
		assert.Equal(t, Backoff, RetryOf(err), "%v", err)
	})
	t.Run("http.Client.Timeout is the caller's choice and stops", func(t *testing.T) {
		release := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}))
		defer srv.Close()
		defer close(release)
		_, err := (&http.Client{Timeout: time.Millisecond}).Get(srv.URL)
		require.Error(t, err)
		assert.Equal(t, NoRetry, RetryOf(err), "%v", err)
	})
	t.Run("an untrusted certificate stops", func(t *testing.T) {
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is expected
		srv.StartTLS()
		defer srv.Close()
		_, err := http.Get(srv.URL)
		require.Error(t, err)
		assert.Equal(t, NoRetry, RetryOf(err), "%v", err)
	})
}
