// This file holds the server side: [Writer] and [Write], which turn any
// error into its documented response, and [HandlerFunc] and [Recover],
// which make sure every failing handler gets one, and never a broken one.

package apierr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultRealm is the realm of the challenges a [Writer] sends when its
// Realm is empty.
const DefaultRealm = "api"

// Writer writes errors as HTTP responses in their documented format. The
// zero Writer is ready to use; [Write] is Writer{}.Write.
type Writer struct {
	// Realm is the realm of the challenges on 401s and Bearer errors
	// (RFC 6750 §3); empty means DefaultRealm.
	Realm string

	// ProblemTypeBase, when set, makes a problem+json body's "type" the base
	// followed by the code, percent-encoded as a path segment
	// ("https://api.example.com/errors/" + code). Empty means "about:blank",
	// whose "title" is then the status phrase (RFC 9457 §4.2.1).
	ProblemTypeBase string

	// Logger receives what must never reach the wire, and nil means
	// slog.Default(). At level Error: every 5xx written, with the wrapped
	// cause; every error that is not an [*Error] (written as ERRO_INTERNO);
	// another server's error a handler returned; panics, with their stack;
	// an error after the response had started. At level Debug: the wrapped
	// cause of a 4xx (a 404 is not an incident). At level Info: a request
	// whose client went away (status 499, nothing written).
	Logger *slog.Logger
}

// Write is Writer{}.Write.
func Write(w http.ResponseWriter, r *http.Request, err error) { Writer{}.Write(w, r, err) }

// HandlerFunc is Writer{}.HandlerFunc.
func HandlerFunc(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return Writer{}.HandlerFunc(f)
}

// Recover is Writer{}.Recover.
func Recover(h http.Handler) http.Handler { return Writer{}.Recover(h) }

// Unauthenticated is the answer to a request with no credentials, or with a
// scheme the server does not support: 401 and a Bearer challenge with a
// realm and no error code (RFC 6750 §3.1: "the resource server SHOULD NOT
// include an error code"), and no body. A client that follows the
// documents gets a token and resends.
func Unauthenticated() *Error {
	return &Error{
		Status:    http.StatusUnauthorized,
		Title:     "Unauthorized",
		Format:    FormatBearer,
		Retry:     Reauthenticate,
		Challenge: &Challenge{Scheme: "Bearer"},
	}
}

func (wr Writer) logger() *slog.Logger {
	if wr.Logger != nil {
		return wr.Logger
	}
	return slog.Default()
}

// Write writes err as the response to r (which may be nil):
//
//   - an [*Error] of this server in err's chain is written in its Format
//     (FormatUnknown as code-title-detail), or as RFC 9457 problem+json
//     when r's Accept prefers application/problem+json; a Status outside
//     400–599 as 500;
//   - an *Error read from another server's response ([FromResponse], the
//     [Transport]) is not this server's to repeat: it is written as 500
//     ERRO_INTERNO and logged. To report it, wrap it in an *Error of your
//     own: Wrap(ErroChamadaAPI, err);
//   - an [*http.MaxBytesError] is 413;
//   - the request's own context.Canceled writes nothing: the client is gone;
//   - any other error is 500 ERRO_INTERNO with the catalog's title and
//     detail; its text goes to the Logger, never to the wire.
//
// Every 401 carries a WWW-Authenticate challenge (RFC 9110 §15.5.2). Every
// error response carries X-Content-Type-Options: nosniff and Vary: Accept,
// echoes the request's x-fapi-interaction-id, has a Retry-After when
// RetryAfter is set, and drops the caching and download headers the
// success path had set. HEAD gets the headers and no body. A nil err
// writes nothing.
//
// Under [Writer.HandlerFunc] or [Writer.Recover], an error after the
// handler started its response is logged, not spliced into it. A bare
// Write on a writer apierr did not wrap cannot know the response started.
func (wr Writer) Write(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		return
	}
	if s, ok := w.(interface{ responseState() *responseState }); ok && s.responseState().started() {
		wr.logger().Error("apierr: error after the response was started; not written",
			"err", err)
		return
	}
	if e := wr.errorFor(r, err); e != nil {
		wr.write(w, r, e)
	}
}

// errorFor decides which *Error answers err, and logs what must not reach
// the wire. It returns nil when nothing is to be written.
func (wr Writer) errorFor(r *http.Request, err error) *Error {
	e, ok := errors.AsType[*Error](err)
	switch {
	case ok && e != nil && e.received:
		wr.logger().Error("apierr: a handler returned another server's error; "+
			"written as ERRO_INTERNO", "received", e, "chain", err.Error())
		return New(ErroInterno)
	case ok && e != nil:
		wr.logOwn(err, e)
		return e
	case r != nil && errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		wr.logger().Info("apierr: client closed request", "status", 499, "err", err)
		return nil
	}
	if tooBig, isTooBig := errors.AsType[*http.MaxBytesError](err); isTooBig {
		return payloadTooLarge(tooBig.Limit)
	}
	wr.logger().Error("apierr: internal error", "err", err)
	return New(ErroInterno)
}

// logOwn logs this server's own error: at Error for a 5xx (or a status no
// error may have), at Debug for the cause of a 4xx.
func (wr Writer) logOwn(err error, e *Error) {
	attrs := []any{"err", e}
	if err != error(e) { // the chain's own context, "handler: …"
		attrs = append(attrs, "chain", err.Error())
	}
	switch {
	case !validStatus(e.Status) || e.Status >= 500:
		wr.logger().Error("apierr: request failed", attrs...)
	case e.cause != nil:
		wr.logger().Debug("apierr: request failed", attrs...)
	}
}

// payloadTooLarge is the 413 written for an *http.MaxBytesError. No catalog
// code exists for it (Brick Bank lists "413 [ERROR] (Em breve)"), so its
// code is empty, as in that document's template.
func payloadTooLarge(limit int64) *Error {
	return &Error{
		Status: http.StatusRequestEntityTooLarge,
		Title:  StatusText(http.StatusRequestEntityTooLarge),
		Detail: "O corpo da requisição excede o limite de " +
			strconv.FormatInt(limit, 10) + " bytes.",
		Format: FormatCodeTitleDetail,
	}
}

// bodyPool holds body buffers, so that a write costs no allocation for
// the body however many errors a server sends.
var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// successHeaders are what a handler may have set for the response it meant
// to send: none describes an error, and a cache that kept a 500 for an
// hour because of them would serve it an hour long.
var successHeaders = [...]string{
	"Cache-Control", "Expires", "Etag", "Last-Modified", "Content-Disposition",
	"Content-Length", "Content-Encoding", "Content-Range", "Accept-Ranges", "Age",
}

func (wr Writer) write(w http.ResponseWriter, r *http.Request, e *Error) {
	status := e.Status
	if !validStatus(status) {
		status = http.StatusInternalServerError
	}
	format := e.Format
	if r != nil && prefersProblem(r.Header.Values("Accept")) {
		format = FormatProblem
	}

	// The keys are canonical constants, so the map is written directly:
	// Header.Set would only canonicalise them again.
	h := w.Header()
	for _, name := range successHeaders {
		delete(h, name)
	}
	h["X-Content-Type-Options"] = []string{"nosniff"}
	if !slices.Contains(h["Vary"], "Accept") {
		h["Vary"] = append(h["Vary"], "Accept")
	}
	if r != nil {
		if id := r.Header.Get("X-Fapi-Interaction-Id"); safeInteractionID(id) {
			h["X-Fapi-Interaction-Id"] = []string{id}
		}
	}
	if e.RetryAfter > 0 {
		h["Retry-After"] = []string{retryAfterSeconds(e.RetryAfter)}
	}
	if e.Format == FormatOAuth || e.Format == FormatBearer {
		h["Cache-Control"] = []string{"no-store"} // RFC 6749 §5.1, whatever body follows
	}
	bp := bodyPool.Get().(*[]byte)
	body := (*bp)[:0]
	if challenge, ok := wr.appendChallengeFor(body, r, e, status); ok {
		h["Www-Authenticate"] = []string{string(challenge)}
		body = challenge[:0] // the buffer, grown if need be, serves the body next
	}
	body = wr.appendBody(body, h, e, format, status)
	w.WriteHeader(status)
	if len(body) > 0 && (r == nil || r.Method != http.MethodHead) {
		_, _ = w.Write(body) // the client may be gone; nothing left to tell it
	}
	if cap(body) <= 64<<10 { // don't let one huge detail pin memory in the pool
		*bp = body
		bodyPool.Put(bp)
	}
}

// retryAfterSeconds is d in whole seconds, rounded up without the overflow
// of adding first.
func retryAfterSeconds(d time.Duration) string {
	secs := int64(d / time.Second)
	if d%time.Second != 0 {
		secs++
	}
	return strconv.FormatInt(secs, 10)
}

// appendChallengeFor appends the challenge e's response carries, if any: a
// Bearer error's own; on any other 401 (RFC 9110 §15.5.2 requires one) a
// Bearer challenge with the realm, saying error="invalid_token" for an
// expired or invalid token so that an RFC 6750 client renews it, and for
// invalid_client the scheme the client authenticated with (RFC 6749 §5.2).
func (wr Writer) appendChallengeFor(b []byte, r *http.Request, e *Error,
	status int) ([]byte, bool) {
	realm := wr.Realm
	if realm == "" {
		realm = DefaultRealm
	}
	var buf [8]param
	params := append(buf[:0], param{"realm", realm})
	scheme := "Bearer"
	switch {
	case e.Format == FormatBearer:
		params = appendOwnParams(params, e.Challenge)
		if e.Code != "" {
			params = append(params, param{"error", string(e.Code)})
			if e.Detail != "" {
				params = append(params, param{"error_description", e.Detail})
			}
		}
	case status != http.StatusUnauthorized:
		return b, false
	case e.Code == InvalidClient:
		scheme = clientScheme(r)
	case e.Code == TokenNaoAutorizado || e.Code == InvalidToken:
		params = append(params, param{"error", string(InvalidToken)})
	}
	return appendChallenge(b, scheme, params, true), true
}

// appendOwnParams adds the parameters an error's challenge carries (scope,
// error_uri, an application's own), but never the ones Write sets itself,
// nor a name that is not a lower-case token.
func appendOwnParams(params []param, c *Challenge) []param {
	if c == nil {
		return params
	}
	for name, value := range c.Params {
		switch name {
		case "realm", "error", "error_description":
			continue
		}
		if checkToken("parameter name", name) == nil && isLower(name) {
			params = append(params, param{name, value})
		}
	}
	return params
}

func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return false
		}
	}
	return true
}

// clientScheme is the scheme a token endpoint's client authenticated with:
// Basic when it sent Basic or nothing, else its own (DPoP, Bearer…).
func clientScheme(r *http.Request) string {
	if r == nil {
		return "Basic"
	}
	scheme, _, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if scheme == "" || checkToken("auth-scheme", scheme) != nil {
		return "Basic"
	}
	return scheme
}

// safeInteractionID reports whether a request's x-fapi-interaction-id may be
// echoed: a UUID in practice, so anything long or outside visible ASCII is
// not worth the risk of reflecting it.
func safeInteractionID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] >= 0x7F {
			return false
		}
	}
	return true
}

// HandlerFunc adapts a handler that returns an error: a non-nil error is
// written with wr.Write, and a panic is recovered as by wr.Recover. An
// error returned after the handler started its response is logged, and
// nothing is spliced into that response.
func (wr Writer) HandlerFunc(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw, state := track(w)
		defer wr.recoverPanic(state, tw, r)
		if err := f(tw, r); err != nil {
			wr.Write(tw, r, err)
		}
	})
}

// Recover answers a panic in h with 500 ERRO_INTERNO, logging the panic
// value and stack to the Logger and never sending them. A panic after h
// started its response aborts it (net/http's [http.ErrAbortHandler]), so
// the client sees a broken response rather than a short one that looks
// complete; after a hijack the connection is h's, and is left alone.
// http.ErrAbortHandler itself passes through untouched.
//
// The writer h gets is an [http.Flusher] and an [http.Hijacker] when the
// one Recover got is, and unwraps for [http.ResponseController].
func (wr Writer) Recover(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw, state := track(w)
		defer wr.recoverPanic(state, tw, r)
		h.ServeHTTP(tw, r)
	})
}

func (wr Writer) recoverPanic(state *responseState, w http.ResponseWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	path := ""
	if r.URL != nil {
		path = r.URL.Path
	}
	attrs := []any{"panic", fmt.Sprint(v), "method", r.Method, "path", path}
	if err, ok := v.(error); ok {
		if e, ok := errors.AsType[*Error](err); ok {
			attrs = append(attrs, "err", e) // its LogValue carries the wrapped cause
		}
	}
	wr.logger().Error("apierr: handler panicked", append(attrs, "stack", string(debug.Stack()))...)
	switch {
	case state.hijacked:
		return
	case state.wrote:
		panic(http.ErrAbortHandler)
	}
	wr.write(w, r, New(ErroInterno))
}
