// Tests of classify on the real captures in testdata/captures: each one's
// golden, and the verdict shared/DESIGN.md's "The retry class" gives it,
// worked out by hand from the capture's bytes.

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// captureVerdict is what classify must say of one capture.
type captureVerdict struct {
	file    string
	rule    int // the rule of DESIGN's "The retry class" that decides
	retry   apierr.RetryClass
	code    apierr.Code
	format  apierr.Format
	gateway string // DESIGN "Gateways": who answered in the API's place
}

// captureVerdicts is every capture with what classify must say of it. The
// rule is the first of DESIGN's five that applies: 1 a Bearer invalid_token
// challenge, 2 a known code, 3 Too Many Sessions, 4 a 401 with any
// challenge, 5 the status alone.
var captureVerdicts = []captureVerdict{
	{"caddy-dead-port.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "Caddy"},
	{"caddy-slow-upstream.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "Caddy"},
	{"express-jwt-bearer-expired-token.http", 1, apierr.Reauthenticate,
		apierr.InvalidToken, apierr.FormatBearer, ""},
	{"express-jwt-bearer-insufficient-scope.http", 2, apierr.NoRetry,
		apierr.InsufficientScope, apierr.FormatBearer, ""},
	// A Bearer challenge without an error, beside a DPoP one.
	{"express-jwt-bearer-no-token.http", 4, apierr.Reauthenticate, "",
		apierr.FormatUnknown, ""},
	// No challenge at all, and a code no catalog knows.
	{"fosite-introspect-no-auth.http", 5, apierr.NoRetry, "request_unauthorized",
		apierr.FormatOAuth, ""},
	{"fosite-invalid-client-basic.http", 2, apierr.NoRetry, "invalid_client",
		apierr.FormatOAuth, ""},
	{"fosite-invalid-grant-password.http", 2, apierr.NoRetry, "invalid_grant",
		apierr.FormatOAuth, ""},
	{"fosite-invalid-request-nogrant.http", 2, apierr.NoRetry, apierr.InvalidRequest,
		apierr.FormatOAuth, ""},
	{"fosite-invalid-scope.http", 2, apierr.NoRetry, "invalid_scope", apierr.FormatOAuth, ""},
	{"haproxy-slow-upstream.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "HAProxy"},
	{"nginx-body-too-large.http", 5, apierr.NoRetry, "", apierr.FormatUnknown, "nginx"},
	// The Bearer challenge is the API's, behind nginx: a documented format.
	{"nginx-curl-verbose-invalid-token.txt", 1, apierr.Reauthenticate, apierr.InvalidToken,
		apierr.FormatBearer, ""},
	{"nginx-dead-port.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "nginx"},
	{"nginx-gzip-api-scope-raw-gzip.http", 2, apierr.NoRetry, apierr.InsufficientScope,
		apierr.FormatBearer, ""},
	// 429 is a 4xx: never resent, Retry-After or not, unless Too Many Sessions.
	{"nginx-rate-limit-429-retry-after-30.http", 5, apierr.NoRetry, "", apierr.FormatUnknown,
		"nginx"},
	{"nginx-rate-limit-429.http", 5, apierr.NoRetry, "", apierr.FormatUnknown, "nginx"},
	{"nginx-rate-limit-default-503.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "nginx"},
	{"nginx-slow-upstream.http", 5, apierr.Backoff, "", apierr.FormatUnknown, "nginx"},
	// The registry's own code beside an invalid_token challenge: rule 1.
	{"registry-pull-expired-token.http", 1, apierr.Reauthenticate, "UNAUTHORIZED",
		apierr.FormatBearer, ""},
	// An unknown body code is kept; the challenge without an error: rule 4.
	{"registry-pull-no-token.http", 4, apierr.Reauthenticate, "UNAUTHORIZED",
		apierr.FormatCodeTitleDetail, ""},
	{"registry-pull-ok-token-404.http", 5, apierr.NoRetry, "MANIFEST_UNKNOWN",
		apierr.FormatCodeTitleDetail, ""},
}

func capture(name string) string { return filepath.Join(capturesDir, name) }

func TestEveryCaptureHasAVerdict(t *testing.T) {
	entries, err := os.ReadDir(capturesDir)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		if e.Name() != "README.md" {
			files = append(files, e.Name())
		}
	}
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.True(t, slices.ContainsFunc(captureVerdicts, func(v captureVerdict) bool {
			return v.file == f
		}), "capture %s has no verdict", f)
	}
}

func TestClassifyGivesEveryCaptureItsVerdict(t *testing.T) {
	for _, v := range captureVerdicts {
		t.Run(v.file, func(t *testing.T) {
			r := runCLI(t, "", "classify", "--format", "json", capture(v.file))
			require.Equal(t, exitAPIError, r.exit, r.stderr)
			var got classifyJSON
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
			assert.Equal(t, v.retry.String(), got.Retry, "retry class, by rule %d", v.rule)
			assert.Equal(t, string(v.code), got.Code, "code")
			assert.Equal(t, v.format.String(), got.Format, "format")
			assert.Equal(t, v.gateway, got.Gateway, "gateway")
		})
	}
}

func TestGoldenCaptures(t *testing.T) {
	var cases []goldenCase
	for _, v := range captureVerdicts {
		name := "capture-" + strings.TrimSuffix(v.file, filepath.Ext(v.file))
		cases = append(cases, goldenCase{name: name, args: []string{"classify",
			capture(v.file)}, exit: exitAPIError})
	}
	checkGolden(t, cases)
}

// The captures piped as curl would: the verbose trace through 2>&1 into
// standard input.
func TestClassifyReadsTheVerboseCaptureFromStandardInput(t *testing.T) {
	raw, err := os.ReadFile(capture("nginx-curl-verbose-invalid-token.txt"))
	require.NoError(t, err)
	r := runCLI(t, string(raw), "classify")
	assert.Equal(t, exitAPIError, r.exit, r.stderr)
	assert.Contains(t, r.stdout, "401 Unauthorized\n")
	assert.Contains(t, r.stdout, "reauthenticate: get a new token (this one has expired)")
}
