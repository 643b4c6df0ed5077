package otelapierr_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/apierrtest"
	"github.com/apierr/apierr/otelapierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric/noop"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

func TestResendsAreOnTheRequestSpan(t *testing.T) {
	tel := newTelemetry(t)
	srv := apierrtest.NewServer(t, unavailable.Times(2), apierrtest.Status(200, nil, "ok"))
	sl := &apierrtest.Sleeper{}
	tr := otelapierr.Instrument(&apierr.Transport{Sleep: sl.Sleep, Now: sl.Now},
		otelapierr.WithMeterProvider(tel.meters))

	resp := tel.get(t, tr, http.MethodGet, srv.URL+"/contas?token=s3cret", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	span := tel.onlySpan(t)
	assert.Equal(t, attribute.IntValue(2), attrOf(span.Attributes, "http.request.resend_count"),
		"the span ends with the number of resends its request took")
	require.Len(t, span.Events, 2)
	for i, ev := range span.Events {
		assert.Equal(t, otelapierr.EventResend, ev.Name)
		assert.ElementsMatch(t, []attribute.KeyValue{
			otelapierr.ReasonKey.String("schedule"),
			otelapierr.ClassKey.String("backoff"),
			attribute.Int("http.request.resend_count", i+1),
			otelapierr.WaitKey.Float64(sl.Waits()[i].Seconds()),
			attribute.Int("http.response.status_code", 503),
		}, ev.Attributes, "resend %d", i+1)
	}
	assert.Equal(t, []time.Duration{3 * time.Second, 6 * time.Second}, sl.Waits())

	rm := tel.collect(t)
	host, port := hostPort(t, srv.URL)
	attrs := attribute.NewSet(
		attribute.String("server.address", host), attribute.Int("server.port", port),
		attribute.String("http.request.method", "GET"),
		attribute.Int("http.response.status_code", 503),
		otelapierr.ReasonKey.String("schedule"), otelapierr.ClassKey.String("backoff"),
	)
	metricdatatest.AssertEqual(t, metricdata.Metrics{
		Name: otelapierr.MetricResends, Unit: "{resend}",
		Description: "Requests an apierr Transport sent again.",
		Data: metricdata.Sum[int64]{
			Temporality: metricdata.CumulativeTemporality, IsMonotonic: true,
			DataPoints: []metricdata.DataPoint[int64]{{Attributes: attrs, Value: 2}},
		},
	}, metricNamed(t, rm, otelapierr.MetricResends), ignoreTimes...)
	metricdatatest.AssertEqual(t, metricdata.Metrics{
		Name: otelapierr.MetricWaitTime, Unit: "s",
		Description: "How long an apierr Transport waited before each resend.",
		Data: metricdata.Histogram[float64]{
			Temporality: metricdata.CumulativeTemporality,
			DataPoints: []metricdata.HistogramDataPoint[float64]{{
				Attributes: attrs, Count: 2, Sum: 9,
				Min: metricdata.NewExtrema(3.0), Max: metricdata.NewExtrema(6.0),
				Bounds:       []float64{0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128},
				BucketCounts: []uint64{0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0},
			}},
		},
	}, metricNamed(t, rm, otelapierr.MetricWaitTime), ignoreTimes...)
	assert.False(t, hasMetric(rm, otelapierr.MetricGiveUps),
		"a request that succeeded gave up nothing")

	// Each measurement's exemplar links it to the request's span: the
	// metrics were recorded in the request's context.
	exemplars := sumPoints(t, rm, otelapierr.MetricResends)[0].Exemplars
	require.NotEmpty(t, exemplars)
	for _, ex := range exemplars {
		assert.Equal(t, span.SpanContext.SpanID().String(), trace.SpanID(ex.SpanID).String())
	}
}

func TestGiveUpsAreEventsAndCounted(t *testing.T) {
	for _, tc := range []struct {
		name   string
		method string
		budget *apierr.Budget
		reason string
	}{
		{
			name: "a POST without an idempotency key is never sent twice", method: http.MethodPost,
			reason: "not-idempotent",
		},
		{
			name: "a resend the host's budget refuses gives up on the budget", method: http.MethodGet,
			budget: &apierr.Budget{Ratio: 0.01, MinPerSecond: -1}, reason: "budget",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tel := newTelemetry(t)
			srv := apierrtest.NewServer(t, unavailable)
			sl := &apierrtest.Sleeper{}
			tr := otelapierr.Instrument(&apierr.Transport{
				Sleep: sl.Sleep, Now: sl.Now, Budget: tc.budget,
			}, otelapierr.WithMeterProvider(tel.meters))

			resp := tel.get(t, tr, tc.method, srv.URL, []byte(`{"valor":1}`))
			assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
			assert.Len(t, srv.Requests(), 1, "the request was sent once")

			span := tel.onlySpan(t)
			assert.Equal(t, attribute.Value{}, attrOf(span.Attributes, "http.request.resend_count"),
				"nothing was resent")
			require.Len(t, span.Events, 1)
			assert.Equal(t, otelapierr.EventGiveUp, span.Events[0].Name)
			assert.ElementsMatch(t, []attribute.KeyValue{
				otelapierr.ReasonKey.String(tc.reason),
				otelapierr.ClassKey.String("backoff"),
				attribute.Int("http.response.status_code", 503),
			}, span.Events[0].Attributes)

			rm := tel.collect(t)
			host, port := hostPort(t, srv.URL)
			metricdatatest.AssertEqual(t, metricdata.Metrics{
				Name: otelapierr.MetricGiveUps, Unit: "{give_up}",
				Description: "Exchanges an apierr Transport ended on an error, by why it " +
					"did not resend.",
				Data: metricdata.Sum[int64]{
					Temporality: metricdata.CumulativeTemporality, IsMonotonic: true,
					DataPoints: []metricdata.DataPoint[int64]{{Value: 1, Attributes: attribute.NewSet(
						attribute.String("server.address", host), attribute.Int("server.port", port),
						attribute.String("http.request.method", tc.method),
						attribute.Int("http.response.status_code", 503),
						otelapierr.ReasonKey.String(tc.reason), otelapierr.ClassKey.String("backoff"),
					)}},
				},
			}, metricNamed(t, rm, otelapierr.MetricGiveUps), ignoreTimes...)
			assert.False(t, hasMetric(rm, otelapierr.MetricResends))
		})
	}
}

func TestTransportFailuresCarryTheirErrorType(t *testing.T) {
	tel := newTelemetry(t)
	// A port nothing listens on: every attempt is refused at once.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	sl := &apierrtest.Sleeper{}
	tr := otelapierr.Instrument(&apierr.Transport{
		Sleep: sl.Sleep, Now: sl.Now, Policy: apierr.Policy{MaxRetries: 2},
	}, otelapierr.WithMeterProvider(tel.meters))

	ctx, span := tel.tracer.Start(context.Background(), "GET")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/", nil)
	require.NoError(t, err)
	_, err = tr.RoundTrip(req)
	span.End()
	require.Error(t, err)

	got := tel.onlySpan(t)
	require.Len(t, got.Events, 3)
	names := []string{got.Events[0].Name, got.Events[1].Name, got.Events[2].Name}
	assert.Equal(t, []string{otelapierr.EventResend, otelapierr.EventResend,
		otelapierr.EventGiveUp}, names)
	for _, ev := range got.Events {
		assert.Equal(t, attribute.StringValue("*net.OpError"), attrOf(ev.Attributes, "error.type"))
		assert.Equal(t, attribute.Value{}, attrOf(ev.Attributes, "http.response.status_code"),
			"no response came")
	}
	assert.Equal(t, attribute.StringValue("retries-spent"),
		attrOf(got.Events[2].Attributes, otelapierr.ReasonKey))

	rm := tel.collect(t)
	resends := sumPoints(t, rm, otelapierr.MetricResends)
	require.Len(t, resends, 1)
	assert.Equal(t, int64(2), resends[0].Value)
	v, ok := resends[0].Attributes.Value("error.type")
	assert.True(t, ok)
	assert.Equal(t, "*net.OpError", v.AsString())
}

func TestCodesOnMetricsAreOnlyThoseTheCatalogKnows(t *testing.T) {
	appCode := apierr.Code("SALDO_BLOQUEADO")
	appCatalog, err := apierr.Documented().With(apierr.Entry{
		Code: appCode, Status: 503, Title: "Saldo bloqueado", Retry: apierr.Backoff,
		Format: apierr.FormatCodeTitleDetail,
	})
	require.NoError(t, err)

	for _, tc := range []struct {
		name      string
		catalog   *apierr.Catalog // the Transport's
		opts      []otelapierr.Option
		status    int
		code      string
		onMetrics string
	}{
		{
			name: "a documented code is counted by name", status: 500,
			code: "ERRO_INTERNO", onMetrics: "ERRO_INTERNO",
		},
		{
			name: "a code no catalog knows is counted as _OTHER", status: 503,
			code: "CODIGO_INVENTADO_42", onMetrics: otelapierr.OtherCode,
		},
		{
			name: "the Transport's own catalog names its application codes", status: 503,
			catalog: appCatalog, code: string(appCode), onMetrics: string(appCode),
		},
		{
			name: "WithCatalog overrides the Transport's catalog", status: 503,
			catalog: appCatalog, opts: []otelapierr.Option{otelapierr.WithCatalog(nil)},
			code: string(appCode), onMetrics: otelapierr.OtherCode,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tel := newTelemetry(t)
			srv := apierrtest.NewServer(t, apierrtest.Status(tc.status,
				http.Header{"Content-Type": {"application/json"}},
				`{"code":"`+tc.code+`","title":"Falha","detail":"Falhou."}`))
			tr := otelapierr.Instrument(&apierr.Transport{
				Catalog: tc.catalog, Policy: apierr.Policy{MaxRetries: -1},
			}, append(tc.opts, otelapierr.WithMeterProvider(tel.meters))...)

			tel.get(t, tr, http.MethodGet, srv.URL, nil)

			span := tel.onlySpan(t)
			require.Len(t, span.Events, 1)
			assert.Equal(t, attribute.StringValue(tc.code), attrOf(span.Events[0].Attributes,
				otelapierr.CodeKey), "a span event keeps the code as received")
			points := sumPoints(t, tel.collect(t), otelapierr.MetricGiveUps)
			require.Len(t, points, 1)
			v, _ := points[0].Attributes.Value(otelapierr.CodeKey)
			assert.Equal(t, tc.onMetrics, v.AsString())
		})
	}
}

func TestInstrumentKeepsTheHookAlreadySet(t *testing.T) {
	tel := newTelemetry(t)
	srv := apierrtest.NewServer(t, unavailable, apierrtest.Status(200, nil, "ok"))
	var seen []apierr.Reason
	tr := otelapierr.Instrument(&apierr.Transport{
		Sleep:   (&apierrtest.Sleeper{}).Sleep,
		OnRetry: func(ev apierr.RetryEvent) { seen = append(seen, ev.Reason) },
	}, otelapierr.WithMeterProvider(tel.meters))

	tel.get(t, tr, http.MethodGet, srv.URL, nil)

	assert.Equal(t, []apierr.Reason{apierr.ReasonSchedule}, seen, "the first hook still runs")
	points := sumPoints(t, tel.collect(t), otelapierr.MetricResends)
	require.Len(t, points, 1)
	assert.Equal(t, int64(1), points[0].Value, "and the resend is counted")
}

func TestInstrumentOfNilIsANewTransport(t *testing.T) {
	tr := otelapierr.Instrument(nil)
	require.NotNil(t, tr)
	assert.NotNil(t, tr.OnRetry)
}

func TestRequestsWithoutARecordingSpanAreStillCounted(t *testing.T) {
	for _, tc := range []struct {
		name string
		ctx  func(tel *telemetry) (context.Context, func())
	}{
		{
			name: "a context with no span",
			ctx:  func(*telemetry) (context.Context, func()) { return context.Background(), func() {} },
		},
		{
			name: "a span the sampler dropped",
			ctx: func(tel *telemetry) (context.Context, func()) {
				tp := sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.NeverSample()),
					sdktrace.WithSyncer(tel.spans))
				ctx, span := tp.Tracer("test").Start(context.Background(), "GET")
				return ctx, func() { span.End() }
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tel := newTelemetry(t)
			srv := apierrtest.NewServer(t, unavailable, apierrtest.Status(200, nil, "ok"))
			hook := otelapierr.OnRetry(otelapierr.WithMeterProvider(tel.meters))
			tr := &apierr.Transport{Sleep: (&apierrtest.Sleeper{}).Sleep, OnRetry: hook}

			ctx, end := tc.ctx(tel)
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
			require.NoError(t, err)
			resp, err := tr.RoundTrip(req)
			require.NoError(t, err)
			drain(t, resp)
			end()

			assert.Empty(t, tel.spans.GetSpans(), "no span was recorded, and none is started")
			points := sumPoints(t, tel.collect(t), otelapierr.MetricResends)
			require.Len(t, points, 1)
			assert.Equal(t, int64(1), points[0].Value)
		})
	}
}

func TestAContextEndedMidWaitGivesUpOnTheContext(t *testing.T) {
	tel := newTelemetry(t)
	srv := apierrtest.NewServer(t, unavailable, apierrtest.Status(200, nil, "ok"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr := otelapierr.Instrument(&apierr.Transport{
		Sleep: func(ctx context.Context, _ time.Duration) error {
			cancel() // the caller gives up while the Transport waits
			return ctx.Err()
		},
	}, otelapierr.WithMeterProvider(tel.meters))

	ctx, span := tel.tracer.Start(ctx, "GET")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	require.NoError(t, err)
	_, err = tr.RoundTrip(req)
	span.End()
	require.ErrorIs(t, err, context.Canceled)

	got := tel.onlySpan(t)
	require.Len(t, got.Events, 2)
	assert.Equal(t, otelapierr.EventResend, got.Events[0].Name)
	assert.Equal(t, otelapierr.EventGiveUp, got.Events[1].Name)
	assert.Equal(t, attribute.StringValue("context"),
		attrOf(got.Events[1].Attributes, otelapierr.ReasonKey))
	points := sumPoints(t, tel.collect(t), otelapierr.MetricGiveUps)
	require.Len(t, points, 1)
	v, _ := points[0].Attributes.Value(otelapierr.ReasonKey)
	assert.Equal(t, "context", v.AsString())
}

func TestARefreshIsAnImmediateResend(t *testing.T) {
	tel := newTelemetry(t)
	srv := apierrtest.NewServer(t, apierrtest.Status(http.StatusUnauthorized,
		http.Header{"Www-Authenticate": {`Bearer realm="api", error="invalid_token"`}}, ""),
		apierrtest.Status(200, nil, "ok"))
	tr := otelapierr.Instrument(&apierr.Transport{
		Sleep: (&apierrtest.Sleeper{}).Sleep,
		Refresh: func(req *http.Request, _ *apierr.Error) error {
			req.Header.Set("Authorization", "Bearer renewed")
			return nil
		},
	}, otelapierr.WithMeterProvider(tel.meters))

	resp := tel.get(t, tr, http.MethodGet, srv.URL, nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Len(t, srv.Requests(), 2)
	assert.Equal(t, "Bearer renewed", srv.Requests()[1].Header.Get("Authorization"))

	span := tel.onlySpan(t)
	require.Len(t, span.Events, 1)
	assert.Equal(t, attribute.StringValue("refresh"), attrOf(span.Events[0].Attributes,
		otelapierr.ReasonKey))
	assert.Equal(t, attribute.StringValue("reauthenticate"), attrOf(span.Events[0].Attributes,
		otelapierr.ClassKey))
	assert.Equal(t, attribute.StringValue("invalid_token"), attrOf(span.Events[0].Attributes,
		otelapierr.CodeKey))
	assert.Equal(t, attribute.Float64Value(0), attrOf(span.Events[0].Attributes,
		otelapierr.WaitKey))

	waits, ok := metricNamed(t, tel.collect(t), otelapierr.MetricWaitTime).
		Data.(metricdata.Histogram[float64])
	require.True(t, ok)
	require.Len(t, waits.DataPoints, 1)
	assert.Equal(t, uint64(1), waits.DataPoints[0].BucketCounts[0],
		"a resend with no wait has a bucket of its own")
}

func TestConcurrentRequestsAreEachCounted(t *testing.T) {
	tel := newTelemetry(t)
	const requests = 32
	srv := apierrtest.NewServer(t)
	for i := range requests { // each request fails once
		srv.Handle("/"+strconv.Itoa(i), unavailable, apierrtest.Status(200, nil, "ok"))
	}
	tr := otelapierr.Instrument(&apierr.Transport{
		Sleep: (&apierrtest.Sleeper{}).Sleep, Budget: &apierr.Budget{Ratio: -1},
	}, otelapierr.WithMeterProvider(tel.meters))

	var wg sync.WaitGroup
	for i := range requests {
		wg.Go(func() {
			ctx, span := tel.tracer.Start(context.Background(), "GET")
			defer span.End()
			req, err := http.NewRequestWithContext(ctx, http.MethodGet,
				srv.URL+"/"+strconv.Itoa(i), nil)
			if !assert.NoError(t, err) {
				return
			}
			resp, err := tr.RoundTrip(req)
			if assert.NoError(t, err) {
				_ = resp.Body.Close()
			}
		})
	}
	wg.Wait()

	points := sumPoints(t, tel.collect(t), otelapierr.MetricResends)
	require.Len(t, points, 1)
	assert.Equal(t, int64(requests), points[0].Value)
	spans := tel.spans.GetSpans()
	require.Len(t, spans, requests)
	for _, s := range spans {
		assert.Equal(t, attribute.IntValue(1), attrOf(s.Attributes, "http.request.resend_count"),
			"each span has its own request's resends, no other's")
	}
}

func TestWithoutAMeterProviderTheGlobalOneCounts(t *testing.T) {
	tel := newTelemetry(t)
	otel.SetMeterProvider(tel.meters)
	t.Cleanup(func() { otel.SetMeterProvider(noop.NewMeterProvider()) })
	srv := apierrtest.NewServer(t, unavailable, apierrtest.Status(200, nil, "ok"))
	tr := otelapierr.Instrument(&apierr.Transport{Sleep: (&apierrtest.Sleeper{}).Sleep})

	tel.get(t, tr, http.MethodGet, srv.URL, nil)

	points := sumPoints(t, tel.collect(t), otelapierr.MetricResends)
	require.Len(t, points, 1)
	assert.Equal(t, int64(1), points[0].Value)
}

// ignoreTimes leaves out of a comparison what varies from run to run:
// timestamps, and the exemplars that carry them.
var ignoreTimes = []metricdatatest.Option{
	metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars(),
}

// telemetry is an SDK tracer and meter provider recording in memory.
type telemetry struct {
	spans  *tracetest.InMemoryExporter
	tracer trace.Tracer
	reader *sdkmetric.ManualReader
	meters *sdkmetric.MeterProvider
}

func newTelemetry(t *testing.T) *telemetry {
	t.Helper()
	spans := tracetest.NewInMemoryExporter()
	// A syncer, not a batcher: spans are exported as they end, with no
	// goroutine to wait for.
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	t.Cleanup(func() {
		assert.NoError(t, tp.Shutdown(context.Background()))
		assert.NoError(t, mp.Shutdown(context.Background()))
	})
	return &telemetry{spans: spans, tracer: tp.Tracer("test"), reader: reader, meters: mp}
}

// get sends a request through tr inside a client span, as otelhttp or the
// caller would start, reads the response whole and ends the span.
func (tel *telemetry) get(t *testing.T, tr http.RoundTripper, method, url string,
	body []byte) *http.Response {
	t.Helper()
	ctx, span := tel.tracer.Start(context.Background(), method,
		trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body) // NewRequest gives it a GetBody
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	require.NoError(t, err)
	resp, err := tr.RoundTrip(req)
	require.NoError(t, err)
	drain(t, resp)
	return resp
}

func (tel *telemetry) onlySpan(t *testing.T) tracetest.SpanStub {
	t.Helper()
	spans := tel.spans.GetSpans()
	require.Len(t, spans, 1)
	return spans[0]
}

func (tel *telemetry) collect(t *testing.T) metricdata.ResourceMetrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, tel.reader.Collect(context.Background(), &rm))
	for _, sm := range rm.ScopeMetrics {
		assert.Equal(t, otelapierr.ScopeName, sm.Scope.Name)
	}
	return rm
}

// findMetric is the metric of that name in rm, if rm has one.
func findMetric(rm metricdata.ResourceMetrics, name string) (metricdata.Metrics, bool) {
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name == name {
				return m, true
			}
		}
	}
	return metricdata.Metrics{}, false
}

func hasMetric(rm metricdata.ResourceMetrics, name string) bool {
	_, ok := findMetric(rm, name)
	return ok
}

func metricNamed(t *testing.T, rm metricdata.ResourceMetrics, name string) metricdata.Metrics {
	t.Helper()
	m, ok := findMetric(rm, name)
	require.True(t, ok, "no metric %s", name)
	return m
}

func sumPoints(t *testing.T, rm metricdata.ResourceMetrics,
	name string) []metricdata.DataPoint[int64] {
	t.Helper()
	sum, ok := metricNamed(t, rm, name).Data.(metricdata.Sum[int64])
	require.True(t, ok, "%s is an int64 sum", name)
	return sum.DataPoints
}

// attrOf is the value of key among kv; the zero Value when it is absent.
func attrOf(kv []attribute.KeyValue, key attribute.Key) attribute.Value {
	for _, a := range kv {
		if a.Key == key {
			return a.Value
		}
	}
	return attribute.Value{}
}

// unavailable is a bare 503, which the catalog calls transient.
var unavailable = apierrtest.Status(http.StatusServiceUnavailable, nil, "")

func hostPort(t *testing.T, rawURL string) (string, int) {
	t.Helper()
	host, p, err := net.SplitHostPort(rawURL[len("http://"):])
	require.NoError(t, err)
	port, err := strconv.Atoi(p)
	require.NoError(t, err)
	return host, port
}

func drain(t *testing.T, resp *http.Response) {
	t.Helper()
	_, err := io.Copy(io.Discard, resp.Body)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
}
