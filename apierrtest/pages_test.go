package apierrtest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// gatewayPages are the pages, with the file each must equal byte for byte:
// a capture in the repository's testdata (seed-independent, from real
// gateways), or, for Envoy and Kong, the wire text written out here from
// their sources, so that a change to pages.go shows up as a diff.
var gatewayPages = []pageCase{
	{"nginx 502", NginxBadGateway, "nginx-dead-port.http", "", "502 Bad Gateway", false},
	{"nginx 504", NginxGatewayTimeout, "nginx-slow-upstream.http", "",
		"504 Gateway Time-out", false},
	{"nginx 429", NginxTooManyRequests, "nginx-rate-limit-429.http", "",
		"429 Too Many Requests", false},
	{"nginx 429 Retry-After", NginxTooManyRequestsRetryAfter,
		"nginx-rate-limit-429-retry-after-30.http", "", "429 Too Many Requests", false},
	{"nginx 503", NginxServiceUnavailable, "nginx-rate-limit-default-503.http", "",
		"503 Service Temporarily Unavailable", false},
	{"nginx 413", NginxPayloadTooLarge, "nginx-body-too-large.http", "",
		"413 Request Entity Too Large", true},
	{"HAProxy 504", HAProxyGatewayTimeout, "haproxy-slow-upstream.http", "",
		"504 Gateway Time-out", false},
	{"Caddy 502", CaddyBadGateway, "caddy-dead-port.http", "", "502 Bad Gateway", false},
	{"Caddy 504", CaddyGatewayTimeout, "caddy-slow-upstream.http", "",
		"504 Gateway Timeout", false},
	{"Envoy no healthy upstream", EnvoyNoHealthyUpstream, "",
		"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 19\r\ncontent-type: text/plain\r\n" +
			"date: Tue, 01 Dec 2026 08:19:06 GMT\r\nserver: envoy\r\n\r\nno healthy upstream",
		"503 Service Unavailable", false},
	{"Envoy connection failure", EnvoyConnectFailure, "",
		"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 91\r\ncontent-type: text/plain\r\n" +
			"date: Tue, 01 Dec 2026 08:19:06 GMT\r\nserver: envoy\r\n\r\n" +
			"upstream connect error or disconnect/reset before headers. " +
			"reset reason: connection failure",
		"503 Service Unavailable", false},
	{"Kong no route", KongNoRoute, "",
		"HTTP/1.1 404 Not Found\r\nDate: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
			"Content-Type: application/json; charset=utf-8\r\nConnection: keep-alive\r\n" +
			"Content-Length: 48\r\nX-Kong-Response-Latency: 0\r\nServer: kong/2.8.1\r\n\r\n" +
			`{"message":"no Route matched with those values"}`,
		"404 Not Found", false},
	{"Kong bad gateway", KongBadGateway, "",
		"HTTP/1.1 502 Bad Gateway\r\nDate: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\nConnection: keep-alive\r\n" +
			"Content-Length: 58\r\nX-Kong-Upstream-Latency: 1\r\nX-Kong-Proxy-Latency: 0\r\n" +
			"Via: kong/2.8.1\r\n\r\nAn invalid response was received from the upstream server\n",
		"502 Bad Gateway", false},
	{"Kong rate limited", KongRateLimited, "",
		"HTTP/1.1 429 Too Many Requests\r\nDate: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
			"Content-Type: application/json; charset=utf-8\r\nConnection: keep-alive\r\n" +
			"Retry-After: 30\r\nContent-Length: 41\r\nX-RateLimit-Limit-Minute: 5\r\n" +
			"X-RateLimit-Remaining-Minute: 0\r\nRateLimit-Limit: 5\r\nRateLimit-Remaining: 0\r\n" +
			"RateLimit-Reset: 30\r\nX-Kong-Response-Latency: 0\r\nServer: kong/2.8.1\r\n\r\n" +
			"{\n  \"message\":\"API rate limit exceeded\"\n}",
		"429 Too Many Requests", false},
}

// want returns the bytes a page must send.
func (p pageCase) want(t *testing.T) []byte {
	t.Helper()
	if p.capture == "" {
		return []byte(p.wire)
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "captures", p.capture))
	require.NoError(t, err)
	return b
}

type pageCase struct {
	name    string
	step    func() Step
	capture string // under ../testdata/captures
	wire    string // when there is no capture
	status  string // the status line as a Go client reads it
	close   bool   // whether the page ends its connection
}

// gatewayOf is who FromResponse says answered each page.
var gatewayOf = map[string]string{
	"nginx 502": "nginx", "nginx 504": "nginx", "nginx 429": "nginx",
	"nginx 429 Retry-After": "nginx", "nginx 503": "nginx", "nginx 413": "nginx",
	"HAProxy 504": "HAProxy", "Caddy 502": "Caddy", "Caddy 504": "Caddy",
	"Envoy no healthy upstream": "Envoy", "Envoy connection failure": "Envoy",
	"Kong no route": "Kong", "Kong bad gateway": "Kong", "Kong rate limited": "Kong",
}

func TestTheEmbeddedCapturesEqualTheRepositorysOwn(t *testing.T) {
	t.Parallel()
	entries, err := captures.ReadDir("captures")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		t.Run(e.Name()+" is byte for byte the capture", func(t *testing.T) {
			got, err := captures.ReadFile("captures/" + e.Name())
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("..", "testdata", "captures", e.Name()))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "captures/%s differs from testdata", e.Name())
		})
	}
}

func TestEveryPageIsSentByteForByte(t *testing.T) {
	t.Parallel()
	for _, p := range gatewayPages {
		t.Run(p.name+" arrives as the gateway sends it", func(t *testing.T) {
			t.Parallel()
			want := p.want(t)
			srv := NewServer(t, p.step(), Status(200, nil, "next"))
			conn := dial(t, srv)
			send(t, conn, "GET /x HTTP/1.1\r\nHost: api\r\n\r\n")
			got := make([]byte, len(want))
			_, err := io.ReadFull(conn, got)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
			if p.close {
				rest, _ := io.ReadAll(conn)
				assert.Empty(t, rest, "the page ends its connection")
				return
			}
			// keep-alive, as the page says: the same connection carries the next request
			send(t, conn, "GET /y HTTP/1.1\r\nHost: api\r\n\r\n")
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, "next", string(body))
			assert.Len(t, srv.Requests(), 2)
		})
	}
}

func TestAPageAnswersHEADWithItsHeadersOnly(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, NginxBadGateway(), Status(204, nil, ""))
	conn := dial(t, srv)
	send(t, conn, "HEAD / HTTP/1.1\r\nHost: api\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, &http.Request{Method: http.MethodHead})
	require.NoError(t, err)
	assert.Equal(t, 502, resp.StatusCode)
	assert.Equal(t, "502 Bad Gateway", resp.Status)
	assert.Equal(t, int64(157), resp.ContentLength, "the GET's length, as HEAD wants")
	send(t, conn, "GET / HTTP/1.1\r\nHost: api\r\n\r\n")
	resp, err = http.ReadResponse(br, nil)
	require.NoError(t, err)
	assert.Equal(t, 204, resp.StatusCode, "no body came between the two responses")
}

func TestAPageAfterABodyNotReadInFullEndsItsConnection(t *testing.T) {
	t.Parallel()
	rec := newRecordingTB(t)
	srv := NewServer(rec, KongNoRoute(), Status(200, nil, ""))
	conn := dial(t, srv)
	send(t, conn, fmt.Sprintf("POST / HTTP/1.1\r\nHost: api\r\nContent-Length: %d\r\n\r\n",
		MaxBody+1))
	_, err := conn.Write(make([]byte, MaxBody+1))
	require.NoError(t, err)
	got, err := io.ReadAll(conn)
	require.NoError(t, err, "the server closes the connection instead of reading on")
	assert.Equal(t, kongNoRoute, string(got), "the page, as it is, keep-alive and all")
	_, errs := rec.reports()
	assert.Len(t, errs, 1, "the oversized body is reported")
}

func TestAnInvalidPageIsReportedWhenScripted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, wire, want string
	}{
		{"no blank line after the headers", "HTTP/1.1 502 Bad Gateway\r\nServer: x\r\n",
			"no blank line after the headers"},
		{"a Content-Length that is not the body's",
			"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 9\r\n\r\nabc",
			"Content-Length 9, body 3 bytes"},
		{"no status line", "hello\r\n\r\n", "malformed HTTP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pageStep("test page", []byte(tt.wire)).check()
			require.Error(t, err)
			assert.Contains(t, err.Error(), "gateway page test page: "+tt.want)
		})
	}
	assert.ErrorContains(t, capturedPage("missing.http").check(), "gateway page missing.http")
}

func TestPagesReadBackAsAGatewaysAnswer(t *testing.T) {
	t.Parallel()
	for _, p := range gatewayPages {
		t.Run(p.name+" reaches a Go client as its gateway's error", func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, p.step())
			resp, err := newClient(t).Get(srv.URL)
			require.NoError(t, err)
			assert.Equal(t, p.status, resp.Status, "the gateway's own reason phrase")
			e, ok := apierr.FromResponse(resp).(*apierr.Error)
			require.True(t, ok)
			assert.Equal(t, resp.StatusCode, e.Status)
			assert.Empty(t, e.Code, "a gateway's page carries no catalog code")
			assert.Equal(t, gatewayOf[p.name], e.Gateway, "the gateway is named")
		})
	}
}

func dial(t *testing.T, srv *Server) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}

func send(t *testing.T, conn net.Conn, s string) {
	t.Helper()
	_, err := io.WriteString(conn, s)
	require.NoError(t, err)
}
