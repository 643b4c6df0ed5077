// This file fits classify's advice to what the response says. The retry
// class is the library's and is never second-guessed here; what changes is
// the advice beside it and whether the catalog's cause and fix, written
// for one case of a code, are shown for another: an expired token must
// not be told to "send the token", a token endpoint's invalid_request is
// not a malformed Authorization header.

package main

import (
	"fmt"
	"net/http"

	"github.com/apierr/apierr"
)

// fit is what classify says of one response beyond its retry class.
type fit struct {
	advice     string   // what to do; "" keeps the class's own advice
	notes      []string // what the response tells beyond its fields
	documented bool     // the catalog's or gateway table's cause and fix fit this response
}

// fitRules are applied in order; each adds to or overrides what the ones
// before it found.
var fitRules = []func(r reading, f *fit){
	noteClassOrigin, fitToken, fitTokenEndpoint, fitScope, fitGateway, fitRateLimited,
	noteMayHaveRun,
}

// fitAdvice runs the rules over an error response.
func (r reading) fitAdvice() fit {
	f := fit{documented: true}
	for _, rule := range fitRules {
		rule(r, &f)
	}
	return f
}

// noteClassOrigin says why the class is what it is when the status alone
// would not tell, each note only when it agrees with the library's class.
func noteClassOrigin(r reading, f *fit) {
	e := r.e
	switch {
	case r.known && r.entry.Status != e.Status:
		f.note("the catalog documents %s as %s; its class, %s, wins over the status",
			e.Code, statusLine(r.entry.Status), r.entry.Retry)
	case r.known:
	case e.Retry == apierr.Reauthenticate && r.bearerError() == string(apierr.InvalidToken):
		f.note("the Bearer challenge says invalid_token, which decides whatever the " +
			"body's code (RFC 6750 §3.1)")
	case e.Status == http.StatusTooManyRequests && e.Retry == apierr.Backoff:
		f.note(`read as Brick Bank's "Too Many Sessions", the one 4xx worth resending`)
	case e.Code != "" && e.Retry == apierr.StatusRetry(e.Status):
		f.note("%s is not in the catalog: the status decides the retry class", wire(string(e.Code)))
	}
	if e.Status != http.StatusUnauthorized {
		return
	}
	switch {
	case r.hasChallenge("Bearer") && r.bearerError() == "":
		// RFC 6750 §3.1: a challenge without an error code answers a
		// request that carried no credentials at all.
		f.note("the Bearer challenge has no error code: the request carried no token, " +
			"or one of another scheme (RFC 6750 §3.1)")
	case !r.known && len(r.e.Header.Values("Www-Authenticate")) == 0:
		f.note("no WWW-Authenticate challenge: the server does not say how to " +
			"authenticate, so no token is renewed for it")
	}
}

// bearerError is the error code of the Bearer challenge, "" without one.
func (r reading) bearerError() string { return r.challengeParam("Bearer", "error") }

// fitToken fits the advice of a refused or missing token. invalid_token's
// documented cause and fix are Brick Bank's "Token não fornecido": a token
// never sent. They fit only a response that says so.
func fitToken(r reading, f *fit) {
	missing := r.says("não fornecido", "nao fornecido", "not provided", "not sent",
		"missing", "no token", "ausente")
	expired := r.says("expir", "caducad", "'exp'", `"exp"`, " exp claim")
	if r.e.Code == apierr.InvalidToken && !missing {
		f.documented = false
		f.note("the catalog's cause and fix for invalid_token are for a request that " +
			"sent no token; this response refused the token it was sent")
	}
	if r.e.Retry != apierr.Reauthenticate {
		return
	}
	switch {
	case expired:
		f.advice = "get a new token (this one has expired), then resend once"
	case missing || r.e.Status == http.StatusUnauthorized && r.bearerError() == "":
		f.advice = "get a token and resend once with it (Authorization: Bearer …)"
	}
}

// tokenEndpointAdvice is what to do about the errors of RFC 6749 §5.2, which
// a token endpoint sends about the token request itself.
var tokenEndpointAdvice = map[apierr.Code]string{
	"invalid_client": "do not resend; the client's own credentials (client_id and " +
		"secret, or how they are sent) were refused, which a new token cannot mend",
	"invalid_grant": "do not resend; get a new grant (authorization code, refresh token, " +
		"password) from the user: this one is invalid, expired or revoked",
	"invalid_scope": "do not resend as is; ask for a scope the client may have",
	"unsupported_grant_type": "do not resend as is; the token endpoint does not take " +
		"this grant_type",
}

// fitTokenEndpoint fits the advice of a token endpoint's error.
// invalid_request's documented cause is RFC 6750's, about the
// Authorization header of an API call; without a Bearer challenge the
// response is a token endpoint's (RFC 6749 §5.2), about the token request.
func fitTokenEndpoint(r reading, f *fit) {
	if a, ok := tokenEndpointAdvice[r.e.Code]; ok && r.e.Retry == apierr.NoRetry {
		f.advice = a
	}
	if r.e.Code != apierr.InvalidRequest || r.hasChallenge("Bearer") {
		return
	}
	f.documented = false
	f.advice = "do not resend as is; fix the token request, as its description says"
	f.note("no Bearer challenge: a token endpoint's invalid_request (RFC 6749 §5.2), " +
		"about the token request's parameters, not an API call's Authorization header")
}

// fitScope names the scope an insufficient_scope challenge asks for.
func fitScope(r reading, f *fit) {
	scope := r.challengeParam("Bearer", "scope")
	if r.e.Code != apierr.InsufficientScope || scope == "" || r.e.Retry != apierr.NoRetry {
		return
	}
	f.advice = fmt.Sprintf("do not resend with this token; get one with the scope %s, "+
		"which the resource needs", quoted(scope))
}

// fitGateway fits the advice of a gateway's own refusal.
func fitGateway(r reading, f *fit) {
	if r.gateway == "" || r.e.Status != http.StatusRequestEntityTooLarge {
		return
	}
	f.advice = fmt.Sprintf("do not resend as is; the body is larger than %s accepts: send "+
		"less, or raise its limit", wire(r.gateway))
}

// fitRateLimited fits the advice of a 429 the documented rules do not
// resend: not at once, but later, at a slower pace.
func fitRateLimited(r reading, f *fit) {
	if r.e.Status == http.StatusTooManyRequests && r.e.Retry == apierr.NoRetry {
		f.advice = "do not resend at once; slow down, and send it again later"
	}
}

// noteMayHaveRun warns that a 504 is no proof the request did not run,
// unless the gateway table's solution says so already.
func noteMayHaveRun(r reading, f *fit) {
	if r.e.Status == http.StatusGatewayTimeout && r.e.Retry == apierr.Backoff &&
		r.message == nil {
		f.note("a 504 may come after the API ran the request: resend only what is safe " +
			"to run twice (GET, PUT, DELETE, or a request with an Idempotency-Key)")
	}
}

func (f *fit) note(format string, args ...any) {
	f.notes = append(f.notes, fmt.Sprintf(format, args...))
}
