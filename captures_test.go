package apierr

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/internal/rawhttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verdict is what DESIGN's rules say a capture must classify as.
type verdict struct {
	status     int
	format     Format
	code       Code
	retry      RetryClass
	gateway    string
	retryAfter time.Duration
}

// captureVerdicts holds every real capture in testdata/captures (byte for
// byte the files of shared/captures) with the verdict DESIGN's five rules
// give it, worked out by hand from the rules, not from the code.
var captureVerdicts = map[string]verdict{
	// Gateways: their stock pages, named; 5xx resent, 4xx not.
	"caddy-dead-port.http":                     {502, FormatUnknown, "", Backoff, "Caddy", 0},
	"caddy-slow-upstream.http":                 {504, FormatUnknown, "", Backoff, "Caddy", 0},
	"haproxy-slow-upstream.http":               {504, FormatUnknown, "", Backoff, "HAProxy", 0},
	"nginx-body-too-large.http":                {413, FormatUnknown, "", NoRetry, "nginx", 0},
	"nginx-dead-port.http":                     {502, FormatUnknown, "", Backoff, "nginx", 0},
	"nginx-slow-upstream.http":                 {504, FormatUnknown, "", Backoff, "nginx", 0},
	"nginx-rate-limit-default-503.http":        {503, FormatUnknown, "", Backoff, "nginx", 0},
	"nginx-rate-limit-429.http":                {429, FormatUnknown, "", NoRetry, "nginx", 0},
	"nginx-rate-limit-429-retry-after-30.http": {429, FormatUnknown, "", NoRetry, "nginx", 30 * time.Second},
	// An API behind nginx: a documented format is the API's answer.
	"nginx-gzip-api-scope-raw-gzip.http":   {403, FormatBearer, InsufficientScope, NoRetry, "", 0},
	"nginx-curl-verbose-invalid-token.txt": {401, FormatBearer, InvalidToken, Reauthenticate, "", 0},
	// OAuth servers' token endpoints: known RFC 6749 codes keep NoRetry;
	// a 401 without a challenge is not a renewal (rule 4 needs one).
	"fosite-introspect-no-auth.http":      {401, FormatOAuth, "request_unauthorized", NoRetry, "", 0},
	"fosite-invalid-client-basic.http":    {401, FormatOAuth, "invalid_client", NoRetry, "", 0},
	"fosite-invalid-grant-password.http":  {400, FormatOAuth, "invalid_grant", NoRetry, "", 0},
	"fosite-invalid-request-nogrant.http": {400, FormatOAuth, InvalidRequest, NoRetry, "", 0},
	"fosite-invalid-scope.http":           {400, FormatOAuth, "invalid_scope", NoRetry, "", 0},
	// Resource servers: rule 1 (invalid_token) and rule 4 (a bare challenge).
	"express-jwt-bearer-expired-token.http":      {401, FormatBearer, InvalidToken, Reauthenticate, "", 0},
	"express-jwt-bearer-insufficient-scope.http": {403, FormatBearer, InsufficientScope, NoRetry, "", 0},
	"express-jwt-bearer-no-token.http":           {401, FormatUnknown, "", Reauthenticate, "", 0},
	// The Docker registry: its own code beside the challenge's.
	"registry-pull-expired-token.http": {401, FormatBearer, "UNAUTHORIZED", Reauthenticate, "", 0},
	"registry-pull-no-token.http":      {401, FormatCodeTitleDetail, "UNAUTHORIZED", Reauthenticate, "", 0},
	"registry-pull-ok-token-404.http":  {404, FormatCodeTitleDetail, "MANIFEST_UNKNOWN", NoRetry, "", 0},
}

func readRawCapture(t *testing.T, name string) *Error {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "captures", name))
	require.NoError(t, err)
	resp, err := rawhttp.ReadResponse(bytes.NewReader(raw))
	require.NoError(t, err, name)
	return classified(t, resp)
}

func TestCapturesMatchTheSharedOnes(t *testing.T) {
	shared, err := filepath.Glob(filepath.Join("..", "shared", "captures", "*"))
	require.NoError(t, err)
	if len(shared) == 0 {
		t.Skip("../shared/captures is not beside this checkout")
	}
	for _, path := range shared {
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("testdata", "captures", filepath.Base(path)))
		require.NoError(t, err, "copy %s into testdata/captures", filepath.Base(path))
		assert.True(t, bytes.Equal(want, got), "%s is byte for byte the shared capture", path)
	}
}

func TestCaptures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "captures", "*"))
	require.NoError(t, err)
	n := 0
	for _, path := range files {
		name := filepath.Base(path)
		if name == "README.md" {
			continue
		}
		n++
		want, ok := captureVerdicts[name]
		if !assert.True(t, ok, "%s has a verdict", name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			e := readRawCapture(t, name)
			got := verdict{e.Status, e.Format, e.Code, e.Retry, e.Gateway, e.RetryAfter}
			assert.Equal(t, want, got)
		})
	}
	assert.Equal(t, len(captureVerdicts), n, "every verdict has its capture")
}

func TestCaptureDetails(t *testing.T) {
	t.Run("the registry's structured detail goes to Details and its message to Detail",
		func(t *testing.T) {
			e := readRawCapture(t, "registry-pull-expired-token.http")
			assert.Equal(t, "authentication required", e.Detail)
			assert.JSONEq(t, `[{"Type":"repository","Class":"","Name":"foo/bar","Action":"pull"}]`,
				string(e.Details))
			require.NotNil(t, e.Challenge)
			assert.Equal(t, "test-registry", e.Challenge.Params["service"])
			assert.Equal(t, "repository:foo/bar:pull", e.Challenge.Params["scope"])
			assert.Equal(t, "http://127.0.0.1:19021/token", e.Challenge.Params["realm"])
			assert.Contains(t, e.Error(), "authentication required", "more than a bare 401 UNAUTHORIZED")
		})
	t.Run("a string detail in the envelope is the detail", func(t *testing.T) {
		e := readRawCapture(t, "registry-pull-ok-token-404.http")
		assert.Equal(t, "unknown tag=latest", e.Detail)
		assert.Nil(t, e.Details)
	})
	t.Run("a challenge's description beats an HTML page's title", func(t *testing.T) {
		e := readRawCapture(t, "express-jwt-bearer-expired-token.http")
		assert.Equal(t, "'exp' claim timestamp check failed", e.Detail)
	})
	t.Run("a gzip body is decoded and Raw keeps what was received", func(t *testing.T) {
		e := readRawCapture(t, "nginx-gzip-api-scope-raw-gzip.http")
		assert.Equal(t, "The request requires higher privileges than provided by the access token.",
			e.Detail)
		assert.True(t, bytes.HasPrefix(e.Raw, []byte{0x1f, 0x8b}), "Raw is the gzip stream")
		require.NotNil(t, e.Challenge)
		assert.Equal(t, "a b", e.Challenge.Params["scope"])
	})
	t.Run("a token endpoint's description is kept as sent", func(t *testing.T) {
		e := readRawCapture(t, "fosite-invalid-request-nogrant.http")
		assert.True(t, strings.HasSuffix(e.Detail, "Request parameter 'grant_type' is missing"))
		var body map[string]string
		require.NoError(t, json.Unmarshal(e.Raw, &body))
		assert.Equal(t, body["error_description"], e.Detail)
	})
}
