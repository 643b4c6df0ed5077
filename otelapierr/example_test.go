package otelapierr_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/apierrtest"
	"github.com/apierr/apierr/otelapierr"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// A Transport wired with Instrument puts each resend on the request's
// span. Here the caller starts the span; wrapped in otelhttp's Transport,
// the client span otelhttp starts gets the same.
func ExampleInstrument() {
	// An API unavailable once, then answering.
	var calls atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok")
	}))
	defer api.Close()

	spans := tracetest.NewInMemoryExporter()
	tracing := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	defer func() { _ = tracing.Shutdown(context.Background()) }()

	client := &http.Client{Transport: otelapierr.Instrument(&apierr.Transport{
		// The example records the documented 3 s wait instead of sitting it out.
		Sleep: (&apierrtest.Sleeper{}).Sleep,
	})}
	defer client.CloseIdleConnections()

	ctx, span := tracing.Tracer("example").Start(context.Background(), "GET /contas")
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, api.URL+"/contas", nil)
	resp, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	span.End()

	got := spans.GetSpans()[0]
	fmt.Println(resp.StatusCode, "after", apierr.Attempts(resp), "attempts")
	fmt.Println("http.request.resend_count =",
		attrOf(got.Attributes, "http.request.resend_count").String())
	for _, ev := range got.Events {
		fmt.Println(ev.Name, attrOf(ev.Attributes, otelapierr.ReasonKey).String(),
			attrOf(ev.Attributes, otelapierr.WaitKey).String()+"s")
	}
	// Output:
	// 200 after 2 attempts
	// http.request.resend_count = 1
	// apierr.resend schedule 3s
}

// OnRetry's hook composes with others: here it records each decision and
// apierr's own LogRetries logs it. Instrument does this chaining for a
// hook already set on the Transport.
func ExampleOnRetry() {
	record := otelapierr.OnRetry() // the global meter provider
	logRetry := apierr.LogRetries(nil)
	client := &http.Client{Transport: &apierr.Transport{
		OnRetry: func(ev apierr.RetryEvent) {
			logRetry(ev)
			record(ev)
		},
	}}
	_ = client
}
