package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoutes(t *testing.T) {
	srv := httptest.NewServer(routes(slog.New(slog.DiscardHandler)))
	defer srv.Close()
	for _, tc := range []struct {
		name, method, path, auth string
		code                     apierr.Code
		status                   int
		format                   apierr.Format
	}{
		{"a Brick Bank code", "GET", "/consents/42", "", apierr.ConsentimentoNaoEncontrado, 404,
			apierr.FormatCodeTitleDetail},
		{"a TrustedX exception", "POST", "/signatures", "", apierr.NotSupportedException, 400,
			apierr.FormatOAuth},
		{"no credentials", "GET", "/accounts", "", "", 401, apierr.FormatUnknown},
		{"an expired token", "GET", "/accounts", "Bearer expired", apierr.InvalidToken, 401,
			apierr.FormatBearer},
		{"a token without the scope", "GET", "/accounts", "Bearer other", apierr.InsufficientScope,
			403, apierr.FormatBearer},
		{"Too Many Sessions", "GET", "/session", "", apierr.TooManySessions, 429,
			apierr.FormatCodeTitleDetail},
		{"a panic", "GET", "/panic", "", apierr.ErroInterno, 500, apierr.FormatCodeTitleDetail},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			require.NoError(t, err)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			e, ok := apierr.FromResponse(resp).(*apierr.Error)
			require.True(t, ok)
			assert.Equal(t, tc.status, e.Status)
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, tc.format, e.Format)
		})
	}
	t.Run("a good token gets data", func(t *testing.T) {
		req, _ := http.NewRequest("GET", srv.URL+"/accounts", nil)
		req.Header.Set("Authorization", "Bearer accounts")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, `{"data":[]}`, string(body))
	})
	t.Run("the panic never reaches the client", func(t *testing.T) {
		resp, err := http.Get(srv.URL + "/panic")
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		assert.False(t, strings.Contains(string(body), "ledger"), string(body))
	})
}
