package apierrtest

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

func TestSleeperRecordsEachWaitAndReturnsAtOnce(t *testing.T) {
	t.Parallel()
	var s Sleeper
	assert.Empty(t, s.Waits(), "the zero Sleeper has waited for nothing")
	require.NoError(t, s.Sleep(context.Background(), time.Hour))
	require.NoError(t, s.Sleep(context.Background(), 3*time.Second))
	assert.Equal(t, []time.Duration{time.Hour, 3 * time.Second}, s.Waits())
	assert.Equal(t, time.Hour+3*time.Second, s.Total())
}

func TestSleeperReturnsTheContextsError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		ctx  func() context.Context
		want error
	}{
		{"a cancelled context gives Canceled", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, context.Canceled},
		{"an expired context gives DeadlineExceeded", func() context.Context {
			ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
			t.Cleanup(cancel)
			return ctx
		}, context.DeadlineExceeded},
		{"a live context gives nil", context.Background, nil},
		{"a nil context counts as live", func() context.Context { return nil }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Sleeper
			assert.Equal(t, tt.want, s.Sleep(tt.ctx(), 6*time.Second))
			assert.Equal(t, []time.Duration{6 * time.Second}, s.Waits(), "the wait is recorded")
		})
	}
}

func TestSleeperIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	var s Sleeper
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			_ = s.Sleep(context.Background(), time.Second)
			_ = s.Waits()
		})
	}
	wg.Wait()
	assert.Len(t, s.Waits(), 100)
	assert.Equal(t, 100*time.Second, s.Total())
}

func TestSleeperMakesTheDocumentedScheduleAnAssertion(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Respond(apierr.New(apierr.ErroInterno)))
	var sleeper Sleeper
	client := &http.Client{Transport: &apierr.Transport{Base: newClient(t).Transport,
		Sleep: sleeper.Sleep}}
	resp, err := client.Get(srv.URL + "/accounts")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 500, resp.StatusCode, "given up: the last response")
	assert.Equal(t, []time.Duration{3 * time.Second, 6 * time.Second, 12 * time.Second,
		24 * time.Second, 48 * time.Second}, sleeper.Waits())
	assert.Equal(t, 93*time.Second, sleeper.Total())
	assert.Len(t, srv.Requests(), 6)
}

func TestSleeperNowAdvancesByTheWaitsAlone(t *testing.T) {
	t.Parallel()
	var s Sleeper
	start := s.Now()
	assert.Equal(t, start, s.Now(), "the clock stands still between waits")
	require.NoError(t, s.Sleep(context.Background(), 3*time.Second))
	require.NoError(t, s.Sleep(context.Background(), -time.Second))
	require.NoError(t, s.Sleep(context.Background(), 6*time.Second))
	assert.Equal(t, start.Add(9*time.Second), s.Now(), "a negative wait counts as none")
	assert.Equal(t, 9*time.Second, s.Total())
}

func TestSleeperNowKeepsTheBudgetAsARealClientWouldSeeIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		virtual bool
		want    int
	}{
		// Five failing calls span 5 × 93 s: each window of the budget sees
		// one call's resends, and every call gets all five.
		{"with the Sleeper's clock, every call resends five times", true, 5 * 6},
		// On the wall clock the five calls take no time at all, and the
		// host's budget (10 resends at first, plus 0.2 per call) runs out.
		{"with the wall clock, the budget runs out", false, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, NginxServiceUnavailable())
			var sleeper Sleeper
			tr := &apierr.Transport{Base: newClient(t).Transport, Sleep: sleeper.Sleep}
			if tt.virtual {
				tr.Now = sleeper.Now
			}
			client := &http.Client{Transport: tr}
			for range 5 {
				resp, err := client.Get(srv.URL)
				require.NoError(t, err)
				resp.Body.Close()
			}
			assert.Len(t, srv.Requests(), tt.want)
		})
	}
}
