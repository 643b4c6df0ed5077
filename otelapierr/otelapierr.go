// This file holds the hook that turns a Transport's decisions into
// telemetry — [OnRetry], [Instrument] and their [Option]s — and what it
// records for each decision: the span's resend count and events, and the
// counters and histogram.

package otelapierr

import (
	"context"

	"github.com/apierr/apierr"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of every instrument otelapierr
// creates: the name to select its metrics by in a view or a filter.
const ScopeName = "github.com/apierr/apierr/otelapierr"

// An Option configures [OnRetry] and [Instrument].
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	meters  metric.MeterProvider
	catalog *apierr.Catalog
}

// WithMeterProvider records metrics with mp; without it (or with nil),
// with the global provider, [otel.GetMeterProvider], which forwards to
// whatever provider is set later by [otel.SetMeterProvider].
//
// There is no tracer provider to choose: otelapierr starts no span of its
// own, it annotates the span the request's context already carries.
func WithMeterProvider(mp metric.MeterProvider) Option {
	return optionFunc(func(c *config) { c.meters = mp })
}

// WithCatalog names, on metrics, the codes cat knows, and counts every
// other code as [OtherCode]: a server's error codes come from its body, and
// a metric attribute taken from it unchecked would let any server mint
// time series. Without it, [Instrument] uses the Transport's
// [apierr.Transport.Catalog] and [OnRetry] the documented catalog,
// [apierr.Documented]; a nil cat means the same. Span events carry every
// code as received, whatever the catalog.
func WithCatalog(cat *apierr.Catalog) Option {
	return optionFunc(func(c *config) { c.catalog = cat })
}

// OnRetry returns a hook for [apierr.Transport.OnRetry] that records each
// decision of the Transport:
//
//   - on the span in the request's context ([trace.SpanFromContext]), the
//     one otelhttp or the caller started: before each resend, the
//     attribute http.request.resend_count (the number of the resend about
//     to happen, [apierr.RetryEvent.Attempt]) and an [EventResend] event
//     with its wait, reason, class, status and code; at the give-up, an
//     [EventGiveUp] event with its reason;
//   - the counters [MetricResends] and [MetricGiveUps], and the histogram
//     [MetricWaitTime], by reason, class, host and port, method, status
//     and known code (see [WithCatalog] and the attributes' keys).
//
// A request whose context holds no recording span costs only the metrics.
// The hook is safe for concurrent use, as a Transport needs. To keep an
// OnRetry already set, use [Instrument], which chains them.
func OnRetry(opts ...Option) func(apierr.RetryEvent) {
	c := config{meters: otel.GetMeterProvider(), catalog: apierr.Documented()}
	for _, o := range opts {
		o.apply(&c)
	}
	return newRecorder(c).record
}

// Instrument sets t's OnRetry to record every decision as [OnRetry] does,
// after calling the OnRetry t already had, if any, and returns t; a nil t
// is a new [apierr.Transport] with the defaults. Metrics name the codes
// of t's Catalog unless [WithCatalog] says otherwise.
//
// Call it before t is first used: a Transport's fields must not change
// once it is in use.
func Instrument(t *apierr.Transport, opts ...Option) *apierr.Transport {
	if t == nil {
		t = &apierr.Transport{}
	}
	if t.Catalog != nil {
		opts = append([]Option{WithCatalog(t.Catalog)}, opts...)
	}
	hook := OnRetry(opts...)
	if prev := t.OnRetry; prev != nil {
		t.OnRetry = func(ev apierr.RetryEvent) {
			prev(ev)
			hook(ev)
		}
	} else {
		t.OnRetry = hook
	}
	return t
}

// recorder holds the instruments one hook records with.
type recorder struct {
	resends metric.Int64Counter
	giveUps metric.Int64Counter
	waits   metric.Float64Histogram
	catalog *apierr.Catalog
}

func newRecorder(c config) *recorder {
	if c.meters == nil {
		c.meters = otel.GetMeterProvider()
	}
	if c.catalog == nil {
		c.catalog = apierr.Documented() // a nil *Catalog would know no code
	}
	meter := c.meters.Meter(ScopeName, metric.WithSchemaURL(semconv.SchemaURL))
	r := &recorder{catalog: c.catalog}
	// An instrument the provider refuses comes back as a no-op one, so a
	// refusal costs that metric, never the request: report it and go on.
	var err error
	r.resends, err = meter.Int64Counter(MetricResends, metric.WithUnit("{resend}"),
		metric.WithDescription("Requests an apierr Transport sent again."))
	handle(err)
	r.giveUps, err = meter.Int64Counter(MetricGiveUps, metric.WithUnit("{give_up}"),
		metric.WithDescription("Exchanges an apierr Transport ended on an error, by why it "+
			"did not resend."))
	handle(err)
	r.waits, err = meter.Float64Histogram(MetricWaitTime, metric.WithUnit("s"),
		metric.WithDescription("How long an apierr Transport waited before each resend."),
		metric.WithExplicitBucketBoundaries(waitBuckets()...))
	handle(err)
	return r
}

func handle(err error) {
	if err != nil {
		otel.Handle(err)
	}
}

// record is the hook: one decision to the span and the instruments.
func (r *recorder) record(ev apierr.RetryEvent) {
	ctx := context.Background()
	if ev.Request != nil {
		ctx = ev.Request.Context()
	}
	annotate(trace.SpanFromContext(ctx), ev)

	attrs := metric.WithAttributeSet(metricAttrs(ev, r.catalog))
	if ev.Reason.GiveUp() {
		r.giveUps.Add(ctx, 1, attrs)
		return
	}
	r.resends.Add(ctx, 1, attrs)
	r.waits.Record(ctx, ev.Wait.Seconds(), attrs)
}

// annotate puts ev on span. The resend count is the span's attribute, set
// again at each resend, so that the span ends with the number of resends
// its request took; each event keeps its own.
func annotate(span trace.Span, ev apierr.RetryEvent) {
	if !span.IsRecording() {
		return
	}
	if ev.Reason.GiveUp() {
		span.AddEvent(EventGiveUp, trace.WithAttributes(eventAttrs(ev)...))
		return
	}
	span.SetAttributes(semconv.HTTPRequestResendCount(ev.Attempt))
	span.AddEvent(EventResend, trace.WithAttributes(eventAttrs(ev)...))
}
