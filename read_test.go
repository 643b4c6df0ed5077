package apierr

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trackedBody counts what is read from a body and whether it was closed.
type trackedBody struct {
	r      io.Reader
	read   int64
	closed bool
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += int64(n)
	return n, err
}

func (b *trackedBody) Close() error { b.closed = true; return nil }

func response(status int, body string, header ...string) (*http.Response, *trackedBody) {
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Add(header[i], header[i+1])
	}
	tb := &trackedBody{r: strings.NewReader(body)}
	return &http.Response{StatusCode: status, Header: h, Body: tb, ContentLength: -1}, tb
}

// want is what a test expects of a classified response.
type want struct {
	format Format
	code   Code
	retry  RetryClass
	title  string
	detail string
}

func classified(t *testing.T, resp *http.Response) *Error {
	t.Helper()
	err := FromResponse(resp)
	require.Error(t, err)
	e, ok := err.(*Error)
	require.True(t, ok, "FromResponse returns an *Error, got %T", err)
	return e
}

func TestFromResponse(t *testing.T) {
	internal, _ := Lookup(ErroInterno)
	for _, tc := range []struct {
		name   string
		status int
		body   string
		header []string
		want   want
	}{
		{"a Brick Bank body (seed 003)", 400,
			`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido",` +
				`"detail":"O consentimento não é válido para realizar essa requisição."}`,
			[]string{"Content-Type", "application/json"},
			want{FormatCodeTitleDetail, ConsentimentoInvalido, NoRetry, "Consentimento inválido",
				"O consentimento não é válido para realizar essa requisição."}},
		{"Brick Bank's 401 token body without a challenge (seed 003)", 401,
			`{"error_description":"token not provided","error":"invalid_token"}`, nil,
			want{FormatOAuth, InvalidToken, Reauthenticate, "Unauthorized", "token not provided"}},
		{"Brick Bank's 401 token body with its Bearer challenge", 401,
			`{"error_description":"token not provided","error":"invalid_token"}`,
			[]string{"WWW-Authenticate", `Bearer realm="brick", error="invalid_token"`},
			want{FormatBearer, InvalidToken, Reauthenticate, "Unauthorized", "token not provided"}},
		{"a Bearer challenge and no body (seed 002 §2)", 401, "",
			[]string{"WWW-Authenticate", `Bearer error="invalid_token"`},
			want{FormatBearer, InvalidToken, Reauthenticate, "Unauthorized",
				"The access token provided is expired, revoked, malformed, or invalid for other reasons."}},
		{"a Bearer challenge's description when the body has none", 403, "",
			[]string{"WWW-Authenticate", `Bearer error="insufficient_scope", error_description="need payments", scope="payments"`},
			want{FormatBearer, InsufficientScope, NoRetry, "Forbidden", "need payments"}},
		{"the Bearer challenge among others, across lines", 401, "",
			[]string{"WWW-Authenticate", `Basic realm="legacy", Negotiate`,
				"WWW-Authenticate", `Bearer realm="api", error="invalid_token"`},
			want{FormatBearer, InvalidToken, Reauthenticate, "Unauthorized",
				"The access token provided is expired, revoked, malformed, or invalid for other reasons."}},
		{"a body code wins over the challenge's", 401, `{"code":"TOKEN_NAO_AUTORIZADO"}`,
			[]string{"WWW-Authenticate", `Bearer error="invalid_token"`},
			want{FormatBearer, TokenNaoAutorizado, Reauthenticate, "Token não autorizado",
				"O token informado não é válido."}},
		{"a challenge without an error leaves the body's format", 401, `{"code":"TOKEN_INATIVO"}`,
			[]string{"WWW-Authenticate", `Bearer realm="api"`},
			want{FormatCodeTitleDetail, TokenInativo, NoRetry, "Token inativo.",
				"O token informado não está ativo."}},
		{"a TrustedX body (seed 002 §3)", 400,
			`{"error":"NotSupportedException","error_description":"Cannot consume content type","error_details":{}}`,
			nil, want{FormatOAuth, NotSupportedException, NoRetry, "Bad Request",
				"Cannot consume content type"}},
		{"seed 000's numeric error", 401,
			`{"error_description":"OpenID Connect client returned with status: SEND_401","error":401}`,
			nil, want{FormatOAuth, "", NoRetry, "",
				"OpenID Connect client returned with status: SEND_401"}},
		{"RFC 9457 problem+json with a code member", 422,
			`{"type":"https://api.example.com/errors/x","title":"Valor inválido.","status":422,` +
				`"detail":"O valor enviado não é válido para o QR Code informado.","code":"VALOR_INVALIDO"}`,
			[]string{"Content-Type", "application/problem+json; charset=utf-8"},
			want{FormatProblem, ValorInvalido, NoRetry, "Valor inválido.",
				"O valor enviado não é válido para o QR Code informado."}},
		{"problem+json recognised without its content type", 503,
			`{"type":"about:blank","title":"Service Unavailable","status":503}`, nil,
			want{FormatProblem, "", Backoff, "Service Unavailable", ""}},
		{"a UTF-8 BOM under text/plain", 404,
			"\ufeff" + `{"code":"CONSENTIMENTO_NAO_ENCONTRADO","title":"x","detail":"y"}`,
			[]string{"Content-Type", "text/plain"},
			want{FormatCodeTitleDetail, ConsentimentoNaoEncontrado, NoRetry, "x", "y"}},
		{"keys in any order, unknown keys, no content type", 422,
			`{"meta":{"n":1},"detail":"d","extra":[1,2],"title":"t","code":"ERRO_IDEMPOTENCIA"}`, nil,
			want{FormatCodeTitleDetail, ErroIdempotencia, NoRetry, "t", "d"}},
		{"missing title and detail come from the catalog", 423,
			`{"code":"LIMITE_OPERACIONAL_EXCEDIDO"}`, nil,
			want{FormatCodeTitleDetail, LimiteOperacionalExcedido, NoRetry,
				"Limite Operacional Excedido.", "Limite Operacional Excedido."}},
		{"an unknown code keeps the body's words and the status's class", 409,
			`{"code":"SALDO_INSUFICIENTE","title":"Saldo insuficiente","detail":"d"}`, nil,
			want{FormatCodeTitleDetail, "SALDO_INSUFICIENTE", NoRetry, "Saldo insuficiente", "d"}},
		{"an unknown code on a 500 backs off", 500, `{"code":"FALHA_GERAL"}`, nil,
			want{FormatCodeTitleDetail, "FALHA_GERAL", Backoff, "", ""}},
		// The code says the request itself is wrong (seed 003: "Erros 40x: Não
		// tente reenviar"); a gateway's 503 around it does not make the same
		// request right, and DESIGN's precedence puts a code's own text first.
		{"a known 4xx code on a 503 is classified by the code", 503,
			`{"code":"CONSENTIMENTO_INVALIDO"}`, nil,
			want{FormatCodeTitleDetail, ConsentimentoInvalido, NoRetry, "Consentimento inválido",
				"O consentimento não é válido para realizar essa requisição."}},
		{"Open Finance Brasil's errors envelope", 422,
			`{"errors":[{"code":"PARAMETRO_INVALIDO","title":"t","detail":"d"}],"meta":{}}`, nil,
			want{FormatCodeTitleDetail, ParametroInvalido, NoRetry, "t", "d"}},
		{"Kong's gateway message (seed 003)", 404, `{"message":"no Route matched with those values"}`,
			[]string{"Content-Type", "application/json; charset=utf-8", "Server", "kong/3.4.0"},
			want{FormatUnknown, "", NoRetry, "", "no Route matched with those values"}},
		{"AWS API Gateway's message", 502, `{"message": "Internal server error"}`, nil,
			want{FormatUnknown, "", Backoff, "", "Internal server error"}},
		{"an HTML page", 502,
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>",
			[]string{"Content-Type", "text/html"},
			want{FormatUnknown, "", Backoff, "", "502 Bad Gateway"}},
		{"a plain-text line", 503, "no healthy upstream", []string{"Content-Type", "text/plain"},
			want{FormatUnknown, "", Backoff, "", "no healthy upstream"}},
		{"an empty 503", 503, "", nil, want{FormatUnknown, "", Backoff, "", ""}},
		{"an empty 501 is not resent", 501, "", nil, want{FormatUnknown, "", NoRetry, "", ""}},
		{"an empty 505 is not resent", 505, "", nil, want{FormatUnknown, "", NoRetry, "", ""}},
		{"a truncated body keeps what was read", 500,
			`{"code":"ERRO_NO_FLUXO_OIDC","title":"Erro no fluxo OIDC","detail":"Ocorreu um er`, nil,
			want{FormatCodeTitleDetail, ErroNoFluxoOIDC, Backoff, "Erro no fluxo OIDC",
				"Ocorreu um er"}},
		{"seed 003's unquoted keys and unclosed string", 422,
			"{\n\t\tcode: \"PARAMETRO_INVALIDO\",\n\t\ttitle: \"Parâmetro com valor inválido\",\n" +
				"\t\tdetail: \"Parâmetro com valor inválido\n}", nil,
			want{FormatCodeTitleDetail, ParametroInvalido, NoRetry, "Parâmetro com valor inválido",
				"Parâmetro com valor inválido"}},
		{"seed 000's unquoted numeric error", 401,
			"{\nerror_description: \"OpenID Connect client returned with status: SEND_401\",\nerror: 401\n}",
			nil, want{FormatOAuth, "", NoRetry, "", "OpenID Connect client returned with status: SEND_401"}},
		{"a wrong-typed member costs only itself", 400,
			`{"code":"DADOS_INVALIDOS","title":7,"detail":"d"}`, nil,
			want{FormatCodeTitleDetail, DadosInvalidos, NoRetry, "Dados Inválidos", "d"}},
		{"a JSON array is no documented format", 400, `[{"code":"X"}]`, nil,
			want{FormatUnknown, "", NoRetry, "", ""}},
		{"an internal error from this library's own server", 500,
			`{"code":"ERRO_INTERNO","title":"Erro interno","detail":"` + internal.Detail + `"}`, nil,
			want{FormatCodeTitleDetail, ErroInterno, Backoff, "Erro interno", internal.Detail}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := response(tc.status, tc.body, tc.header...)
			e := classified(t, resp)
			assert.Equal(t, tc.status, e.Status, "status")
			got := want{e.Format, e.Code, e.Retry, e.Title, e.Detail}
			if tc.want.title == "" && e.Title != "" && tc.want.code != "" {
				tc.want.title = e.Title // titles the test does not pin
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.body, string(e.Raw), "Raw is the body as received")
			assert.Equal(t, resp.Header, e.Header)
			assert.True(t, body.closed, "the body is closed")
		})
	}
}

func TestFromResponseDetails(t *testing.T) {
	t.Run("error_details are kept raw", func(t *testing.T) {
		resp, _ := response(400, `{"error":"InvalidAttributeValueException","error_details":{"attribute":"mail"}}`)
		assert.JSONEq(t, `{"attribute":"mail"}`, string(classified(t, resp).Details))
	})
	t.Run("null error_details are none", func(t *testing.T) {
		resp, _ := response(400, `{"error":"BadRequestException","error_details":null}`)
		assert.Nil(t, classified(t, resp).Details)
	})
	t.Run("the Bearer challenge fills Challenge", func(t *testing.T) {
		resp, _ := response(403, "", "WWW-Authenticate",
			`Bearer realm="api", scope="payments accounts", error="insufficient_scope"`)
		e := classified(t, resp)
		require.NotNil(t, e.Challenge)
		assert.Equal(t, "payments accounts", e.Challenge.Params["scope"])
	})
	t.Run("a malformed challenge is used up to the fault", func(t *testing.T) {
		resp, _ := response(401, "", "WWW-Authenticate", `Bearer error="invalid_token", Basic realm="x`)
		e := classified(t, resp)
		assert.Equal(t, FormatBearer, e.Format)
		assert.Equal(t, InvalidToken, e.Code)
	})
	t.Run("the interaction id is there to quote", func(t *testing.T) {
		resp, _ := response(500, "", "x-fapi-interaction-id", "73cac523-d3ae-2289-b106-330a6218710d")
		assert.Equal(t, "73cac523-d3ae-2289-b106-330a6218710d", classified(t, resp).InteractionID())
	})
}

func TestFromResponseTooManySessions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		body  string
		code  Code
		retry RetryClass
	}{
		{"the catalog code", `{"code":"TOO_MANY_SESSIONS"}`, TooManySessions, Backoff},
		{"another code with the title", `{"code":"SESSION_LIMIT","title":"Too many sessions"}`,
			"SESSION_LIMIT", Backoff},
		{"the title in capitals", `{"code":"X","title":"TOO MANY SESSIONS"}`, "X", Backoff},
		{"the code in another spelling", `{"code":"too-many-sessions"}`, "too-many-sessions", Backoff},
		{"an OAuth error", `{"error":"Too_Many_Sessions"}`, "Too_Many_Sessions", Backoff},
		{"any other 429", `{"code":"RATE_LIMITED","title":"Too Many Requests"}`, "RATE_LIMITED", NoRetry},
		{"a near miss", `{"code":"TOO_MANY_SESSIONSX"}`, "TOO_MANY_SESSIONSX", NoRetry},
	} {
		t.Run("429 with "+tc.name+" is "+tc.retry.String(), func(t *testing.T) {
			resp, _ := response(429, tc.body)
			e := classified(t, resp)
			assert.Equal(t, tc.code, e.Code, "keeps the code it came with")
			assert.Equal(t, tc.retry, e.Retry)
		})
	}
	t.Run("the words on another status change nothing", func(t *testing.T) {
		resp, _ := response(400, `{"code":"X","title":"Too Many Sessions"}`)
		assert.Equal(t, NoRetry, classified(t, resp).Retry)
	})
}

func TestFromResponseRetryAfter(t *testing.T) {
	date := "Sun, 22 Nov 2026 10:00:00 GMT"
	for _, tc := range []struct {
		name   string
		header []string
		want   time.Duration
	}{
		{"seconds", []string{"Retry-After", "7"}, 7 * time.Second},
		{"an IMF-fixdate from the Date header", []string{"Date", date,
			"Retry-After", "Sun, 22 Nov 2026 10:00:30 GMT"}, 30 * time.Second},
		{"an RFC 850 date", []string{"Date", date,
			"Retry-After", "Sunday, 22-Nov-26 10:01:00 GMT"}, time.Minute},
		{"an asctime date", []string{"Date", date,
			"Retry-After", "Sun Nov 22 10:00:05 2026"}, 5 * time.Second},
		{"a date already past", []string{"Date", date,
			"Retry-After", "Sun, 22 Nov 2026 09:00:00 GMT"}, 0},
		{"garbage", []string{"Retry-After", "soon"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := response(503, "", tc.header...)
			assert.Equal(t, tc.want, classified(t, resp).RetryAfter)
		})
	}
	t.Run("a date without a Date header is measured from now", func(t *testing.T) {
		at := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
		resp, _ := response(503, "", "Retry-After", at)
		got := classified(t, resp).RetryAfter
		assert.InDelta(t, float64(time.Hour), float64(got), float64(2*time.Second))
	})
}

func TestFromResponseBounds(t *testing.T) {
	t.Run("below 400 is nil and the body is untouched", func(t *testing.T) {
		for _, status := range []int{200, 204, 301, 304, 399} {
			resp, body := response(status, `{"code":"X"}`)
			assert.NoError(t, FromResponse(resp))
			assert.Zero(t, body.read)
			assert.False(t, body.closed)
		}
		assert.NoError(t, FromResponse(nil))
	})
	t.Run("a 10 MB body is read up to MaxErrorBody and closed", func(t *testing.T) {
		big := `{"code":"ERRO_INTERNO","detail":"` + strings.Repeat("x", 10<<20) + `"}`
		resp, body := response(500, big)
		e := classified(t, resp)
		assert.Equal(t, int64(MaxErrorBody), body.read)
		assert.Len(t, e.Raw, MaxErrorBody)
		assert.True(t, body.closed)
		assert.Equal(t, ErroInterno, e.Code, "the truncated JSON still gives its code")
	})
	t.Run("a declared length sizes the read", func(t *testing.T) {
		resp, body := response(400, `{"code":"X"}`)
		resp.ContentLength = 12
		e := classified(t, resp)
		assert.Equal(t, Code("X"), e.Code)
		assert.Equal(t, int64(12), body.read)
	})
	t.Run("a lying Content-Length is not trusted", func(t *testing.T) {
		resp, _ := response(400, `{"code":"X"}`)
		resp.ContentLength = 1 << 40
		assert.Equal(t, Code("X"), classified(t, resp).Code)
	})
	t.Run("a failing body keeps what was read", func(t *testing.T) {
		resp := &http.Response{StatusCode: 502, Body: io.NopCloser(io.MultiReader(
			strings.NewReader(`{"code":"ERRO_INTERNO"`), &failingReader{}))}
		e := classified(t, resp)
		assert.Equal(t, ErroInterno, e.Code)
		assert.NotNil(t, e.Header, "a response without headers gets an empty map")
	})
	t.Run("a body that never progresses ends the read", func(t *testing.T) {
		resp := &http.Response{StatusCode: 500, Body: io.NopCloser(stuckReader{})}
		assert.Empty(t, classified(t, resp).Raw)
	})
	t.Run("no body at all", func(t *testing.T) {
		e := classified(t, &http.Response{StatusCode: 404})
		assert.Equal(t, FormatUnknown, e.Format)
	})
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

// TestWriteThenRead is the round trip a user of both halves relies on:
// every catalog entry a server writes reads back as the same error.
func TestWriteThenRead(t *testing.T) {
	for _, accept := range []string{"", "application/problem+json"} {
		for entry := range Entries() {
			rec := httptest.NewRecorder()
			quietWriter.Write(rec, newRequest("GET", accept), New(entry.Code).WithRetryAfter(time.Second))
			e := classified(t, rec.Result())
			assert.Equal(t, entry.Status, e.Status, "%s", entry.Code)
			assert.Equal(t, entry.Code, e.Code, "%s", entry.Code)
			assert.Equal(t, entry.Detail, e.Detail, "%s", entry.Code)
			assert.Equal(t, entry.Retry, e.Retry, "%s", entry.Code)
			assert.Equal(t, time.Second, e.RetryAfter, "%s", entry.Code)
			switch {
			case entry.Code == TokenNaoAutorizado:
				// Its 401 says error="invalid_token" in the challenge it must carry.
				assert.Equal(t, FormatBearer, e.Format, "%s", entry.Code)
			case accept == "":
				assert.Equal(t, entry.Format, e.Format, "%s", entry.Code)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true}, {"7", 7 * time.Second, true}, {" 120 ", 2 * time.Minute, true},
		{"99999999999999999999", maxRetryAfter, true},
		{"Sun, 22 Nov 2026 10:00:30 GMT", 30 * time.Second, true},
		{"Sunday, 22-Nov-26 10:01:00 GMT", time.Minute, true},
		{"Sun Nov 22 10:00:05 2026", 5 * time.Second, true},
		{"Sun, 22 Nov 2026 09:00:00 GMT", 0, true},
		{"", 0, false}, {"-1", 0, false}, {"1.5", 0, false}, {"+3", 0, false}, {"soon", 0, false},
	} {
		t.Run(fmt.Sprintf("%q", tc.in), func(t *testing.T) {
			got, ok := ParseRetryAfter(tc.in, now)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}
