package apierrtest

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// schedule is the documents' wait before each of the five resends.
var schedule = []time.Duration{3 * time.Second, 6 * time.Second, 12 * time.Second,
	24 * time.Second, 48 * time.Second}

func TestEveryFailureReadsBackAsItsClass(t *testing.T) {
	t.Parallel()
	for f := range Failures() {
		t.Run(f.Name+" is "+f.Retry.String(), func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, f.Step)
			resp, err := newClient(t).Get(srv.URL + "/accounts")
			if err != nil {
				assert.Equal(t, f.Retry, apierr.RetryOf(err), "the transport error %v", err)
				return
			}
			e, ok := apierr.FromResponse(resp).(*apierr.Error)
			require.True(t, ok, "status %d is an error", resp.StatusCode)
			assert.Equal(t, f.Retry, e.Retry, "%d %q: %s", e.Status, e.Code, e.Detail)
		})
	}
}

func TestEveryFailureMeetsATransportAsItsClassSays(t *testing.T) {
	t.Parallel()
	for f := range Failures() {
		t.Run(f.Name+" is "+f.Retry.String()+" through a Transport", func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, f.Step)
			var sleeper Sleeper
			var refreshed atomic.Int32
			client := &http.Client{Transport: &apierr.Transport{
				Base:  newClient(t).Transport,
				Sleep: sleeper.Sleep,
				Refresh: func(r *http.Request, _ *apierr.Error) error {
					refreshed.Add(1)
					r.Header.Set("Authorization", "Bearer renewed")
					return nil
				},
			}}
			req, err := http.NewRequest(http.MethodGet, srv.URL+"/accounts", nil)
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer expired")
			if resp, err := client.Do(req); err == nil {
				resp.Body.Close()
			}
			reqs := srv.Requests()
			switch f.Retry {
			case apierr.Backoff:
				assert.Equal(t, schedule, sleeper.Waits(), "resent on the schedule")
				assert.Len(t, reqs, 6)
			case apierr.Reauthenticate:
				assert.Equal(t, int32(1), refreshed.Load(), "credentials renewed once")
				require.Len(t, reqs, 2, "then resent once")
				assert.Equal(t, "Bearer renewed", reqs[1].Header.Get("Authorization"))
				assert.Zero(t, sleeper.Total(), "a 401 proves nothing ran: no wait")
			default:
				assert.Len(t, reqs, 1, "given up at once")
				assert.Empty(t, sleeper.Waits())
				assert.Zero(t, refreshed.Load())
			}
		})
	}
}

func TestFailuresListEachDocumentedFailureOnce(t *testing.T) {
	t.Parallel()
	var codes, others []string
	seen := map[string]bool{}
	for f := range Failures() {
		assert.False(t, seen[f.Name], "%s is listed twice", f.Name)
		seen[f.Name] = true
		require.NoError(t, f.Step.check(), f.Name)
		if _, ok := apierr.Lookup(apierr.Code(f.Name)); ok {
			codes = append(codes, f.Name)
		} else {
			others = append(others, f.Name)
		}
	}
	var entries []string
	for e := range apierr.Documented().Entries() {
		entries = append(entries, string(e.Code))
	}
	assert.Equal(t, entries, codes, "every catalog entry, in catalog order")
	assert.Equal(t, []string{
		"nginx 502", "nginx 504", "nginx 429", "nginx 429 Retry-After", "nginx 503", "nginx 413",
		"HAProxy 504", "Caddy 502", "Caddy 504",
		"Envoy 503 no healthy upstream", "Envoy 503 connection failure",
		"Kong 404", "Kong 502", "Kong 429",
		"connection reset", "truncated body", "401 no token",
	}, others)
	t.Logf("Failures: %d catalog entries, %d gateway pages, %d others", len(codes),
		len(others)-3, 3)
}

func TestEveryFailureButAResetIsAnErrorResponse(t *testing.T) {
	t.Parallel()
	for f := range Failures() {
		t.Run(f.Name+" answers with a status of 400 or more", func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, f.Step)
			resp, err := newClient(t).Get(srv.URL)
			if f.Name == "connection reset" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			resp.Body.Close()
			assert.GreaterOrEqual(t, resp.StatusCode, 400)
		})
	}
}

func TestFailuresStopsWhenTheLoopDoes(t *testing.T) {
	t.Parallel()
	n := 0
	for range Failures() {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
	n = 0
	for f := range Failures() {
		n++
		if f.Name == "nginx 504" {
			break
		}
	}
	var entries int
	for range apierr.Documented().Entries() {
		entries++
	}
	assert.Equal(t, entries+2, n, "the loop stopped among the pages")
}
