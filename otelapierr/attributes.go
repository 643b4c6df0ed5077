// This file holds the names otelapierr records under — its attribute keys,
// span event names and metric names — and the rules that keep each metric
// attribute's values few, so that a counter's series stay countable.

package otelapierr

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/apierr/apierr"
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// The attributes of the apierr namespace. The semantic conventions have no
// names for a retry's reason or class, so these live under "apierr.", as
// the conventions ask of a library's own attributes; the rest are theirs
// (http.request.resend_count, server.address, server.port,
// http.request.method, http.response.status_code, error.type).
const (
	// ReasonKey is why the Transport resent or gave up: an
	// [apierr.Reason] name ("schedule", "retry-after", "not-idempotent",
	// "budget", …). One of a fixed set, on spans and metrics alike.
	ReasonKey = attribute.Key("apierr.retry.reason")

	// ClassKey is how the judged outcome was classified: an
	// [apierr.RetryClass] name ("backoff", "no-retry", "reauthenticate").
	ClassKey = attribute.Key("apierr.retry.class")

	// CodeKey is the error code of the judged response. On span events it
	// is the code as received; on metrics it is a code the catalog knows,
	// or [OtherCode] (see [WithCatalog]).
	CodeKey = attribute.Key("apierr.error.code")

	// WaitKey is a resend's wait before the next attempt, in seconds: on
	// the resend span event only (the wait-time histogram has the rest).
	WaitKey = attribute.Key("apierr.retry.wait")
)

// OtherCode stands, on metrics, for every error code the catalog does not
// know; like the conventions' "_OTHER" HTTP method, it keeps a server that
// invents codes from inventing time series.
const OtherCode = "_OTHER"

// The span events, one per decision of the Transport.
const (
	// EventResend is added to the request's span before each resend.
	EventResend = "apierr.resend"
	// EventGiveUp is added to the request's span when the Transport stops
	// and returns what it has.
	EventGiveUp = "apierr.give_up"
)

// The metric instruments. Names follow the OpenTelemetry naming guidance:
// the library's namespace, "client" for the side that measures, a plural
// for a counter of discrete things, no "total", and the thing counted as
// the unit's annotation.
const (
	// MetricResends counts resends, unit "{resend}".
	MetricResends = "apierr.client.resends"
	// MetricGiveUps counts give-ups, unit "{give_up}": every exchange that
	// ended on an error response or a transport failure, reason telling
	// why. A dashboard of outages may leave out "not-resendable", which a
	// 404 or any other error no resend could help also counts.
	MetricGiveUps = "apierr.client.give_ups"
	// MetricWaitTime is a histogram of the wait before each resend, in
	// seconds ("s"), as the conventions measure every duration.
	MetricWaitTime = "apierr.client.resend.wait_time"
)

// waitBuckets returns MetricWaitTime's bucket boundaries, in seconds: powers
// of two, because the documented schedule doubles (3 s, 6 s … 48 s), so
// each of its steps falls in a bucket of its own even when jittered by up
// to a third; 0 holds the immediate resend after a credentials refresh.
func waitBuckets() []float64 { return []float64{0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128} }

// metricAttrs are the attributes of ev's measurements, each bounded:
//   - server.address and server.port: the hosts a client calls, which its
//     configuration bounds (the conventions' own HTTP client metrics carry
//     them); never the path or query, which are unbounded and may hold
//     tokens;
//   - http.request.method: the standard methods, others as "_OTHER";
//   - the reason and class: fixed sets;
//   - http.response.status_code: three digits, all a Go client accepts;
//   - error.type, when no response came: a Go type name, bounded by the
//     types in the program;
//   - the code: only those cat knows, others as [OtherCode].
func metricAttrs(ev apierr.RetryEvent, cat *apierr.Catalog) attribute.Set {
	kv := make([]attribute.KeyValue, 0, 8)
	kv = append(kv, ReasonKey.String(ev.Reason.String()), ClassKey.String(ev.Retry.String()))
	kv = append(kv, requestAttrs(ev.Request)...)
	if ev.Status != 0 {
		kv = append(kv, semconv.HTTPResponseStatusCode(ev.Status))
	}
	if ev.Err != nil {
		kv = append(kv, semconv.ErrorType(ev.Err))
	}
	if ev.Code != "" {
		code := OtherCode
		if _, ok := cat.Lookup(ev.Code); ok {
			code = string(ev.Code)
		}
		kv = append(kv, CodeKey.String(code))
	}
	return attribute.NewSet(kv...)
}

// eventAttrs are the attributes of ev's span event: everything a reader of
// one trace needs, the code as received, since one request's span cannot
// multiply series.
func eventAttrs(ev apierr.RetryEvent) []attribute.KeyValue {
	kv := make([]attribute.KeyValue, 0, 7)
	kv = append(kv, ReasonKey.String(ev.Reason.String()), ClassKey.String(ev.Retry.String()))
	if !ev.Reason.GiveUp() {
		kv = append(kv, semconv.HTTPRequestResendCount(ev.Attempt),
			WaitKey.Float64(ev.Wait.Seconds()))
	}
	if ev.Status != 0 {
		kv = append(kv, semconv.HTTPResponseStatusCode(ev.Status))
	}
	if ev.Code != "" {
		kv = append(kv, CodeKey.String(string(ev.Code)))
	}
	if ev.Err != nil {
		kv = append(kv, semconv.ErrorType(ev.Err))
	}
	return kv
}

// requestAttrs are the request's method and host, when it has them.
func requestAttrs(req *http.Request) []attribute.KeyValue {
	if req == nil {
		return nil
	}
	kv := []attribute.KeyValue{semconv.HTTPRequestMethodKey.String(method(req.Method))}
	host, port := hostPort(req.URL)
	if host != "" {
		kv = append(kv, semconv.ServerAddress(host))
	}
	if port > 0 {
		kv = append(kv, semconv.ServerPort(port))
	}
	return kv
}

// method is m if it is one of the methods the conventions know, else
// "_OTHER"; the empty method is GET, as net/http sends it.
func method(m string) string {
	switch m {
	case "":
		return http.MethodGet
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete,
		http.MethodConnect, http.MethodOptions, http.MethodTrace, http.MethodPatch, "QUERY":
		return m
	}
	return "_OTHER"
}

// hostPort is u's host and port, the port the scheme's default when u
// names none, as the conventions ask of server.port on a client; "" and 0
// when u says nothing of them.
func hostPort(u *url.URL) (string, int) {
	if u == nil {
		return "", 0
	}
	if p, err := strconv.Atoi(u.Port()); err == nil {
		return u.Hostname(), p
	}
	switch u.Scheme {
	case "http":
		return u.Hostname(), 80
	case "https":
		return u.Hostname(), 443
	}
	return u.Hostname(), 0
}
