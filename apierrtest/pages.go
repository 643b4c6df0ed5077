// This file holds the gateway pages: what nginx, HAProxy, Caddy, Envoy and
// Kong send in the API's place, byte for byte, as steps of their own.

package apierrtest

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"net/http"
)

// captures are real responses, recorded with curl -si on loopback from the
// gateways named in their file names; captures/README.md says how.
//
//go:embed captures/*.http
var captures embed.FS

// A page is a response a gateway writes itself, kept as the bytes it sends.
type page struct {
	wire      []byte
	head      int  // the length of the status line and headers, blank line included
	keepAlive bool // whether the connection stays open after it, as the page says
}

// capturedPage returns the step serving the capture in file.
func capturedPage(file string) Step {
	wire, err := captures.ReadFile("captures/" + file)
	if err != nil {
		return Step{times: 1, err: fmt.Errorf("gateway page %s: %w", file, err)}
	}
	return pageStep(file, wire)
}

// pageStep returns the step serving wire, which must be a whole HTTP/1.1
// response whose Content-Length covers its body.
func pageStep(name string, wire []byte) Step {
	p, err := parsePage(wire)
	if err != nil {
		return Step{times: 1, err: fmt.Errorf("gateway page %s: %w", name, err)}
	}
	return Step{answer: p, times: 1}
}

func parsePage(wire []byte) (page, error) {
	head := bytes.Index(wire, []byte("\r\n\r\n"))
	if head < 0 {
		return page{}, fmt.Errorf("no blank line after the headers")
	}
	head += len("\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(wire[:head])), nil)
	if err != nil {
		return page{}, err
	}
	if resp.ContentLength != int64(len(wire)-head) {
		return page{}, fmt.Errorf("Content-Length %d, body %d bytes", resp.ContentLength,
			len(wire)-head)
	}
	return page{wire: wire, head: head, keepAlive: !resp.Close}, nil
}

func (p page) serve(s *Server, w http.ResponseWriter, r *http.Request, complete bool) {
	wire, end := p.wire, closeConn
	if r.Method == http.MethodHead {
		wire = wire[:p.head]
	}
	if p.keepAlive {
		end = keepOpen
	}
	s.sendRaw(w, r, wire, end, complete)
}

// NginxBadGateway is nginx 1.22.1's answer when its upstream refuses the
// connection: 502 and its stock HTML page, as captured.
func NginxBadGateway() Step { return capturedPage("nginx-dead-port.http") }

// NginxGatewayTimeout is nginx 1.22.1's answer when its upstream does not
// answer within proxy_read_timeout: 504 "Gateway Time-out", as captured.
func NginxGatewayTimeout() Step { return capturedPage("nginx-slow-upstream.http") }

// NginxTooManyRequests is nginx 1.22.1's limit_req answer with
// limit_req_status 429 and no Retry-After, as captured.
func NginxTooManyRequests() Step { return capturedPage("nginx-rate-limit-429.http") }

// NginxTooManyRequestsRetryAfter is [NginxTooManyRequests] with the
// "Retry-After: 30" a configuration adds to it, as captured.
func NginxTooManyRequestsRetryAfter() Step {
	return capturedPage("nginx-rate-limit-429-retry-after-30.http")
}

// NginxServiceUnavailable is nginx 1.22.1's limit_req answer by default:
// 503 "Service Temporarily Unavailable", as captured. A client cannot tell
// it from an upstream outage, so it resends.
func NginxServiceUnavailable() Step { return capturedPage("nginx-rate-limit-default-503.http") }

// NginxPayloadTooLarge is nginx 1.22.1's answer to a body over
// client_max_body_size: 413 "Request Entity Too Large" and Connection:
// close, as captured.
func NginxPayloadTooLarge() Step { return capturedPage("nginx-body-too-large.http") }

// HAProxyGatewayTimeout is HAProxy 2.6.12's stock 504 page for an upstream
// that does not answer in time, as captured.
func HAProxyGatewayTimeout() Step { return capturedPage("haproxy-slow-upstream.http") }

// CaddyBadGateway is Caddy 2.6.2's answer when its upstream refuses the
// connection: 502 with an empty body, as captured.
func CaddyBadGateway() Step { return capturedPage("caddy-dead-port.http") }

// CaddyGatewayTimeout is Caddy 2.6.2's answer for an upstream that does not
// answer in time: 504 with an empty body, as captured.
func CaddyGatewayTimeout() Step { return capturedPage("caddy-slow-upstream.http") }

// The Envoy and Kong pages are not captures: their status, content type
// and body are what those servers' sources write for a client that sends
// no Accept header; their other headers are the ones they add by default,
// with the Date of the captures.

// envoyNoHealthyUpstream is Envoy's local reply when its cluster has no
// healthy host (response flag UH).
const envoyNoHealthyUpstream = "HTTP/1.1 503 Service Unavailable\r\n" +
	"content-length: 19\r\n" +
	"content-type: text/plain\r\n" +
	"date: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
	"server: envoy\r\n" +
	"\r\n" +
	"no healthy upstream"

// envoyConnectFailure is Envoy's local reply when it cannot connect to the
// upstream host (response flag UF).
const envoyConnectFailure = "HTTP/1.1 503 Service Unavailable\r\n" +
	"content-length: 91\r\n" +
	"content-type: text/plain\r\n" +
	"date: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
	"server: envoy\r\n" +
	"\r\n" +
	"upstream connect error or disconnect/reset before headers. reset reason: connection failure"

// kongNoRoute is Kong 2.8.1's router answer, kong.response.exit(404,
// {message = …}): cjson's compact encoding of the message Brick Bank's
// document prints.
const kongNoRoute = "HTTP/1.1 404 Not Found\r\n" +
	"Date: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
	"Content-Type: application/json; charset=utf-8\r\n" +
	"Connection: keep-alive\r\n" +
	"Content-Length: 48\r\n" +
	"X-Kong-Response-Latency: 0\r\n" +
	"Server: kong/2.8.1\r\n" +
	"\r\n" +
	`{"message":"no Route matched with those values"}`

// kongBadGateway is Kong 2.8.1's error handler for a failed upstream: with
// no Accept header, error_default_type's text/plain template.
const kongBadGateway = "HTTP/1.1 502 Bad Gateway\r\n" +
	"Date: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"Connection: keep-alive\r\n" +
	"Content-Length: 58\r\n" +
	"X-Kong-Upstream-Latency: 1\r\n" +
	"X-Kong-Proxy-Latency: 0\r\n" +
	"Via: kong/2.8.1\r\n" +
	"\r\n" +
	"An invalid response was received from the upstream server\n"

// kongRateLimited is Kong 2.8.1's rate-limiting plugin, limit 5 a minute:
// kong.response.error(429, "API rate limit exceeded", headers), whose JSON
// template is indented.
const kongRateLimited = "HTTP/1.1 429 Too Many Requests\r\n" +
	"Date: Tue, 01 Dec 2026 08:19:06 GMT\r\n" +
	"Content-Type: application/json; charset=utf-8\r\n" +
	"Connection: keep-alive\r\n" +
	"Retry-After: 30\r\n" +
	"Content-Length: 41\r\n" +
	"X-RateLimit-Limit-Minute: 5\r\n" +
	"X-RateLimit-Remaining-Minute: 0\r\n" +
	"RateLimit-Limit: 5\r\n" +
	"RateLimit-Remaining: 0\r\n" +
	"RateLimit-Reset: 30\r\n" +
	"X-Kong-Response-Latency: 0\r\n" +
	"Server: kong/2.8.1\r\n" +
	"\r\n" +
	"{\n  \"message\":\"API rate limit exceeded\"\n}"

// EnvoyNoHealthyUpstream is Envoy's local reply 503 "no healthy upstream": its cluster
// has no host that passes health checks.
func EnvoyNoHealthyUpstream() Step {
	return pageStep("Envoy no healthy upstream", []byte(envoyNoHealthyUpstream))
}

// EnvoyConnectFailure is Envoy's local reply 503 "upstream connect error or
// disconnect/reset before headers. reset reason: connection failure": it
// could not connect to the upstream.
func EnvoyConnectFailure() Step {
	return pageStep("Envoy connection failure", []byte(envoyConnectFailure))
}

// KongNoRoute is Kong 2.8's 404 {"message":"no Route matched with those
// values"}: no route of the gateway matches the request's path or method,
// so it never reached the API (Brick Bank's document lists it).
func KongNoRoute() Step { return pageStep("Kong no route", []byte(kongNoRoute)) }

// KongBadGateway is Kong 2.8's 502 "An invalid response was received from the
// upstream server": the upstream failed or could not be reached.
func KongBadGateway() Step { return pageStep("Kong bad gateway", []byte(kongBadGateway)) }

// KongRateLimited is Kong 2.8's rate-limiting plugin's 429 "API rate limit
// exceeded", with Retry-After: 30.
func KongRateLimited() Step { return pageStep("Kong rate limited", []byte(kongRateLimited)) }
