// This file holds the list of every documented failure, each with the step
// that serves it and what a client that follows the documents does about it.

package apierrtest

import (
	"iter"

	"github.com/apierr/apierr"
)

// Failure is one way a call to a documented API fails, and what a client
// that follows the documents does about it.
type Failure struct {
	// Name is the catalog code the failure carries ("ERRO_INTERNO"), or
	// what it is: "nginx 502", "connection reset", "truncated body"…
	Name string
	// Step serves the failure: use it in a script of [NewServer].
	Step Step
	// Retry is the class [apierr.FromResponse] gives what Step serves, by
	// the documents' rules: resend it (Backoff), renew the credentials and
	// resend once (Reauthenticate), or give up (NoRetry). For a connection
	// reset, it is [apierr.RetryOf]'s class of the transport error.
	Retry apierr.RetryClass
}

// Failures yields every documented failure, each once: every entry of
// [apierr.Documented] as [apierr.Write] writes it, in catalog order, then the gateway pages,
// a connection reset, a truncated body, and a 401 with no token.
//
// A table test that serves each one (NewServer(t, f.Step)) and checks that
// a client resends, re-authenticates or gives up as f.Retry says proves
// that client against everything the documents describe.
func Failures() iter.Seq[Failure] {
	return func(yield func(Failure) bool) {
		for e := range apierr.Documented().Entries() {
			if !yield(Failure{string(e.Code), Respond(apierr.New(e.Code)), e.Retry}) {
				return
			}
		}
		for _, f := range others() {
			if !yield(f) {
				return
			}
		}
	}
}

// others are the failures that are not catalog entries. Their classes are
// written out from the documents rather than computed, so that a test of
// FromResponse against them means something: Brick Bank's "resend a 5xx,
// never a 4xx" (a 429 included, unless it reads "Too Many Sessions"); the
// booking API's table, for which 501 and 505 are not transient (none is
// here); and RFC 6750 §3.1, for which a 401 with a challenge asks for
// credentials.
func others() []Failure {
	return []Failure{
		{"nginx 502", NginxBadGateway(), apierr.Backoff},
		{"nginx 504", NginxGatewayTimeout(), apierr.Backoff},
		{"nginx 429", NginxTooManyRequests(), apierr.NoRetry},
		{"nginx 429 Retry-After", NginxTooManyRequestsRetryAfter(), apierr.NoRetry},
		{"nginx 503", NginxServiceUnavailable(), apierr.Backoff},
		{"nginx 413", NginxPayloadTooLarge(), apierr.NoRetry},
		{"HAProxy 504", HAProxyGatewayTimeout(), apierr.Backoff},
		{"Caddy 502", CaddyBadGateway(), apierr.Backoff},
		{"Caddy 504", CaddyGatewayTimeout(), apierr.Backoff},
		{"Envoy 503 no healthy upstream", EnvoyNoHealthyUpstream(), apierr.Backoff},
		{"Envoy 503 connection failure", EnvoyConnectFailure(), apierr.Backoff},
		{"Kong 404", KongNoRoute(), apierr.NoRetry},
		{"Kong 502", KongBadGateway(), apierr.Backoff},
		{"Kong 429", KongRateLimited(), apierr.NoRetry},
		// RetryOf: a reset before any response is a transport failure.
		{"connection reset", Reset(), apierr.Backoff},
		// A 500 whatever its body says: ERRO_INTERNO's class, and the status's.
		{"truncated body", Truncated(apierr.New(apierr.ErroInterno)), apierr.Backoff},
		// RFC 6750 §3.1: no credentials, a challenge with no error code.
		{"401 no token", Respond(apierr.Unauthenticated()), apierr.Reauthenticate},
	}
}
