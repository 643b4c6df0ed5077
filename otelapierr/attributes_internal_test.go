package otelapierr

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
)

func TestMethodsOutsideTheStandardOnesAreOther(t *testing.T) {
	for _, tc := range []struct{ name, method, want string }{
		{"GET is itself", "GET", "GET"},
		{"PATCH is itself", "PATCH", "PATCH"},
		{"QUERY, the newest standard method, is itself", "QUERY", "QUERY"},
		{"an empty method is GET, as net/http sends it", "", "GET"},
		{"a lower-case method is not a standard one", "get", "_OTHER"},
		{"an extension method is _OTHER", "PURGE", "_OTHER"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, method(tc.method))
		})
	}
}

func TestTheHostIsCountedByAddressAndPortOnly(t *testing.T) {
	for _, tc := range []struct {
		name, url string
		host      string
		port      int // 0: no server.port
	}{
		{"an explicit port is kept", "http://api.example:8080/v1/contas?token=x", "api.example", 8080},
		{"http without a port is port 80", "http://api.example/v1", "api.example", 80},
		{"https without a port is port 443", "https://user:pw@api.example/v1", "api.example", 443},
		{"an IPv6 address loses its brackets", "http://[::1]:9/", "::1", 9},
		{"an unknown scheme without a port has no port", "gopher://api.example/", "api.example", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.url)
			require.NoError(t, err)
			ev := apierr.RetryEvent{
				Request: &http.Request{Method: "GET", URL: u}, Attempt: 1,
				Reason: apierr.ReasonSchedule, Retry: apierr.Backoff,
			}
			want := []attribute.KeyValue{
				attribute.String("http.request.method", "GET"),
				ReasonKey.String("schedule"), ClassKey.String("backoff"),
				attribute.String("server.address", tc.host),
			}
			if tc.port != 0 {
				want = append(want, attribute.Int("server.port", tc.port))
			}
			got := metricAttrs(ev, apierr.Documented())
			assert.ElementsMatch(t, want, got.ToSlice(), "no path, query or user info")
		})
	}
}

func TestAnEventWithoutARequestIsStillCounted(t *testing.T) {
	got := metricAttrs(apierr.RetryEvent{Reason: apierr.GiveUpContext}, apierr.Documented())
	v, ok := got.Value(ReasonKey)
	assert.True(t, ok)
	assert.Equal(t, "context", v.AsString())
	_, ok = got.Value("server.address")
	assert.False(t, ok)
}
