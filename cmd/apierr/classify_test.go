// Tests of "apierr classify" on the stored responses and on bad input.

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGoldenClassify(t *testing.T) {
	checkGolden(t, []goldenCase{
		{name: "classify-503-retry-after-seconds-stdin", args: []string{"classify"},
			stdinFile: response("empty-503-retry-after-seconds.http"), exit: exitAPIError},
		{name: "classify-503-retry-after-date", exit: exitAPIError,
			args: []string{"classify", response("empty-503-retry-after-date.http")}},
		{name: "classify-interaction-id", exit: exitAPIError,
			args: []string{"classify", response("brick-consentimento-invalido.http")}},
		{name: "classify-too-many-sessions", exit: exitAPIError,
			args: []string{"classify", response("brick-too-many-sessions.http")}},
		{name: "classify-too-many-sessions-by-title", exit: exitAPIError,
			args: []string{"classify", response("too-many-sessions-by-title.http")}},
		{name: "classify-gateway-message", exit: exitAPIError,
			args: []string{"classify", response("kong-no-route.http")}},
		{name: "classify-bearer-invalid-token", exit: exitAPIError,
			args: []string{"classify", response("brick-token-nao-fornecido-bearer.http")}},
		{name: "classify-bearer-no-credentials", exit: exitAPIError,
			args: []string{"classify", response("rfc6750-no-credentials.http")}},
		{name: "classify-code-not-in-catalog", exit: exitAPIError,
			args: []string{"classify", response("not-implemented-501.http")}},
		{name: "classify-code-on-another-status", exit: exitAPIError,
			args: []string{"classify", response("brick-4xx-code-on-503.http")}},
		{name: "classify-redirect-then-503", exit: exitAPIError,
			args: []string{"classify", response("redirect-then-503.http")}},
		{name: "classify-html-502", exit: exitAPIError,
			args: []string{"classify", response("nginx-html-502.http")}},
		{name: "classify-oauth-details", exit: exitAPIError,
			args: []string{"classify", response("trustedx-not-supported.http")}},
		{name: "classify-not-an-error",
			args: []string{"classify", response("success-200.http")}},
		{name: "classify-json", exit: exitAPIError, args: []string{"classify",
			response("empty-503-retry-after-seconds.http"), "--format", "json"}},
		{name: "classify-markdown", exit: exitAPIError, args: []string{"classify",
			"--format", "markdown", response("brick-consentimento-invalido.http")}},
		{name: "classify-dash-is-stdin", args: []string{"classify", "-"},
			stdinFile: response("brick-erro-chamada-api.http"), exit: exitAPIError},
		{name: "classify-bare-body-with-status", args: []string{"classify", "--status", "500"},
			stdin: `{"code":"ERRO_INTERNO"}`, exit: exitAPIError},
		{name: "classify-empty-body-with-status", args: []string{"classify", "--status", "503"},
			exit: exitAPIError},
		{name: "classify-bare-body-without-status", args: []string{"classify"},
			stdin: `{"code":"ERRO_INTERNO"}`, exit: exitUsage},
		{name: "classify-status-not-a-number", args: []string{"classify", "--status", "abc"},
			stdin: `{"code":"ERRO_INTERNO"}`, exit: exitUsage},
		{name: "classify-status-out-of-range", args: []string{"classify", "--status=42"},
			stdin: `{"code":"ERRO_INTERNO"}`, exit: exitUsage},
		{name: "classify-empty-stdin", args: []string{"classify"}, exit: exitUsage},
		{name: "classify-garbage", args: []string{"classify"}, stdin: "hello, world\n",
			exit: exitUsage},
		{name: "classify-bad-status-line", args: []string{"classify"},
			stdin: "HTTP/1.1 5xx Oops\r\n\r\n", exit: exitUsage},
		{name: "classify-status-beyond-http", args: []string{"classify"},
			stdin: "HTTP/1.1 700 Odd\r\n\r\n", exit: exitUsage},
		{name: "classify-curl-verbose-trace", args: []string{"classify"},
			stdinFile: capture("nginx-curl-verbose-invalid-token.txt"), exit: exitAPIError},
		{name: "classify-bad-header", args: []string{"classify"},
			stdin: "HTTP/1.1 503\r\nnot a header\r\n\r\n", exit: exitUsage},
		{name: "classify-missing-file", args: []string{"classify", "no-such-response.http"},
			exit: exitUsage},
		{name: "classify-two-files", exit: exitUsage, args: []string{"classify",
			response("success-200.http"), response("kong-no-route.http")}},
		{name: "classify-retry-after-on-no-retry", args: []string{"classify"},
			stdin: "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\n\r\n" +
				`{"code":"RATE_LIMITED","title":"Rate limited"}`, exit: exitAPIError},
		{name: "classify-retry-after-invalid", args: []string{"classify"},
			stdin: "HTTP/2 503\r\nretry-after: soon\r\n\r\n", exit: exitAPIError},
		{name: "classify-help", args: []string{"classify", "-h"}},
	})
}

// The test: a raw 503 with Retry-After: 7 piped into classify says
// backoff and 7 seconds.
func TestClassify503RetryAfter7SaysBackoffAnd7Seconds(t *testing.T) {
	raw, err := os.ReadFile(response("empty-503-retry-after-seconds.http"))
	require.NoError(t, err)
	require.Contains(t, strings.ToLower(string(raw)), "retry-after: 7")

	r := runCLI(t, string(raw), "classify")
	assert.Equal(t, exitAPIError, r.exit)
	assert.Empty(t, r.stderr)
	assert.Contains(t, r.stdout, "503 Service Unavailable")
	assert.Contains(t, r.stdout, "retry   backoff: resend after 7s, as Retry-After asks\n")

	r = runCLI(t, string(raw), "classify", "--format", "json")
	assert.Equal(t, exitAPIError, r.exit)
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.True(t, got.IsError)
	assert.Equal(t, 503, got.Status)
	assert.Equal(t, "backoff", got.Retry)
	require.NotNil(t, got.RetryAfterSeconds)
	assert.Equal(t, 7.0, *got.RetryAfterSeconds)
	assert.Equal(t, []float64{3, 6, 12, 24, 48}, got.Schedule)
}

func TestClassifyBackoffWithoutRetryAfterGivesTheSchedule(t *testing.T) {
	r := runCLI(t, "", "classify", response("envoy-plain-503.http"))
	assert.Equal(t, exitAPIError, r.exit)
	assert.Contains(t, r.stdout, "backoff: resend after 3s, 6s, 12s, 24s, 48s")
}

func TestClassifyRetryAfterDateIsMeasuredFromTheResponseDate(t *testing.T) {
	// Date 10:00:00, Retry-After 10:02:00: two minutes, whatever the clock.
	r := runCLI(t, "", "classify", "--format", "json", response("empty-503-retry-after-date.http"))
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	require.NotNil(t, got.RetryAfterSeconds)
	assert.Equal(t, 120.0, *got.RetryAfterSeconds)
}

func TestClassifyQuotesTheInteractionID(t *testing.T) {
	r := runCLI(t, "", "classify", response("brick-consentimento-invalido.http"))
	assert.Equal(t, exitAPIError, r.exit)
	assert.Contains(t, r.stdout, "interaction id  73cac523-d3ae-2289-b106-330a6218710d\n")
}

// Every stored response classifies to JSON that parses and agrees with the
// library, and the exit status says whether it was an error.
func TestClassifyJSONOfEveryStoredResponse(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(responsesDir, "*.http"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			r := runCLI(t, "", "classify", "--format", "json", file)
			var got classifyJSON
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), r.stderr)
			assert.Equal(t, got.Status >= 400, got.IsError)
			if got.IsError {
				assert.Equal(t, exitAPIError, r.exit)
				var class apierr.RetryClass
				require.NoError(t, class.UnmarshalText([]byte(got.Retry)))
				assert.Equal(t, class == apierr.Backoff, len(got.Schedule) > 0)
				_, known := apierr.Lookup(apierr.Code(got.Code))
				assert.Equal(t, known, got.Known)
			} else {
				assert.Equal(t, exitOK, r.exit)
			}
		})
	}
}

// Whatever the input, classify answers with output or one line on stderr:
// never a panic, never a stack trace.
func TestClassifyGarbageIsOneLineAndExit2(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	inputs := []string{"\x00\x01\x02", "{", "HTTP/", "HTTP/1.1\r\n", "HTTP/9 999 X\n\n",
		"\xef\xbb\xbf", strings.Repeat("x", 1<<20), "HTTP/1.1 200 OK\r\n" +
			strings.Repeat("X-Long: y\r\n", 1<<17)}
	for range 50 {
		b := make([]byte, rng.IntN(512))
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		r := runCLI(t, in, "classify")
		if r.exit == exitUsage {
			assert.Empty(t, r.stdout)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
		} else {
			assert.Contains(t, []int{exitOK, exitAPIError}, r.exit)
		}
	}
}

func gzipBytes(t *testing.T, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.String()
}

func TestClassifyReadsTheBodyAsItsContentEncodingSays(t *testing.T) {
	const body = `{"code":"ERRO_INTERNO"}`
	head := "HTTP/1.1 500 Internal Server Error\r\nContent-Encoding: %s\r\n\r\n"
	bomb := gzipBytes(t, bytes.Repeat([]byte(" "), 8<<20))
	tests := []struct {
		name, in, body, code string
	}{
		{"a gzip body is decoded", fmt.Sprintf(head, "gzip") + gzipBytes(t, []byte(body)),
			"gzip-encoded: decoded, 23 bytes", "ERRO_INTERNO"},
		{"a body curl --compressed decoded is read as printed", fmt.Sprintf(head, "gzip") + body,
			"printed decoded, as curl --compressed does", "ERRO_INTERNO"},
		{"a compression bomb is cut, and says so", fmt.Sprintf(head, "gzip") + bomb,
			"cut at 65536 bytes of decoded gzip: apierr reads no more of an error body", ""},
		{"a coding apierr cannot decode is said", fmt.Sprintf(head, "br") + "\x8b\x03\x80",
			`content coding "br" cannot be decoded: classified from the headers alone`, ""},
		{"a truncated gzip body is classified on what came before",
			fmt.Sprintf(head, "gzip") + gzipBytes(t, []byte(body))[:30],
			"gzip body ends early: classified on the", ""},
		{"a long plain body is cut at the library's bound",
			"HTTP/1.1 500 Internal Server Error\r\n\r\n" + strings.Repeat("x", 70<<10),
			"cut at 65536 bytes: apierr reads no more", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.in, "classify")
			require.Equal(t, exitAPIError, r.exit, r.stderr)
			assert.Contains(t, strings.Join(strings.Fields(r.stdout), " "), tt.body)
			if tt.code != "" {
				assert.Regexp(t, "(?m)^  code +"+tt.code+"$", r.stdout)
			}
		})
	}
}

func TestClassifyCutsALongTextWithAMarker(t *testing.T) {
	detail := strings.Repeat("é", 1000)
	in := "HTTP/1.1 400 Bad Request\r\n\r\n" + `{"code":"X","detail":"` + detail + `"}`

	r := runCLI(t, in, "classify")
	flat := strings.Join(strings.Fields(r.stdout), " ")
	assert.Contains(t, flat, strings.Repeat("é", 600)+" … [400 more characters cut; "+
		"--format json shows all]")
	assert.NotContains(t, flat, strings.Repeat("é", 601))

	r = runCLI(t, in, "classify", "--format", "json")
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, detail, got.Detail, "JSON keeps every character")
}

// A Basic or Negotiate beside the Bearer: every challenge is shown, in the
// order sent.
func TestClassifyShowsEveryChallenge(t *testing.T) {
	r := runCLI(t, "", "classify", response("multiple-challenges.http"))
	require.Equal(t, exitAPIError, r.exit, r.stderr)
	negotiate := strings.Index(r.stdout, "challenge   Negotiate\n")
	basic := strings.Index(r.stdout, `Basic realm="legacy"`)
	bearer := strings.Index(r.stdout, `Bearer realm="api", error="invalid_token"`)
	assert.True(t, negotiate >= 0 && negotiate < basic && basic < bearer,
		"in order:\n%s", r.stdout)
}
