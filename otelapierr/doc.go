// Package otelapierr shows an [apierr.Transport]'s decisions in
// OpenTelemetry traces and metrics, by the semantic conventions: each
// resend sets http.request.resend_count on the request's span and adds a
// span event saying how long it waits and why, each give-up adds an event
// with its reason, and counters tell resends and give-ups by reason and
// host. It is a module of its own, so that apierr itself never depends on
// OpenTelemetry.
//
// Wire it into a Transport with [Instrument], which keeps an OnRetry hook
// already set, or set the hook [OnRetry] returns yourself:
//
//	tr := otelapierr.Instrument(&apierr.Transport{})
//	client := &http.Client{Transport: otelhttp.NewTransport(tr)}
//
// The events land on the span in the request's context. Wrapped as above,
// that is the client span otelhttp starts for the request, which then
// spans every attempt and ends with the number of resends; without
// otelhttp it is whatever span the caller started. A request with no
// recording span in its context is counted all the same. Put otelhttp
// outside the Transport, not as its Base: as the Base it starts one span
// per attempt, below the request's span, and none of those hears of the
// resends.
//
// Span events carry everything one request's story needs, the error code
// as received among it. Metrics carry only attributes of bounded
// cardinality — no URL path or query, and no error code the catalog does
// not know (see [WithCatalog]) — so that no server can multiply a
// client's time series.
//
// The attributes and names it records under are this package's constants:
// [ReasonKey], [ClassKey], [CodeKey], [WaitKey], [EventResend],
// [EventGiveUp], [MetricResends], [MetricGiveUps] and [MetricWaitTime].
package otelapierr
