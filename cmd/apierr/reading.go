// This file gathers what one response says: the library's classification,
// and what the library does not keep but a reader wants to see (the
// reason phrase as sent, how the body was decoded, every challenge).

package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/internal/rawhttp"
)

// reading is one response, read and classified.
type reading struct {
	status int
	reason string       // the reason phrase sent, when it is not a standard one
	body   rawhttp.Body // how the body was read and decoded
	e      *apierr.Error
	entry  apierr.Entry // the catalog's entry for e.Code, when known
	known  bool

	challenges   []apierr.Challenge // every challenge of WWW-Authenticate
	challengeErr error              // where WWW-Authenticate stopped making sense

	gateway string                 // who answered in the API's place; "" for the API
	message *apierr.GatewayMessage // the known gateway message the body is
}

// read decodes resp's body, at most apierr.MaxErrorBody bytes of it, and
// classifies resp through the command's catalog.
func (c *cli) read(resp *http.Response) reading {
	r := reading{status: resp.StatusCode, reason: sentReason(resp)}
	r.body = rawhttp.ReadBody(resp, apierr.MaxErrorBody)
	// The body is decoded now: the library must not decode it again.
	resp.Header.Del("Content-Encoding")
	resp.Body = io.NopCloser(bytes.NewReader(r.body.Data))
	resp.ContentLength = int64(len(r.body.Data))
	if !errors.As(c.catalog.FromResponse(resp), &r.e) {
		return r
	}
	r.entry, r.known = c.catalog.Lookup(r.e.Code)
	r.challenges, r.challengeErr = apierr.ParseChallenges(r.e.Header.Values("Www-Authenticate")...)
	r.message = gatewayMessage(r.e)
	r.gateway = r.e.Gateway
	if r.gateway == "" && r.message != nil {
		r.gateway = r.message.Gateway
	}
	return r
}

// gatewayMessage is the known gateway message e's detail is, from the
// gateway that sent it: nginx and HAProxy both title a page "502 Bad
// Gateway", and each means something of its own by it.
func gatewayMessage(e *apierr.Error) *apierr.GatewayMessage {
	if e.Code != "" || e.Detail == "" {
		return nil
	}
	for g := range apierr.GatewayMessages() {
		if g.Message == e.Detail && g.Status == e.Status && g.Gateway == e.Gateway {
			return &g
		}
	}
	// A message whose end varies is matched by the library alone.
	if g, ok := apierr.LookupMessage(e.Detail); ok && (e.Gateway == "" || g.Gateway == e.Gateway) {
		return &g
	}
	return nil
}

// sentReason is the reason phrase of resp's status line when it says
// something the standard phrases do not: nginx's "Service Temporarily
// Unavailable" tells nginx's limit_req from an API's 503.
func sentReason(resp *http.Response) string {
	reason, ok := strings.CutPrefix(resp.Status, strconv.Itoa(resp.StatusCode)+" ")
	if !ok || strings.EqualFold(reason, apierr.StatusText(resp.StatusCode)) ||
		strings.EqualFold(reason, http.StatusText(resp.StatusCode)) {
		return ""
	}
	return reason
}

// challengeParam is the parameter name of the first challenge of scheme
// that has it, "" when none does.
func (r reading) challengeParam(scheme, name string) string {
	for _, ch := range r.challenges {
		if strings.EqualFold(ch.Scheme, scheme) && ch.Params[name] != "" {
			return ch.Params[name]
		}
	}
	return ""
}

// hasChallenge reports whether the response carries a challenge of scheme,
// or of any scheme when scheme is "".
func (r reading) hasChallenge(scheme string) bool {
	for _, ch := range r.challenges {
		if scheme == "" || strings.EqualFold(ch.Scheme, scheme) {
			return true
		}
	}
	return false
}

// says reports whether the response's own words (its code, title and
// detail, the Bearer challenge's error description) contain any of words,
// in any case. A title or detail the catalog filled in is not the
// response's: invalid_token's documented detail speaks of every case.
func (r reading) says(words ...string) bool {
	own := []string{string(r.e.Code), r.challengeParam("Bearer", "error_description")}
	if !r.known || r.e.Title != r.entry.Title {
		own = append(own, r.e.Title)
	}
	if !r.known || r.e.Detail != r.entry.Detail {
		own = append(own, r.e.Detail)
	}
	text := strings.ToLower(strings.Join(own, "\n"))
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// retryAfter is the wait the response's Retry-After asks for, as the
// library measured it (an HTTP-date against the response's Date), and
// whether there is a valid one. The library's zero means "none or invalid"
// as well as "now", so validity is checked on the header itself.
func (r reading) retryAfter() (time.Duration, bool) {
	v := r.e.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if _, ok := apierr.ParseRetryAfter(v, time.Now()); !ok {
		return 0, false
	}
	return r.e.RetryAfter, true
}
