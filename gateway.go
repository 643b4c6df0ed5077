// This file holds the gateway table: what API gateways and reverse proxies
// send when they answer in the API's place, and how [FromResponse] tells
// that they did ([Error.Gateway]).

package apierr

import (
	"bytes"
	"iter"
	"net/http"
	"slices"
	"strings"
)

// GatewayMessage is a stock answer of an API gateway or reverse proxy: the
// text it sends in place of the API's error, with what it means and what
// to do. [FromResponse] puts the text in [Error.Detail] (an HTML page's
// title, a plain-text body, a {"message":…} member) and the gateway's name
// in [Error.Gateway]; [LookupMessage] explains it.
type GatewayMessage struct {
	Message  string // the text, verbatim
	Status   int    // the status the gateway sends it with
	Gateway  string // who sends it: "nginx", "Kong", "Envoy", …
	Source   string // where it was seen: a capture, a document, the gateway's documentation
	Summary  string // what it means, in English
	Cause    string // why it happens (the Brick Bank entry quotes its document, in Portuguese)
	Solution string // what to do

	prefix bool   // Message is a prefix: the rest varies (a reason, a number)
	marker string // a byte string the page must hold, when its title is a common one
}

// LookupMessage returns the first known gateway message whose text is
// message, exactly (or whose varying text starts with it).
func LookupMessage(message string) (GatewayMessage, bool) {
	for _, m := range gatewayMessages {
		if m.matchesText(message) {
			return m, true
		}
	}
	return GatewayMessage{}, false
}

// GatewayMessages yields every known gateway message.
func GatewayMessages() iter.Seq[GatewayMessage] { return slices.Values(gatewayMessages[:]) }

func (m *GatewayMessage) matchesText(text string) bool {
	if m.prefix {
		return text != "" && strings.HasPrefix(text, m.Message)
	}
	return text == m.Message
}

// GatewayMessage returns the stock answer a response read by
// [FromResponse] was recognised as, when a gateway sent one of those; a
// gateway named only by its Server header has none.
func (e *Error) GatewayMessage() (GatewayMessage, bool) {
	if e == nil || e.gatewayMessage == 0 {
		return GatewayMessage{}, false
	}
	return gatewayMessages[e.gatewayMessage-1], true
}

// nameGateway fills Gateway with who answered when it was not the API: a
// response in a documented format is the API's; otherwise a known stock
// answer, or a Server header that names a gateway on a gateway's kind of
// answer (no body, a page titled with the status, a 502, 503 or 504).
func nameGateway(e *Error, body []byte) {
	if e.Format != FormatUnknown {
		return
	}
	for i := range gatewayMessages {
		m := &gatewayMessages[i]
		if m.Status == e.Status && m.matchesText(e.Detail) &&
			(m.marker == "" || bytes.Contains(body, []byte(m.marker))) {
			e.Gateway, e.gatewayMessage = m.Gateway, i+1
			return
		}
	}
	name := gatewayServers[serverProduct(e.Header)]
	if name == "" {
		return
	}
	switch {
	case len(bytes.TrimSpace(body)) == 0,
		e.Status == http.StatusBadGateway, e.Status == http.StatusServiceUnavailable,
		e.Status == http.StatusGatewayTimeout,
		strings.HasPrefix(e.Detail, statusLine(e.Status)):
		e.Gateway = name
	}
}

// statusLine is "502 " for 502: how a stock page's title starts.
func statusLine(status int) string {
	return string(rune('0'+status/100)) + string(rune('0'+status/10%10)) +
		string(rune('0'+status%10)) + " "
}

// serverProduct is the product a Server header names, lower-cased and
// without its version ("nginx/1.22.1" → "nginx"); Kong, which keeps the
// upstream's Server, says it in Via ("1.1 kong/3.4.2").
func serverProduct(h http.Header) string {
	product := func(v string) string {
		v, _, _ = strings.Cut(strings.TrimSpace(v), " ")
		v, _, _ = strings.Cut(v, "/")
		return strings.ToLower(v)
	}
	if p := product(h.Get("Server")); p != "" {
		return p
	}
	for _, via := range h.Values("Via") {
		if strings.Contains(strings.ToLower(via), "kong/") {
			return "kong"
		}
	}
	return ""
}

// gatewayServers maps a Server header's product to the gateway's name.
var gatewayServers = map[string]string{
	"nginx": "nginx", "openresty": "nginx", "caddy": "Caddy", "envoy": "Envoy",
	"istio-envoy": "Envoy", "kong": "Kong", "haproxy": "HAProxy", "traefik": "Traefik",
	"awselb": "AWS ELB", "cloudflare": "Cloudflare",
}

// Where the gateway table's entries were seen.
const (
	seenBrickBank = "Brick Bank's \"Erros comuns e possíveis tratativas\""
	seenCaptured  = "captured from %s on loopback (testdata/captures)"
	seenKongDocs  = "Kong Gateway's proxy and plugin documentation"
	seenEnvoyDocs = "Envoy's documentation of its local replies"
	seenHAProxy   = "HAProxy's built-in error pages (the 504 also captured from HAProxy 2.6.12)"
	seenTraefik   = "Traefik's reverse-proxy answers (Go's net/http status texts)"
)

const (
	adviceUpstreamDown = "The gateway could not reach the API: the request may never have " +
		"reached it. Resend on the backoff schedule; if it persists, the API or its route " +
		"is down."
	adviceUpstreamSlow = "The API did not answer the gateway in time: the request may or may " +
		"not have run. Resend only what is idempotent or carries an idempotency key."
	adviceRateLimited = "The gateway's rate limit refused the request before the API saw it. " +
		"Wait the Retry-After it names, if any, then resend; lower your request rate."
)

// gatewayMessages are the stock answers apierr recognises. Titles that
// many servers share ("502 Bad Gateway") are matched only with a marker of
// the gateway's own page.
var gatewayMessages = [...]GatewayMessage{
	// seed 003: "404 Not Found", Kong's answer for a path no route matches
	{
		Message: "no Route matched with those values", Status: 404, Gateway: "Kong",
		Source:  seenBrickBank,
		Summary: "Kong has no route for the request's path: the request never reached the API.",
		Cause: "Há duas possibilidades de causa raiz para este erro:\n" +
			"1. O endpoint não está cadastrado na plataforma e no API Gateway;\n" +
			"2. O path do endpoint acionado está incorreto.",
		Solution: "1. Verifique se o endpoint está cadastrado na plataforma acessando o " +
			"devtools ou runtime;\n" +
			"  1. Caso o endpoint desejado não esteja cadastrado, realize o deploy da API no " +
			"ambiente desejado;\n" +
			"  2. Caso o endpoint esteja cadastrado, verifique se a variável de ambiente está " +
			"correta, em seguida, realize o redeploy da API no ambiente desejado;\n" +
			"2. Verifique se o endpoint acionado está digitado corretamente em seu backend " +
			"ou ferramenta de testes.",
	},
	{
		Message: "An invalid response was received from the upstream server", Status: 502,
		Gateway: "Kong", Source: seenKongDocs,
		Summary:  "Kong reached the API but could not read its answer.",
		Solution: adviceUpstreamDown,
	},
	{
		Message: "failure to get a peer from the ring-balancer", Status: 503, Gateway: "Kong",
		Source:   seenKongDocs,
		Summary:  "Kong has no healthy API instance to send the request to.",
		Solution: adviceUpstreamDown,
	},
	{
		Message: "The upstream server is timing out", Status: 504, Gateway: "Kong",
		Source: seenKongDocs, Summary: "The API did not answer Kong in time.",
		Solution: adviceUpstreamSlow,
	},
	{
		Message: "API rate limit exceeded", Status: 429, Gateway: "Kong", Source: seenKongDocs,
		Summary:  "Kong's rate-limiting plugin refused the request.",
		Solution: adviceRateLimited,
	},
	{
		Message: "No API key found in request", Status: 401, Gateway: "Kong", Source: seenKongDocs,
		Summary:  "Kong's key-auth plugin found no API key: the request never reached the API.",
		Solution: "Send the API key the gateway expects (a header or query parameter).",
	},

	// nginx's own pages carry "<center>nginx" whatever its version and
	// server_tokens.
	nginxPage(502, "502 Bad Gateway", "an upstream that refused the connection",
		"nginx could not connect to the API.", adviceUpstreamDown),
	nginxPage(504, "504 Gateway Time-out", "an upstream slower than proxy_read_timeout",
		"The API did not answer nginx in time.", adviceUpstreamSlow),
	nginxPage(503, "503 Service Temporarily Unavailable", "limit_req's default status",
		"nginx refused the request: a rate or connection limit, or no upstream left.",
		adviceRateLimited),
	nginxPage(429, "429 Too Many Requests", "limit_req with limit_req_status 429",
		"nginx's rate limit refused the request before the API saw it.", adviceRateLimited),
	nginxPage(413, "413 Request Entity Too Large", "a body over client_max_body_size",
		"nginx refused a request body larger than it allows; the API never saw it.",
		"Send a smaller body, or ask the API's operators for its limit."),
	nginxPage(500, "500 Internal Server Error", "",
		"nginx itself failed while handling the request.", adviceUpstreamDown),

	haproxyPage(504, "504 Gateway Time-out", "The server didn't respond in time.",
		"The API did not answer HAProxy in time.", adviceUpstreamSlow),
	haproxyPage(503, "503 Service Unavailable", "No server is available to handle this request.",
		"HAProxy has no API server up to send the request to.", adviceUpstreamDown),
	haproxyPage(502, "502 Bad Gateway", "The server returned an invalid or incomplete response.",
		"HAProxy could not read the API's answer.", adviceUpstreamDown),
	haproxyPage(429, "429 Too Many Requests",
		"You sent too many requests in a given amount of time.",
		"HAProxy's rate limit refused the request.", adviceRateLimited),

	{
		Message: "no healthy upstream", Status: 503, Gateway: "Envoy", Source: seenEnvoyDocs,
		Summary:  "Envoy has no healthy API instance to send the request to.",
		Solution: adviceUpstreamDown,
	},
	{
		Message: "upstream connect error or disconnect/reset before headers.", prefix: true,
		Status: 503, Gateway: "Envoy", Source: seenEnvoyDocs,
		Summary:  "Envoy lost the connection to the API before it answered.",
		Solution: adviceUpstreamSlow,
	},
	{
		Message: "upstream request timeout", Status: 504, Gateway: "Envoy", Source: seenEnvoyDocs,
		Summary: "The API did not answer Envoy in time.", Solution: adviceUpstreamSlow,
	},

	{
		Message: "Bad Gateway", Status: 502, Gateway: "Traefik", Source: seenTraefik,
		Summary: "Traefik could not reach the API.", Solution: adviceUpstreamDown,
	},
	{
		Message: "Gateway Timeout", Status: 504, Gateway: "Traefik", Source: seenTraefik,
		Summary: "The API did not answer Traefik in time.", Solution: adviceUpstreamSlow,
	},
}

func nginxPage(status int, title, when, summary, solution string) GatewayMessage {
	source := strings.Replace(seenCaptured, "%s", "nginx 1.22.1 ("+when+")", 1)
	if when == "" {
		source = "nginx's built-in error pages"
	}
	return GatewayMessage{Message: title, Status: status, Gateway: "nginx", Source: source,
		Summary: summary, Solution: solution, marker: "<center>nginx"}
}

func haproxyPage(status int, title, line, summary, solution string) GatewayMessage {
	return GatewayMessage{Message: title, Status: status, Gateway: "HAProxy", Source: seenHAProxy,
		Summary: summary, Solution: solution, marker: line}
}
