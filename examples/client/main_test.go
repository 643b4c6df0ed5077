package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	srv := httptest.NewServer(failing())
	defer srv.Close()
	var out strings.Builder
	require.NoError(t, run(&out, srv.URL))
	got := out.String()
	for _, want := range []string{
		"404 CONSENTIMENTO_NAO_ENCONTRADO   do not resend",
		"400 NotSupportedException          do not resend",
		"401 invalid_token                  get a new token",
		"429 TOO_MANY_SESSIONS              transient: resend after 3s",
		"attempt 1: 500 ERRO_NO_FLUXO_OIDC, resending after 30ms",
		"attempt 2: 500 ERRO_NO_FLUXO_OIDC, resending after 60ms",
		`attempt 3: 200 {"data":"ok"}`,
	} {
		assert.Contains(t, got, want)
	}
}
