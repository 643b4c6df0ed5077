// This file holds the retrying [Transport]: one judged outcome per
// attempt, the decision it leads to, and the events that make every
// decision observable; also what counts as a transport failure and when a
// request may be sent twice.

package apierr

import (
	"context"
	crand "crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"syscall"
	"time"
)

// Transport is an [http.RoundTripper] that resends what the catalog calls
// transient, on a [Policy]'s schedule, within a per-host [Budget], and
// nothing else:
//
//   - it resends [Backoff] outcomes (5xx but 501 and 505, 429 Too Many
//     Sessions, ERRO_CHAMADA_API…) and transport failures (refused, reset,
//     EOF before a response, a per-attempt timeout); with Refresh set, it
//     renews credentials after a [Reauthenticate] outcome and resends once;
//     never a TLS verification failure, never after the caller's context
//     ended;
//   - it never sends a non-idempotent request twice: POST, PATCH and any
//     method RFC 9110 does not call idempotent are resent only with an
//     Idempotency-Key or X-Idempotency-Key header, when the connection
//     could not be made, or after a 401 that Refresh answered (a 401 proves
//     nothing ran; a Reauthenticate code on another status proves nothing);
//   - it waits the longest of the schedule, the response's Retry-After and
//     the host's: once a response from a host asks to wait until T, no
//     other resend to that host leaves before T, even one already waiting;
//     it gives up at once when a Retry-After exceeds MaxWait or a wait
//     would outlive the context's deadline;
//   - it replays bodies through [http.Request.GetBody] (a body without
//     GetBody is sent once) and sends the same headers every time;
//   - when it gives up it returns the last response, unread, and no error
//     (a give-up that comes only after a wait, when another response's
//     Retry-After holds the host too long, returns the body as peeked: all
//     of it for an error body under MaxErrorBody, else cut short with
//     io.ErrUnexpectedEOF).
//
// Error responses are classified by [FromResponse]'s rules, with Catalog's
// codes, on a prefix of the body read within bounds of size and time; the
// prefix is put back, so the caller reads every byte. A response below 400
// passes through untouched (under AttemptTimeout, its body is wrapped to
// end the attempt's timer when closed). Every decision reaches OnRetry.
//
// A Transport is safe for concurrent use. Its fields must not change once
// it is in use, and it must not be copied after first use: it remembers
// each host's budget and Retry-After.
type Transport struct {
	Base    http.RoundTripper // nil: http.DefaultTransport
	Policy  Policy            // zero fields: DefaultPolicy's
	Catalog *Catalog          // the codes it knows; nil: Documented()

	// Classify, when set, decides the class of each error response from
	// the classified error, in place of its Retry field: the caller's own
	// resend rule ([ResendRateLimited] resends a 429 that names its wait).
	Classify func(*Error) RetryClass

	// Budget bounds resends per host; nil is the default Budget, and
	// &Budget{Ratio: -1} is no limit.
	Budget *Budget

	Sleep   func(ctx context.Context, d time.Duration) error // nil: a timer that stops with ctx
	Now     func() time.Time                                 // the budget's and holds' clock; nil: time.Now
	Rand    func() float64                                   // jitter source in [0,1); nil: math/rand/v2
	OnRetry func(RetryEvent)                                 // every decision; nil: silent; see LogRetries

	// Refresh, when set, renews credentials after a Reauthenticate outcome:
	// it gets a clone of the request to set them on, and the classified
	// error, whose Challenge carries the realm, scope, service or
	// resource_metadata a token flow needs (Challenge is nil when the
	// response sent no Bearer challenge). The clone is then resent once, at
	// once; this resend does not draw on the Budget, since a fleet whose
	// tokens expire together must renew them all. An error from Refresh
	// ends RoundTrip with that error.
	Refresh func(req *http.Request, e *Error) error

	// IdempotencyKeys, when true, gives each POST or PATCH that carries no
	// key one fresh X-Idempotency-Key, the same on every attempt, so that it
	// can be resent safely (Open Finance Brasil payment APIs require one).
	IdempotencyKeys bool
	// NewKey mints those keys; nil: a random UUID (version 4).
	NewKey func() string

	// AttemptTimeout, when positive, bounds each attempt, within whatever
	// remains of the request context's deadline. An attempt that runs out
	// is a transport failure and is resent like one. The bound covers
	// reading the body of the response returned, as http.Client.Timeout's
	// does.
	AttemptTimeout time.Duration

	hosts hosts
	// grace, in tests, replaces the timer that bounds a stalled body's peek.
	grace func(time.Duration) (<-chan time.Time, func() bool)
}

// RoundTrip sends req, and resends it as the Transport's rules allow.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	x := t.begin(req)
	cur := x.req
	for attempt := 1; ; attempt++ {
		o := x.try(cur)
		if o.err == nil && o.resp.StatusCode < 400 {
			return x.finish(&o, cur, attempt)
		}
		w := x.judge(&o)
		var next *http.Request
		if !w.reason.GiveUp() {
			next, w = x.prepare(cur, &o, w, attempt+1)
		}
		x.report(&o, attempt, w)
		if w.reason.GiveUp() {
			return x.finish(&o, cur, attempt)
		}
		o.discard()
		err := t.wait(x.ctx, w.d)
		if err == nil {
			w, err = x.holdBack() // a Retry-After that came while it waited
		}
		if err == nil {
			err = x.ctx.Err() // a Sleep that did not stop with the context
		}
		if err != nil || w.reason.GiveUp() {
			closeBody(next)
			x.report(&o, attempt, giveUpOf(w, err))
			if err != nil {
				return nil, err
			}
			return x.finish(&o, cur, attempt)
		}
		cur = next
	}
}

// giveUpOf is the give-up a failed wait reports: the context's, or w's.
func giveUpOf(w decision, err error) decision {
	if err != nil {
		return decision{reason: GiveUpContext}
	}
	return w
}

// holdBack waits out a hold on the host that another response's
// Retry-After set while this request waited: no resend leaves before it
// ends. It is part of the decision already reported, not a new one, so it
// waits at most MaxWait in all; a hold that would take it past that, or
// past the deadline, is a give-up (which is reported). A clock that a wait
// does not move (a test's) ends the loop.
func (x *exchange) holdBack() (decision, error) {
	var waited time.Duration
	for {
		now := x.t.now()
		held := x.held(now)
		switch left := untilDeadline(x.ctx, time.Now()); {
		case held <= 0:
			return decision{}, nil
		case waited+held > x.policy.MaxWait:
			return decision{reason: GiveUpRetryAfterTooLong}, nil
		case left >= 0 && left < held:
			return decision{reason: GiveUpDeadline}, nil
		}
		if err := x.t.wait(x.ctx, held); err != nil {
			return decision{}, err
		}
		waited += held
		if !x.t.now().After(now) {
			return decision{}, nil
		}
	}
}

// CloseIdleConnections closes the idle connections of Base, when it has
// that method, as [http.Client.CloseIdleConnections] expects.
func (t *Transport) CloseIdleConnections() {
	type closer interface{ CloseIdleConnections() }
	if c, ok := t.base().(closer); ok {
		c.CloseIdleConnections()
	}
}

// exchange is one RoundTrip: the caller's request and what its attempts
// share.
type exchange struct {
	t          *Transport
	req        *http.Request // the caller's, with a minted idempotency key
	ctx        context.Context
	policy     Policy
	budget     Budget
	host       hostKey
	replayable bool // the body can be sent again
	idempotent bool // sending it twice cannot duplicate its effect
	retries    int  // resends on the schedule so far
	refreshed  bool // Refresh has had its one turn
}

// begin starts an exchange and counts its first attempt for the host's
// budget; a first attempt is never held back.
func (t *Transport) begin(req *http.Request) exchange {
	if t.IdempotencyKeys && needsKey(req) {
		req = withKey(req, t.newKey())
	}
	x := exchange{
		t: t, req: req, ctx: req.Context(), policy: t.Policy.orDefault(),
		budget: t.Budget.orDefault(), host: keyOf(req.URL),
		replayable: req.Body == nil || req.Body == http.NoBody || req.GetBody != nil,
		idempotent: isIdempotent(req),
	}
	if x.budget.Ratio >= 0 { // with no limit there is nothing to count
		t.hosts.with(x.host, t.now(), x.budget.Window, countFirst)
	}
	return x
}

func countFirst(s *hostState) { s.firsts[s.slot%budgetSlots]++ }

// outcome is one attempt, judged: what came back and what it means.
type outcome struct {
	resp       *http.Response
	err        error      // no response came, or Refresh failed
	peek       *bodyPeek  // the error response's body prefix
	e          *Error     // the error response, classified
	class      RetryClass // what to do about it
	dialFailed bool       // the connection was never made: nothing ran
	discarded  bool       // its body was closed for a resend that did not happen
}

func (o *outcome) status() int {
	if o.resp == nil {
		return 0
	}
	return o.resp.StatusCode
}

// try runs one attempt and classifies what came back.
func (x *exchange) try(req *http.Request) outcome {
	resp, err := x.t.send(req)
	switch {
	case err != nil:
		return outcome{err: err, class: RetryOf(err), dialFailed: dialFailed(err)}
	case resp.StatusCode < 400:
		return outcome{resp: resp}
	}
	o := outcome{resp: resp, peek: x.t.peek(resp)}
	o.e = x.t.catalog().classify(resp.StatusCode, resp.Header, o.peek.prefix)
	o.class = o.e.Retry
	if x.t.Classify != nil {
		o.class = x.t.Classify(o.e)
	}
	if o.e.RetryAfter > 0 {
		x.holdHost(o.e.RetryAfter)
	}
	return o
}

// judge decides what to do after a failed attempt: wait and resend, or
// give up, and why.
func (x *exchange) judge(o *outcome) decision {
	switch {
	case x.ctx.Err() != nil:
		return decision{reason: GiveUpContext}
	case o.class == Reauthenticate && x.t.Refresh != nil && o.e != nil:
		return x.judgeRefresh(o)
	case o.class != Backoff:
		return decision{reason: GiveUpNotResendable}
	case !x.idempotent && !o.dialFailed:
		return decision{reason: GiveUpNotIdempotent}
	case !x.replayable:
		return decision{reason: GiveUpBodyNotReplayable}
	}
	x.retries++
	var retryAfter time.Duration
	if o.e != nil {
		retryAfter = o.e.RetryAfter
	}
	// A context's deadline is wall-clock time, whatever clock Now is.
	now := x.t.now()
	left := untilDeadline(x.ctx, time.Now())
	w := x.policy.plan(x.retries, retryAfter, x.held(now), left, x.t.random)
	if !w.reason.GiveUp() && !x.spend(now) {
		return decision{reason: GiveUpBudget}
	}
	return w
}

// judgeRefresh decides on a Reauthenticate outcome when Refresh is set:
// renew and resend at once, once. Only a 401 proves the server did nothing
// with the request, so only then may a non-idempotent one go again.
func (x *exchange) judgeRefresh(o *outcome) decision {
	switch {
	case x.refreshed:
		return decision{reason: GiveUpRetriesSpent}
	case !x.idempotent && o.status() != http.StatusUnauthorized:
		return decision{reason: GiveUpNotIdempotent}
	case !x.replayable:
		return decision{reason: GiveUpBodyNotReplayable}
	}
	return decision{reason: ReasonRefresh}
}

// prepare builds the next attempt's request: a fresh body, the attempt
// count, and for a refresh the renewed credentials. When it cannot, the
// wait becomes a give-up; a Refresh that fails becomes the outcome's error.
func (x *exchange) prepare(cur *http.Request, o *outcome, w decision,
	attempt int) (*http.Request, decision) {
	next, err := resendable(x.req, cur, attempt)
	if err != nil {
		return nil, decision{reason: GiveUpBodyNotReplayable}
	}
	if w.reason != ReasonRefresh {
		return next, w
	}
	x.refreshed = true
	clone := next.Clone(next.Context()) // Refresh sets headers: give it its own
	clone.Body = next.Body
	if err := x.t.Refresh(clone, o.e); err != nil {
		closeBody(clone)
		o.discard()
		*o = outcome{resp: o.resp, err: fmt.Errorf("apierr: refreshing credentials: %w", err),
			e: o.e, class: o.class, discarded: true}
		return nil, decision{reason: GiveUpRefreshFailed}
	}
	return clone, w
}

// finish returns an outcome to the caller: the response with its body
// whole, or the error.
func (x *exchange) finish(o *outcome, cur *http.Request, attempt int) (*http.Response, error) {
	if o.err != nil {
		return nil, o.err
	}
	resp := o.resp
	switch {
	case o.discarded:
		resp.Body = o.peek.replay() // given up after its wait: what was peeked is all there is
	case o.peek != nil:
		resp.Body = o.peek.restored()
	}
	if attempt > 1 && (resp.Request == nil || resp.Request.Context().Value(attemptsKey{}) == nil) {
		resp.Request = cur
	}
	return resp, nil
}

// discard closes a response the caller is not meant to see; finish can
// still give back what was peeked of it.
func (o *outcome) discard() {
	o.discarded = true
	if o.peek != nil {
		o.peek.discard()
	} else if o.resp != nil && o.resp.Body != nil {
		_ = o.resp.Body.Close()
	}
}

// held is how long the host's Retry-After still holds resends back.
func (x *exchange) held(now time.Time) time.Duration {
	var d time.Duration
	x.t.hosts.with(x.host, now, x.budget.Window, func(s *hostState) {
		d = max(s.hold.Sub(now), 0)
	})
	return d
}

// holdHost makes the host's resends wait d from now, unless it already
// holds them longer.
func (x *exchange) holdHost(d time.Duration) {
	now := x.t.now()
	until := now.Add(min(d, maxRetryAfter))
	x.t.hosts.with(x.host, now, x.budget.Window, func(s *hostState) {
		if until.After(s.hold) {
			s.hold = until
		}
	})
}

// spend takes one resend from the host's budget, if it has one left.
func (x *exchange) spend(now time.Time) bool {
	ok := false
	x.t.hosts.with(x.host, now, x.budget.Window, func(s *hostState) { ok = s.allow(x.budget) })
	return ok
}

// report tells OnRetry of a decision.
func (x *exchange) report(o *outcome, attempt int, w decision) {
	if x.t.OnRetry == nil {
		return
	}
	ev := RetryEvent{
		Request: x.req, Attempt: attempt, Status: o.status(), Err: o.err,
		Retry: o.class, Wait: w.d, Reason: w.reason,
	}
	if o.e != nil {
		ev.Code = o.e.Code
	}
	x.t.OnRetry(ev)
}

func (t *Transport) base() http.RoundTripper {
	if t.Base != nil {
		return t.Base
	}
	return http.DefaultTransport
}

func (t *Transport) catalog() *Catalog {
	if t.Catalog != nil {
		return t.Catalog
	}
	return documented
}

func (t *Transport) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

func (t *Transport) random() float64 {
	if t.Rand != nil {
		return t.Rand()
	}
	return rand.Float64()
}

// wait sleeps d before a resend; a refresh's resend goes at once, without
// a call to Sleep, unless the context has ended.
func (t *Transport) wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	return sleepContext(ctx, d)
}

// send runs one attempt, under AttemptTimeout when one is set.
func (t *Transport) send(req *http.Request) (*http.Response, error) {
	if t.AttemptTimeout <= 0 {
		return roundTrip(t.base(), req)
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.AttemptTimeout)
	resp, err := roundTrip(t.base(), req.WithContext(ctx))
	if err != nil {
		// Only the attempt's own deadline makes a timeout: read before
		// cancel, which would end ctx whatever the cause.
		timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded) && req.Context().Err() == nil
		cancel()
		if timedOut {
			return nil, &attemptTimeoutError{err: err}
		}
		return nil, err
	}
	if resp.Body == nil || resp.Body == http.NoBody {
		cancel()
		return resp, nil
	}
	if rw, ok := resp.Body.(io.ReadWriteCloser); ok && resp.StatusCode == http.StatusSwitchingProtocols {
		resp.Body = &cancelOnCloseRW{cancelOnClose{rw, cancel}, rw} // the upgraded connection
		return resp, nil
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// roundTrip holds a Base to the RoundTripper contract: a response or an
// error, never both nor neither.
func roundTrip(base http.RoundTripper, req *http.Request) (*http.Response, error) {
	resp, err := base.RoundTrip(req)
	switch {
	case err != nil && resp != nil:
		if resp.Body != nil {
			_ = resp.Body.Close()
		}
		return nil, err
	case err == nil && resp == nil:
		return nil, errors.New("apierr: Base RoundTripper returned neither a response nor an error")
	}
	return resp, err
}

// cancelOnClose releases an attempt's timeout when its body is done with.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// cancelOnCloseRW keeps a 101 response's body an io.Writer, as net/http
// gives it, so that an upgraded connection can still be written.
type cancelOnCloseRW struct {
	cancelOnClose
	w io.Writer
}

func (c *cancelOnCloseRW) Write(p []byte) (int, error) { return c.w.Write(p) }

// attemptsKey marks, in the context of the request a resend used, how many
// attempts it took; Attempts reads it from the response's Request.
type attemptsKey struct{}

// Attempts returns how many attempts of a [Transport] produced resp: 1
// when it was not retried, 0 for nil.
func Attempts(resp *http.Response) int {
	if resp == nil {
		return 0
	}
	if resp.Request != nil {
		if n, ok := resp.Request.Context().Value(attemptsKey{}).(int); ok {
			return n
		}
	}
	return 1
}

// resendable returns a copy of cur for attempt number attempt: a fresh body
// from GetBody, and the attempt count in its context.
func resendable(orig, cur *http.Request, attempt int) (*http.Request, error) {
	next := cur.WithContext(context.WithValue(orig.Context(), attemptsKey{}, attempt))
	if orig.GetBody != nil && cur.Body != nil && cur.Body != http.NoBody {
		body, err := orig.GetBody()
		if err != nil {
			return nil, err
		}
		next.Body = body
	}
	return next, nil
}

func closeBody(req *http.Request) {
	if req != nil && req.Body != nil {
		_ = req.Body.Close()
	}
}

// ResendRateLimited is a [Transport.Classify] for gateways' rate limits: a
// 429 that sends a Retry-After (nginx's limit_req, Kong, HAProxy) is
// [Backoff], since the server named its wait; every other error keeps its
// Retry. Without it, a 429 that is not Too Many Sessions is never resent,
// as Brick Bank's document says of every 4xx.
func ResendRateLimited(e *Error) RetryClass {
	if e == nil {
		return NoRetry
	}
	if e.Status == http.StatusTooManyRequests {
		if _, ok := ParseRetryAfter(e.Header.Get("Retry-After"), time.Time{}); ok {
			return Backoff
		}
	}
	return e.Retry
}

// isIdempotent reports whether resending req cannot duplicate its effect:
// an idempotent method (RFC 9110 §9.2.2), or a request carrying an
// idempotency key.
func isIdempotent(req *http.Request) bool {
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace,
		http.MethodPut, http.MethodDelete:
		return true
	}
	return hasKey(req.Header)
}

func hasKey(h http.Header) bool {
	return h.Get("Idempotency-Key") != "" || h.Get("X-Idempotency-Key") != ""
}

// needsKey reports whether IdempotencyKeys should mint a key for req.
func needsKey(req *http.Request) bool {
	return (req.Method == http.MethodPost || req.Method == http.MethodPatch) && !hasKey(req.Header)
}

// withKey returns a shallow copy of req with its own headers and the key:
// a RoundTripper must not change the caller's request.
func withKey(req *http.Request, key string) *http.Request {
	r := new(http.Request)
	*r = *req
	r.Header = req.Header.Clone()
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Header.Set("X-Idempotency-Key", key)
	return r
}

func (t *Transport) newKey() string {
	if t.NewKey != nil {
		return t.NewKey()
	}
	return newUUID()
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = crand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// attemptTimeoutError is an attempt that ran out of the Transport's own
// AttemptTimeout, not out of the caller's context: [RetryOf] calls it
// Backoff.
type attemptTimeoutError struct{ err error }

func (e *attemptTimeoutError) Error() string {
	return "apierr: attempt timed out: " + e.err.Error()
}
func (e *attemptTimeoutError) Unwrap() error        { return e.err }
func (e *attemptTimeoutError) attemptTimeout() bool { return true }
func (e *attemptTimeoutError) Timeout() bool        { return true }

// transportRetry is [RetryOf] for an error that holds no *Error: Backoff
// for a failure that no server acted on or that is worth another try,
// NoRetry for the caller's own context and for TLS verification failures
// (they fail the same way again).
//
// A dial that failed is Backoff even when it timed out: net's dial timeout
// says context.DeadlineExceeded too, and a blackholed host is the very
// case where nothing ran. A caller's deadline that ends during a dial looks
// the same from the error alone; the Transport tells them apart by the
// request's context, which it checks first.
func transportRetry(err error) RetryClass {
	var at interface{ attemptTimeout() bool }
	switch {
	case errors.As(err, &at) && at.attemptTimeout():
		return Backoff
	case errors.Is(err, context.Canceled), isTLSVerification(err):
		return NoRetry
	}
	if dns, ok := errors.AsType[*net.DNSError](err); ok {
		if dns.IsTimeout || dns.IsTemporary {
			return Backoff
		}
		return NoRetry
	}
	switch {
	case dialFailed(err):
		return Backoff
	case errors.Is(err, context.DeadlineExceeded):
		return NoRetry
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Backoff
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return Backoff
	}
	return NoRetry
}

// dialFailed reports whether err means the connection was never made, so
// the server cannot have seen the request.
func dialFailed(err error) bool {
	if op, ok := errors.AsType[*net.OpError](err); ok && op.Op == "dial" {
		return true
	}
	_, dns := errors.AsType[*net.DNSError](err)
	return dns
}

// isTLSVerification reports whether err is a certificate the client refused:
// resending meets the same certificate.
func isTLSVerification(err error) bool {
	var (
		verify    *tls.CertificateVerificationError
		authority x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
	)
	return errors.As(err, &verify) || errors.As(err, &authority) ||
		errors.As(err, &hostname) || errors.As(err, &invalid)
}
