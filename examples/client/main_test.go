package main

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/apierrtest"
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

// schedule is the documents' wait before each of the five resends.
var schedule = []time.Duration{3 * time.Second, 6 * time.Second, 12 * time.Second,
	24 * time.Second, 48 * time.Second}

// TestClientAgainstEveryDocumentedFailure runs the example's client
// against every failure the documents describe: it must resend what is
// transient on the documented schedule, renew its token once when a 401
// asks, and give up at once on everything else.
func TestClientAgainstEveryDocumentedFailure(t *testing.T) {
	for f := range apierrtest.Failures() {
		t.Run(f.Name+" is "+f.Retry.String(), func(t *testing.T) {
			t.Parallel()
			srv := apierrtest.NewServer(t, f.Step)
			var sleeper apierrtest.Sleeper
			client := newClient(io.Discard, apierr.Policy{}, sleeper.Sleep)
			resp, err := client.Get(srv.URL + "/accounts")
			if err == nil {
				resp.Body.Close()
			}
			sent := srv.Requests()
			switch f.Retry {
			case apierr.Backoff:
				assert.Len(t, sent, 6, "the first attempt and five resends")
				assert.Equal(t, schedule, sleeper.Waits())
			case apierr.Reauthenticate:
				require.Len(t, sent, 2, "one resend, with a new token")
				assert.Empty(t, sent[0].Header.Get("Authorization"))
				assert.Equal(t, "Bearer token-1", sent[1].Header.Get("Authorization"))
			default:
				assert.Len(t, sent, 1, "given up at once")
				assert.Empty(t, sleeper.Waits())
			}
		})
	}
}
