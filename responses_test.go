package apierr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/internal/rawhttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResponseCorpus classifies every raw response in testdata/responses,
// saved as curl -si prints them, and fails on a file the table forgets.
func TestResponseCorpus(t *testing.T) {
	type expect struct {
		status     int
		format     Format
		code       Code
		retry      RetryClass
		retryAfter time.Duration
	}
	cases := map[string]expect{
		"brick-consentimento-invalido":     {400, FormatCodeTitleDetail, ConsentimentoInvalido, NoRetry, 0},
		"brick-token-nao-fornecido":        {401, FormatOAuth, InvalidToken, Reauthenticate, 0},
		"brick-token-nao-fornecido-bearer": {401, FormatBearer, InvalidToken, Reauthenticate, 0},
		"brick-erro-interno-http2":         {500, FormatCodeTitleDetail, ErroInterno, Backoff, 0},
		"brick-too-many-sessions": {429, FormatCodeTitleDetail, TooManySessions, Backoff,
			3 * time.Second},
		"too-many-sessions-by-title": {429, FormatCodeTitleDetail, "SESSION_CONFLICT", Backoff, 0},
		// The code says the request is wrong; a 503 around it changes nothing.
		"brick-4xx-code-on-503":          {503, FormatCodeTitleDetail, PermissoesInvalidas, NoRetry, 0},
		"brick-erro-chamada-api":         {400, FormatCodeTitleDetail, ErroChamadaAPI, Backoff, 0},
		"trustedx-not-supported":         {400, FormatOAuth, NotSupportedException, NoRetry, 0},
		"trustedx-insufficient-scope":    {403, FormatBearer, InsufficientScope, NoRetry, 0},
		"rfc6750-invalid-token-no-body":  {401, FormatBearer, InvalidToken, Reauthenticate, 0},
		"rfc6750-no-credentials":         {401, FormatUnknown, "", Reauthenticate, 0},
		"multiple-challenges":            {401, FormatBearer, InvalidToken, Reauthenticate, 0},
		"problem-json":                   {422, FormatProblem, ValorInvalido, NoRetry, 0},
		"seed000-numeric-error":          {401, FormatOAuth, "", NoRetry, 0},
		"bom-text-plain":                 {404, FormatCodeTitleDetail, ConsentimentoNaoEncontrado, NoRetry, 0},
		"json-no-content-type-reordered": {422, FormatCodeTitleDetail, ErroIdempotencia, NoRetry, 0},
		"kong-no-route":                  {404, FormatUnknown, "", NoRetry, 0},
		"aws-gateway-message":            {502, FormatUnknown, "", Backoff, 0},
		"nginx-html-502":                 {502, FormatUnknown, "", Backoff, 0},
		"envoy-plain-503":                {503, FormatUnknown, "", Backoff, 0},
		"empty-503-retry-after-seconds":  {503, FormatUnknown, "", Backoff, 7 * time.Second},
		"empty-503-retry-after-date":     {503, FormatUnknown, "", Backoff, 2 * time.Minute},
		"not-implemented-501":            {501, FormatCodeTitleDetail, "NAO_IMPLEMENTADO", NoRetry, 0},
		"truncated-json":                 {500, FormatCodeTitleDetail, ErroNoFluxoOIDC, Backoff, 0},
		"seed003-unquoted-keys":          {400, FormatCodeTitleDetail, ClienteInvalido, NoRetry, 0},
		"continue-then-422":              {422, FormatCodeTitleDetail, ParametroNaoInformado, NoRetry, 0},
		"redirect-then-503":              {503, FormatCodeTitleDetail, ErroNoFluxoOIDC, Backoff, 0},
		"chunked-curl-decoded":           {423, FormatCodeTitleDetail, LimiteOperacionalExcedido, NoRetry, 0},
		"ofb-errors-envelope":            {422, FormatCodeTitleDetail, DetalhePagamentoInvalido, NoRetry, 0},
		"success-200":                    {200, 0, "", 0, 0},
	}
	files, err := filepath.Glob(filepath.Join("testdata", "responses", "*.http"))
	require.NoError(t, err)
	require.Len(t, files, len(cases), "one table row per file in testdata/responses")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".http")
		want, ok := cases[name]
		require.True(t, ok, "testdata/responses/%s.http has a row in the table", name)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			resp, err := rawhttp.ReadResponse(f)
			require.NoError(t, err)
			err = FromResponse(resp)
			if want.status < 400 {
				assert.NoError(t, err)
				return
			}
			e, ok := err.(*Error)
			require.True(t, ok, "%T", err)
			assert.Equal(t, want, expect{e.Status, e.Format, e.Code, e.Retry, e.RetryAfter})
		})
	}
}
