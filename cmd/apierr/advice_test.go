// Tests of what classify says beside the retry class, on hand-built
// classifications: who answered, the advice fitted to the response, and
// when the catalog's cause and fix are shown.

package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// fixed is a catalog that classifies every response as e: the printing is
// tested apart from the library's classifier.
type fixed struct {
	*apierr.Catalog
	e *apierr.Error
}

func (f fixed) FromResponse(resp *http.Response) error {
	_ = resp.Body.Close()
	return f.e
}

// classifyAs runs classify on any error response, the library's verdict
// replaced by e.
func classifyAs(t *testing.T, e *apierr.Error, format string) result {
	t.Helper()
	if e.Header == nil {
		e.Header = http.Header{}
	}
	return runWith(t, func(c *cli) { c.catalog = fixed{Catalog: apierr.Documented(), e: e} },
		"HTTP/1.1 599\r\n\r\n", "classify", "--format", format)
}

func bearer(challenge string) http.Header {
	return http.Header{"Www-Authenticate": {challenge}}
}

func TestClassifySaysWhenAGatewayAnswered(t *testing.T) {
	e := &apierr.Error{Status: 502, Retry: apierr.Backoff, Gateway: "nginx",
		Detail: "502 Bad Gateway"}

	r := classifyAs(t, e, "text")
	assert.Regexp(t, `(?m)^  gateway +answered by nginx, not the API: the request may not `+
		`have reached it$`, r.stdout)

	r = classifyAs(t, e, "markdown")
	assert.Contains(t, r.stdout, "| gateway | answered by nginx, not the API: the request may "+
		"not have reached it |\n")

	r = classifyAs(t, e, "json")
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, "nginx", got.Gateway)
}

func TestClassifySaysNothingOfAGatewayWhenTheAPIAnswered(t *testing.T) {
	r := classifyAs(t, &apierr.Error{Status: 503, Retry: apierr.Backoff, Code: "X"}, "text")
	assert.NotContains(t, r.stdout, "gateway")
	assert.NotContains(t, r.stdout, "not the API")
}

func TestClassifyQuotesTheGatewayName(t *testing.T) {
	r := classifyAs(t, &apierr.Error{Status: 502, Retry: apierr.Backoff,
		Gateway: "ngin\x1b]0;x\ax"}, "text")
	assertNoRawControl(t, r.stdout)
	assert.Contains(t, r.stdout, `answered by ngin\x1b]0;x\ax, not the API`)
}

func TestClassifyFitsTheAdviceToTheResponse(t *testing.T) {
	tokenNotSent := "Verifique se o backend" // invalid_token's documented solution
	tests := []struct {
		name    string
		e       *apierr.Error
		says    []string // in the text output
		saysNot []string
	}{
		{name: "an expired token is told to renew, not to send the token",
			e: &apierr.Error{Status: 401, Code: apierr.InvalidToken, Retry: apierr.Reauthenticate,
				Format: apierr.FormatBearer, Detail: "jwt expired",
				Header: bearer(`Bearer error="invalid_token", error_description="jwt expired"`)},
			says: []string{"reauthenticate: get a new token (this one has expired), then " +
				"resend once", "refused the token it was sent"},
			saysNot: []string{tokenNotSent, "  cause "}},
		{name: "a token never sent gets the documented fix",
			e: &apierr.Error{Status: 401, Code: apierr.InvalidToken, Retry: apierr.Reauthenticate,
				Detail: "Token não fornecido", Format: apierr.FormatOAuth},
			says:    []string{"get a token and resend once with it", tokenNotSent},
			saysNot: []string{"expired)"}},
		{name: "the catalog's own detail is not taken for the response's words",
			e: &apierr.Error{Status: 401, Code: apierr.InvalidToken, Retry: apierr.Reauthenticate,
				Detail: "The access token provided is expired, revoked, malformed, or invalid " +
					"for other reasons.", Header: bearer(`Bearer error="invalid_token"`)},
			says:    []string{"reauthenticate: refresh the token, then resend once"},
			saysNot: []string{"this one has expired", tokenNotSent}},
		{name: "an expired Brick Bank token keeps its documented cause",
			e: &apierr.Error{Status: 401, Code: apierr.TokenNaoAutorizado,
				Retry: apierr.Reauthenticate, Detail: "token expirado"},
			says: []string{"this one has expired", "está expirado ou inválido"}},
		{name: "a token endpoint's invalid_request is not about the Authorization header",
			e: &apierr.Error{Status: 400, Code: apierr.InvalidRequest, Retry: apierr.NoRetry,
				Format: apierr.FormatOAuth, Detail: "Request parameter 'grant_type' is missing"},
			says:    []string{"fix the token request", "RFC 6749 §5.2"},
			saysNot: []string{"cabecera HTTP Authorization"}},
		{name: "a resource server's invalid_request keeps its documented cause",
			e: &apierr.Error{Status: 400, Code: apierr.InvalidRequest, Retry: apierr.NoRetry,
				Format: apierr.FormatBearer, Header: bearer(`Bearer error="invalid_request"`)},
			says: []string{"cabecera HTTP Authorization", "no-retry: do not resend\n"}},
		{name: "insufficient_scope names the scope the challenge asks for",
			e: &apierr.Error{Status: 403, Code: apierr.InsufficientScope, Retry: apierr.NoRetry,
				Header: bearer(`Bearer error="insufficient_scope", scope="payments:write"`)},
			says: []string{`get one with the scope "payments:write"`}},
		{name: "a challenge's invalid_token beside another code is said to decide",
			e: &apierr.Error{Status: 401, Code: "UNAUTHORIZED", Retry: apierr.Reauthenticate,
				Header: bearer(`Bearer realm="r", error="invalid_token"`)},
			says: []string{"the Bearer challenge says invalid_token, which decides"}},
		{name: "a 401 challenge without an error asks for a token",
			e: &apierr.Error{Status: 401, Retry: apierr.Reauthenticate,
				Header: bearer(`Bearer realm="api", DPoP algs="ES256"`)},
			says: []string{"get a token and resend once with it", "carried no token",
				"DPoP algs=\"ES256\""}},
		{name: "a gateway's 413 says the body is too large for it",
			e:    &apierr.Error{Status: 413, Retry: apierr.NoRetry, Gateway: "nginx"},
			says: []string{"the body is larger than nginx accepts"}},
		{name: "a 504 warns that the API may have run the request",
			e:    &apierr.Error{Status: 504, Retry: apierr.Backoff},
			says: []string{"a 504 may come after the API ran the request"}},
		{name: "a 503 does not warn that the request may have run",
			e:       &apierr.Error{Status: 503, Retry: apierr.Backoff},
			saysNot: []string{"may come after"}},
		{name: "a 429 with Retry-After says how a client may wait it out",
			e: &apierr.Error{Status: 429, Retry: apierr.NoRetry, RetryAfter: 30 * time.Second,
				Header: http.Header{"Retry-After": {"30"}}},
			says: []string{"no-retry: do not resend at once", "30s asked by the server",
				"resends only with Classify: apierr.ResendRateLimited"}},
		{name: "invalid_client is not mended by a new token",
			e: &apierr.Error{Status: 401, Code: "invalid_client", Retry: apierr.NoRetry,
				Format: apierr.FormatOAuth},
			says: []string{"which a new token cannot", "credentials"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := classifyAs(t, tt.e, "text")
			require.Equal(t, exitAPIError, r.exit, r.stderr)
			flat := strings.Join(strings.Fields(r.stdout), " ") // as if unwrapped
			for _, s := range tt.says {
				if !strings.Contains(r.stdout, s) {
					assert.Contains(t, flat, strings.Join(strings.Fields(s), " "))
				}
			}
			for _, s := range tt.saysNot {
				assert.NotContains(t, r.stdout, s)
			}
		})
	}
}

// The advice in JSON is the fitted one, and the documented texts that do
// not fit are left out there too.
func TestClassifyJSONCarriesTheFittedAdvice(t *testing.T) {
	r := classifyAs(t, &apierr.Error{Status: 401, Code: apierr.InvalidToken,
		Retry: apierr.Reauthenticate, Detail: "token expired"}, "json")
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, "get a new token (this one has expired), then resend once", got.Advice)
	assert.Empty(t, got.Solution)
	assert.Len(t, got.Notes, 1)
}

func TestClassifyShowsEveryChallengeUpToABound(t *testing.T) {
	challenges := strings.Repeat("Basic realm=\"a\", ", 20) + `Bearer error="invalid_token"`
	e := &apierr.Error{Status: 401, Retry: apierr.Reauthenticate, Header: bearer(challenges)}

	r := classifyAs(t, e, "text")
	assert.Equal(t, maxChallengeLines, strings.Count(r.stdout, `Basic realm="a"`))
	assert.Contains(t, r.stdout, "… [13 more challenges cut; --format json shows all]")

	r = classifyAs(t, e, "json")
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Len(t, got.Challenges, 21)
	assert.Equal(t, `Bearer error="invalid_token"`, got.Challenges[20])
}
