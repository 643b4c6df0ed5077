package apierr

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGatewayMessagesMatchSeeds(t *testing.T) {
	kong := seed003BlockWith(t, "message", "no Route matched with those values")
	m, ok := LookupMessage("no Route matched with those values")
	require.True(t, ok)
	assert.Equal(t, kong.Fields["message"], m.Message)
	assert.Equal(t, kong.Status, m.Status)
	assert.Equal(t, "Kong", m.Gateway)
	assert.Equal(t, kong.Cause, m.Cause)
	assert.Equal(t, kong.Solution, m.Solution)
	_, ok = LookupMessage("No Route Matched With Those Values")
	assert.False(t, ok, "messages match exactly")
}

func TestGatewayMessagesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for m := range GatewayMessages() {
		key := m.Gateway + " " + m.Message
		assert.False(t, seen[key], "%s listed twice", key)
		seen[key] = true
		assert.NotEmpty(t, m.Message, key)
		assert.True(t, validStatus(m.Status), key)
		assert.NotEmpty(t, m.Source, "%s says where it was seen", key)
		assert.NotEmpty(t, m.Summary, "%s says what it means", key)
		assert.NotEmpty(t, m.Solution, "%s says what to do", key)
		assert.NotContains(t, strings.ToLower(m.Source+m.Summary+m.Solution), "seed",
			"%s names its documents for users", key)
	}
	for _, g := range []string{"nginx", "HAProxy", "Envoy", "Kong", "Traefik"} {
		assert.Contains(t, strings.Join(slices.Collect(maps.Keys(seen)), "\n"), g+" ", "a stock answer of %s", g)
	}
}

func TestGatewayNamed(t *testing.T) {
	for _, tc := range []struct {
		name, gateway, detail string
	}{
		{"nginx-dead-port.http", "nginx", "502 Bad Gateway"},
		{"nginx-slow-upstream.http", "nginx", "504 Gateway Time-out"},
		{"nginx-rate-limit-429.http", "nginx", "429 Too Many Requests"},
		{"nginx-rate-limit-429-retry-after-30.http", "nginx", "429 Too Many Requests"},
		{"nginx-rate-limit-default-503.http", "nginx", "503 Service Temporarily Unavailable"},
		{"nginx-body-too-large.http", "nginx", "413 Request Entity Too Large"},
		{"haproxy-slow-upstream.http", "HAProxy", "504 Gateway Time-out"},
		{"caddy-dead-port.http", "Caddy", ""},
		{"caddy-slow-upstream.http", "Caddy", ""},
		{"nginx-gzip-api-scope-raw-gzip.http", "", "The request requires higher privileges than provided by the access token."},
		{"registry-pull-no-token.http", "", "authentication required"},
		{"express-jwt-bearer-no-token.http", "", "Error"},
		{"fosite-invalid-client-basic.http", "", "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)."},
	} {
		t.Run(tc.name+" is answered by "+cmp.Or(tc.gateway, "the API"), func(t *testing.T) {
			e := readRawCapture(t, tc.name)
			assert.Equal(t, tc.gateway, e.Gateway)
			assert.Equal(t, tc.detail, e.Detail)
		})
	}
	for _, tc := range []struct {
		name, gateway string
		status        int
		header        []string
		body          string
	}{
		{"Kong's no-route message", "Kong", 404, []string{"Server", "kong/3.4.2"},
			`{"message":"no Route matched with those values"}`},
		{"Kong's message behind its Via header", "Kong", 502, []string{"Via", "1.1 kong/3.4.2"},
			`{"message":"An invalid response was received from the upstream server"}`},
		{"Envoy's reset with its varying reason", "Envoy", 503, []string{"Server", "envoy"},
			"upstream connect error or disconnect/reset before headers. reset reason: connection failure"},
		{"Envoy's no healthy upstream", "Envoy", 503, nil, "no healthy upstream"},
		{"an AWS load balancer's page", "AWS ELB", 502, []string{"Server", "awselb/2.0"},
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
				"<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"},
		{"Cloudflare's origin error", "Cloudflare", 522, []string{"Server", "cloudflare"}, ""},
		{"an API's own 502 page that no gateway wrote", "", 502, nil,
			"<html><title>502 Bad Gateway</title></html>"},
		{"an API's documented body behind nginx", "", 503, []string{"Server", "nginx"},
			`{"code":"ERRO_INTERNO","title":"Erro interno","detail":"x"}`},
		{"an API's own 404 text behind nginx", "", 404, []string{"Server", "nginx"}, "no such account"},
	} {
		t.Run(tc.name+" is answered by "+cmp.Or(tc.gateway, "the API"), func(t *testing.T) {
			resp, _ := response(tc.status, tc.body, tc.header...)
			assert.Equal(t, tc.gateway, classified(t, resp).Gateway)
		})
	}
}

func TestErrorGatewayMessage(t *testing.T) {
	e := readRawCapture(t, "haproxy-slow-upstream.http")
	m, ok := e.GatewayMessage()
	require.True(t, ok)
	assert.Equal(t, "HAProxy", m.Gateway, "HAProxy's page, not nginx's of the same title")
	assert.Equal(t, 504, m.Status)

	e = readRawCapture(t, "caddy-dead-port.http")
	_, ok = e.GatewayMessage()
	assert.False(t, ok, "Caddy is named by its Server header, with no message")
	assert.Equal(t, "Caddy", e.Gateway)

	_, ok = (*Error)(nil).GatewayMessage()
	assert.False(t, ok)
}
