// This file holds what a Transport tells its OnRetry hook: one RetryEvent
// per decision, each resend with its wait and why, and the give-up with its
// typed Reason.

package apierr

import (
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// RetryEvent is one decision of a [Transport], for [Transport.OnRetry]: a
// resend about to happen (after Wait), or the give-up that ends the
// exchange ([Reason.GiveUp] tells which).
type RetryEvent struct {
	Request *http.Request // the caller's request
	Attempt int           // the attempt just judged: 1 for the first
	Status  int           // its status; 0 when no response came
	Code    Code          // its code, when it had one
	Err     error         // why no response came, when none did; why Refresh failed
	Retry   RetryClass    // how the outcome was classified
	Wait    time.Duration // a resend's planned wait (a host hold begun since adds); 0: give-up
	Reason  Reason        // why it resends, or why it gives up
}

// Reason says why a [Transport] resends or gives up.
type Reason uint8

// The reasons for a resend.
const (
	ReasonSchedule       Reason = iota + 1 // after the Policy's wait
	ReasonRetryAfter                       // after the response's longer Retry-After
	ReasonHostRetryAfter                   // after the Retry-After another response set for the host
	ReasonRefresh                          // at once, with credentials Refresh renewed
)

// The reasons for a give-up: the last response (or error) is returned.
const (
	GiveUpRetriesSpent      Reason = iota + 16 // MaxRetries resends, or the one refresh, are spent
	GiveUpNotResendable                        // the class says a resend cannot help
	GiveUpNotIdempotent                        // it could run twice: no key, no proof nothing ran
	GiveUpBodyNotReplayable                    // the body has no GetBody, or GetBody failed
	GiveUpRetryAfterTooLong                    // the server asks for a wait beyond MaxWait
	GiveUpDeadline                             // the wait would end after the context's deadline
	GiveUpBudget                               // the host's retry budget is spent
	GiveUpContext                              // the caller's context ended
	GiveUpRefreshFailed                        // Refresh returned an error, which RoundTrip returns
)

var reasonNames = map[Reason]string{
	ReasonSchedule:          "schedule",
	ReasonRetryAfter:        "retry-after",
	ReasonHostRetryAfter:    "host-retry-after",
	ReasonRefresh:           "refresh",
	GiveUpRetriesSpent:      "retries-spent",
	GiveUpNotResendable:     "not-resendable",
	GiveUpNotIdempotent:     "not-idempotent",
	GiveUpBodyNotReplayable: "body-not-replayable",
	GiveUpRetryAfterTooLong: "retry-after-too-long",
	GiveUpDeadline:          "deadline",
	GiveUpBudget:            "budget",
	GiveUpContext:           "context",
	GiveUpRefreshFailed:     "refresh-failed",
}

// String returns the reason's name: "schedule", "retry-after", "budget", …
func (r Reason) String() string {
	if name, ok := reasonNames[r]; ok {
		return name
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText encodes r as its [Reason.String] name, for logs and metrics.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// GiveUp reports whether r ends the exchange rather than resending.
func (r Reason) GiveUp() bool { return r >= GiveUpRetriesSpent }

// LogRetries returns an OnRetry hook that logs every decision to logger
// (nil: slog.Default()): each resend at level Warn, a give-up at Info, and
// a give-up on an error no resend could help ([GiveUpNotResendable], a 404
// say) at Debug. Query strings, which may hold tokens, are left out.
func LogRetries(logger *slog.Logger) func(RetryEvent) {
	return func(ev RetryEvent) {
		l := logger
		if l == nil {
			l = slog.Default()
		}
		level, msg := slog.LevelWarn, "apierr: resending request"
		switch {
		case ev.Reason == GiveUpNotResendable:
			level, msg = slog.LevelDebug, "apierr: not resending request"
		case ev.Reason.GiveUp():
			level, msg = slog.LevelInfo, "apierr: giving up on request"
		}
		ctx := ev.Request.Context()
		if !l.Enabled(ctx, level) {
			return
		}
		l.LogAttrs(ctx, level, msg, eventAttrs(ev)...)
	}
}

func eventAttrs(ev RetryEvent) []slog.Attr {
	attrs := []slog.Attr{
		slog.String("method", ev.Request.Method),
		slog.String("url", redactedURL(ev.Request.URL)),
		slog.Int("attempt", ev.Attempt),
		slog.String("retry", ev.Retry.String()),
		slog.String("reason", ev.Reason.String()),
	}
	if !ev.Reason.GiveUp() {
		attrs = append(attrs, slog.Duration("wait", ev.Wait))
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
	return attrs
}

// redactedURL keeps query strings and user info, which may hold tokens,
// out of logs.
func redactedURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.RawQuery, c.ForceQuery, c.User = "", false, nil
	return c.String()
}
