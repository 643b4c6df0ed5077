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
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Transport is an http.RoundTripper that resends what the catalog calls
// transient, on a Policy's schedule, and nothing else:
//
//   - it resends Backoff outcomes (5xx but 501 and 505, 429 Too Many
//     Sessions, ERRO_CHAMADA_API…) and transport failures (refused, reset,
//     EOF before a response, a per-attempt timeout); never a TLS
//     verification failure, never after the caller's context ended;
//   - it never duplicates a non-idempotent request: POST, PATCH and any
//     method RFC 9110 does not call idempotent are resent only with an
//     Idempotency-Key or X-Idempotency-Key header, when the connection could
//     not be made, or after a 401 that Refresh answered;
//   - it waits the longer of the schedule and Retry-After, and stops at once
//     when Retry-After exceeds MaxWait or a wait would outlive the context's
//     deadline;
//   - it replays bodies through Request.GetBody (a body without GetBody is
//     sent once) and sends the same headers every time;
//   - when it gives up it returns the last response, unread, and no error.
//
// A Policy with MaxRetries 0 and any other field set never resends.
// Error responses are classified by [FromResponse]'s rules on a bounded
// prefix of the body, which is put back: the caller reads every byte. A
// response below 400 passes through untouched. A Transport is safe for
// concurrent use; its fields must not change once it is in use.
type Transport struct {
	Base    http.RoundTripper                          // nil: http.DefaultTransport
	Policy  Policy                                     // all-zero: DefaultPolicy (see above)
	Sleep   func(context.Context, time.Duration) error // nil: a timer that stops with ctx
	Rand    func() float64                             // jitter source in [0,1); nil: math/rand/v2
	OnRetry func(RetryEvent)                           // nil: silent; see LogRetries
	// Refresh, when set, is called on a clone of the request after a
	// Reauthenticate outcome, to set new credentials; the clone is then
	// resent once. Nil: such outcomes are returned as they are.
	Refresh func(*http.Request) error

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
}

// RetryEvent describes a resend about to happen, for OnRetry.
type RetryEvent struct {
	Request *http.Request // the caller's request
	Attempt int           // the attempt that failed: 1 for the first
	Status  int           // its status; 0 when no response came
	Code    Code          // its code, when it had one
	Err     error         // why no response came, when none did
	Retry   RetryClass    // how the outcome was classified
	Wait    time.Duration // the wait before the next attempt
	Reason  string        // "backoff", "retry-after", "connection" or "refresh"
}

// LogRetries returns an OnRetry hook that logs each resend to logger at
// level Warn. A nil logger means slog.Default().
func LogRetries(logger *slog.Logger) func(RetryEvent) {
	return func(ev RetryEvent) {
		l := logger
		if l == nil {
			l = slog.Default()
		}
		attrs := []slog.Attr{
			slog.String("method", ev.Request.Method),
			slog.String("url", redactedURL(ev.Request.URL)),
			slog.Int("attempt", ev.Attempt),
			slog.String("retry", ev.Retry.String()),
			slog.String("reason", ev.Reason),
			slog.Duration("wait", ev.Wait),
		}
		if ev.Status != 0 {
			attrs = append(attrs, slog.Int("status", ev.Status))
		}
		if ev.Code != "" {
			attrs = append(attrs, slog.String("code", string(ev.Code)))
		}
		if ev.Err != nil {
			attrs = append(attrs, slog.String("err", ev.Err.Error()))
		}
		l.LogAttrs(ev.Request.Context(), slog.LevelWarn, "apierr: resending request", attrs...)
	}
}

// redactedURL keeps query strings, which may hold tokens, out of logs.
func redactedURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.RawQuery, c.ForceQuery, c.User = "", false, nil
	return c.String()
}

// attemptsKey marks, in the context of the request a resend used, how many
// attempts it took; Attempts reads it from the response's Request.
type attemptsKey struct{}

// Attempts returns how many attempts of a Transport produced resp: 1 when
// it was not retried, 0 for nil.
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

// attemptTimeoutError is an attempt that ran out of the Transport's own
// AttemptTimeout, not out of the caller's context: RetryOf calls it Backoff.
type attemptTimeoutError struct{ err error }

func (e *attemptTimeoutError) Error() string {
	return "apierr: attempt timed out: " + e.err.Error()
}

func (e *attemptTimeoutError) Unwrap() error { return e.err }

func (e *attemptTimeoutError) attemptTimeout() bool { return true }

func (e *attemptTimeoutError) Timeout() bool { return true }

// peekLimit bounds the body prefix read to classify an error response.
const peekLimit = MaxErrorBody

// drainLimit bounds how much of a discarded body is read so that its
// connection can be reused; past it, closing is cheaper than reading.
const drainLimit = 64 << 10

// RoundTrip sends req, and resends it as the Transport's rules allow.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if t.IdempotencyKeys && needsKey(req) {
		req = withKey(req, t.newKey())
	}
	ctx := req.Context()
	policy := t.Policy.orDefault()
	canReplay := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	idempotent := isIdempotent(req)

	cur := req
	refreshed := false
	for attempt, retries := 1, 0; ; attempt++ {
		resp, err := t.send(base, cur)
		var prefix []byte            // what peek read of an error response's body
		eof := false                 // whether that was all of it
		var retryAfter time.Duration // what the response asked for
		ev := RetryEvent{Request: req, Attempt: attempt}
		safe := idempotent // may this outcome be resent without duplicating work?
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, err
			}
			ev.Err, ev.Retry, ev.Reason = err, RetryOf(err), "backoff"
			if dialFailed(err) {
				safe, ev.Reason = true, "connection" // nothing reached the server
			}
		case resp.StatusCode < 400:
			return t.done(resp, cur, attempt), nil
		default:
			var e Error
			prefix, eof = peek(resp, &e)
			ev.Status, ev.Code, ev.Retry, ev.Reason = e.Status, e.Code, e.Retry, "backoff"
			if e.Retry == Reauthenticate && t.Refresh != nil && !refreshed && canReplay {
				next, rerr := t.refresh(req, cur, attempt+1)
				if rerr != nil {
					discard(resp, eof)
					return nil, rerr
				}
				refreshed, ev.Reason = true, "refresh"
				if t.OnRetry != nil {
					t.OnRetry(ev)
				}
				discard(resp, eof)
				cur = next
				continue // a 401 proves nothing ran: resend at once, whatever the method
			}
			retryAfter = e.RetryAfter
		}

		retries++
		if ev.Retry != Backoff || !safe || !canReplay || retries > policy.MaxRetries {
			return t.giveUp(restore(resp, prefix), err, cur, attempt)
		}
		wait, serverWins, ok := policy.next(ctx, retries, retryAfter, t.random)
		if !ok { // Retry-After beyond MaxWait, or a wait past the caller's deadline
			return t.giveUp(restore(resp, prefix), err, cur, attempt)
		}
		ev.Wait = wait
		if serverWins {
			ev.Reason = "retry-after"
		}
		next, nerr := resendable(req, cur, attempt+1)
		if nerr != nil {
			return t.giveUp(restore(resp, prefix), err, cur, attempt)
		}
		if resp != nil {
			discard(resp, eof)
		}
		if t.OnRetry != nil {
			t.OnRetry(ev)
		}
		if serr := t.sleep(ctx, ev.Wait); serr != nil {
			if next.Body != nil {
				_ = next.Body.Close()
			}
			return nil, serr
		}
		cur = next
	}
}

// send runs one attempt, under AttemptTimeout when one is set.
func (t *Transport) send(base http.RoundTripper, req *http.Request) (*http.Response, error) {
	if t.AttemptTimeout <= 0 {
		return roundTrip(base, req)
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.AttemptTimeout)
	resp, err := roundTrip(base, req.WithContext(ctx))
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

// done returns the response an attempt produced, marked with the number of
// attempts when there was more than one.
func (t *Transport) done(resp *http.Response, cur *http.Request, attempt int) *http.Response {
	if attempt > 1 && (resp.Request == nil || resp.Request.Context().Value(attemptsKey{}) == nil) {
		resp.Request = cur
	}
	return resp
}

// giveUp returns the last outcome as it is: the response, or the error.
func (t *Transport) giveUp(resp *http.Response, err error, cur *http.Request,
	attempt int) (*http.Response, error) {
	if err != nil {
		return nil, err
	}
	return t.done(resp, cur, attempt), nil
}

func (t *Transport) random() float64 {
	if t.Rand != nil {
		return t.Rand()
	}
	return rand.Float64()
}

func (t *Transport) sleep(ctx context.Context, d time.Duration) error {
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	return sleepContext(ctx, d)
}

// refresh clones the request with a fresh body and lets Refresh set new
// credentials on it.
func (t *Transport) refresh(orig, cur *http.Request, attempt int) (*http.Request, error) {
	next, err := resendable(orig, cur, attempt)
	if err != nil {
		return nil, err
	}
	clone := next.Clone(next.Context()) // Refresh may set headers: give it its own
	clone.Body = next.Body
	if err := t.Refresh(clone); err != nil {
		if clone.Body != nil {
			_ = clone.Body.Close()
		}
		return nil, fmt.Errorf("apierr: refreshing credentials: %w", err)
	}
	return clone, nil
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

// peek classifies an error response from a bounded prefix of its body,
// into e. It returns the prefix, and whether it was the whole body; restore
// puts it back when the response goes to the caller.
func peek(resp *http.Response, e *Error) (prefix []byte, eof bool) {
	if resp.Body != nil && resp.Body != http.NoBody {
		prefix, eof = readBoundedEOF(resp.Body, peekLimit, resp.ContentLength)
	}
	header := resp.Header
	if header == nil {
		header = http.Header{}
	}
	classifyInto(e, resp.StatusCode, header, prefix)
	return prefix, eof
}

// restore puts a peeked prefix back in front of the rest of resp's body.
func restore(resp *http.Response, prefix []byte) *http.Response {
	if resp != nil && len(prefix) > 0 {
		resp.Body = &stitchedBody{prefix: prefix, rest: resp.Body}
	}
	return resp
}

type stitchedBody struct {
	prefix []byte
	rest   io.ReadCloser
}

func (b *stitchedBody) Read(p []byte) (int, error) {
	if len(b.prefix) > 0 {
		n := copy(p, b.prefix)
		b.prefix = b.prefix[n:]
		return n, nil
	}
	return b.rest.Read(p)
}

func (b *stitchedBody) Close() error { return b.rest.Close() }

// discard drains a bounded part of a body the caller will never see, so its
// connection can be reused, and closes it; eof: peek already read it all.
func discard(resp *http.Response, eof bool) {
	if resp.Body == nil {
		return
	}
	if !eof {
		_, _ = io.CopyN(io.Discard, resp.Body, drainLimit)
	}
	_ = resp.Body.Close()
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
