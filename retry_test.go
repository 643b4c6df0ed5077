package apierr

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRetryFunc(t *testing.T) {
	noJitter := func() float64 { return 0.5 }
	t.Run("transient errors are retried on the schedule", func(t *testing.T) {
		sl := &sleeper{}
		calls := 0
		err := retry(context.Background(), Policy{}, func(context.Context) error {
			calls++
			if calls < 3 {
				return New(ErroNoFluxoOIDC)
			}
			return nil
		}, sl.Sleep, noJitter)
		require.NoError(t, err)
		assert.Equal(t, 3, calls)
		assert.Equal(t, secs(3, 6), sl.got())
	})
	t.Run("every retry spent returns the last error", func(t *testing.T) {
		sl := &sleeper{}
		calls := 0
		err := retry(context.Background(), Policy{}, func(context.Context) error {
			calls++
			return New(TooManySessions)
		}, sl.Sleep, noJitter)
		assert.Equal(t, TooManySessions, CodeOf(err))
		assert.Equal(t, 6, calls)
	})
	t.Run("a NoRetry error is returned at once", func(t *testing.T) {
		calls := 0
		err := Retry(context.Background(), DefaultPolicy, func(context.Context) error {
			calls++
			return New(ConsentimentoInvalido)
		})
		assert.Equal(t, ConsentimentoInvalido, CodeOf(err))
		assert.Equal(t, 1, calls)
	})
	t.Run("an *Error's Retry-After above MaxWait stops", func(t *testing.T) {
		sl := &sleeper{}
		err := retry(context.Background(), Policy{}, func(context.Context) error {
			return New(ErroInterno).WithRetryAfter(time.Hour)
		}, sl.Sleep, noJitter)
		assert.Error(t, err)
		assert.Empty(t, sl.got())
	})
	t.Run("a context ended mid-wait returns both errors", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		err := Retry(ctx, Policy{Base: time.Hour, Factor: 2, MaxRetries: 1}, func(context.Context) error {
			cancel()
			return New(ErroInterno)
		})
		assert.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, ErroInterno, CodeOf(err))
	})
}

func TestPolicyDelay(t *testing.T) {
	for _, tc := range []struct {
		name   string
		policy Policy
		want   []time.Duration
	}{
		{"the default is 3, 6, 12, 24, 48 s", DefaultPolicy, secs(3, 6, 12, 24, 48)},
		{"MaxWait caps the growth", Policy{Base: time.Second, Factor: 10, MaxRetries: 4,
			MaxWait: 30 * time.Second}, secs(1, 10, 30, 30)},
		{"no MaxWait grows on", Policy{Base: time.Second, Factor: 3, MaxRetries: 3}, secs(1, 3, 9)},
		{"a factor below 1 is constant", Policy{Base: time.Second, Factor: 0.5, MaxRetries: 3},
			secs(1, 1, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []time.Duration
			for n := 1; n <= tc.policy.MaxRetries; n++ {
				got = append(got, tc.policy.Delay(n))
			}
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("out-of-range retries wait 0 and never overflow", func(t *testing.T) {
		assert.Zero(t, DefaultPolicy.Delay(0))
		assert.Zero(t, DefaultPolicy.Delay(-3))
		assert.Equal(t, 48*time.Second, DefaultPolicy.Delay(1000))
		assert.Equal(t, 48*time.Second, Policy{Base: time.Second, Factor: 2}.Delay(1<<20),
			"an unset MaxWait is the documented 48 s")
	})
}

// clock is a virtual clock a test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// outage is a Base that answers every request with a 503, and counts them
// per host.
type outage struct {
	mu     sync.Mutex
	sent   map[string]int
	header http.Header
}

func (o *outage) RoundTrip(req *http.Request) (*http.Response, error) {
	o.mu.Lock()
	if o.sent == nil {
		o.sent = map[string]int{}
	}
	o.sent[req.URL.Host]++
	o.mu.Unlock()
	h := o.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: 503, Header: h, Request: req,
		Body: io.NopCloser(strings.NewReader(`{"code":"ERRO_INTERNO"}`)), ContentLength: 23}, nil
}

func (o *outage) count(host string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sent[host]
}

func get(t *testing.T, tr *Transport, url string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	resp, err := tr.RoundTrip(req)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp
}

func TestBudget(t *testing.T) {
	noWait := func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	t.Run("1 000 requests/s into an outage send at most 1.2 times the load plus the floor",
		func(t *testing.T) {
			base, clk := &outage{}, &clock{now: virtualEpoch}
			giveUps := map[Reason]int{}
			tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now, OnRetry: func(ev RetryEvent) {
				if ev.Reason.GiveUp() {
					giveUps[ev.Reason]++
				}
			}}
			for range 1000 {
				get(t, tr, "http://api.test/pix")
				clk.advance(time.Millisecond)
			}
			sent := base.count("api.test")
			t.Logf("1000 requests, %d sent; give-ups %v", sent, giveUps)
			assert.LessOrEqual(t, sent, 1000+200+10, "Ratio 0.2 of 1000 first attempts, floor 10")
			assert.GreaterOrEqual(t, sent, 1000+200, "the budget is spent, not hoarded")
			assert.Equal(t, 1000, giveUps[GiveUpBudget]+giveUps[GiveUpRetriesSpent],
				"every request ends in one give-up")
			assert.Greater(t, giveUps[GiveUpBudget], 900, "a refused resend is a give-up")
		})
	t.Run("first attempts are never held back", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now,
			Budget: &Budget{Ratio: 0.01, MinPerSecond: -1}}
		for range 100 {
			get(t, tr, "http://api.test/")
		}
		assert.Equal(t, 101, base.count("api.test"), "100 first attempts and 1 resend")
	})
	t.Run("a host never seen before has the floor at once: all five resends", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now}
		resp := get(t, tr, "http://fresh.test/")
		assert.Equal(t, 6, Attempts(resp))
	})
	t.Run("a client sending one request a minute keeps all five resends", func(t *testing.T) {
		base := &outage{}
		sl := &sleeper{}
		tr := &Transport{Base: base, Sleep: sl.Sleep, Now: sl.Now}
		for range 30 {
			resp := get(t, tr, "http://api.test/")
			assert.Equal(t, 6, Attempts(resp))
			sl.mu.Lock()
			sl.now += time.Minute
			sl.mu.Unlock()
		}
		assert.Equal(t, 30*6, base.count("api.test"))
	})
	t.Run("Ratio -1 is no limit", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now, Budget: &Budget{Ratio: -1}}
		for range 200 {
			get(t, tr, "http://api.test/")
		}
		assert.Equal(t, 200*6, base.count("api.test"))
	})
	t.Run("each host has a budget of its own, ports apart", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now,
			Budget: &Budget{Ratio: 0.0001, MinPerSecond: 0.5}} // a floor of 5 resends
		get(t, tr, "http://a.test/")
		get(t, tr, "http://a.test/")
		get(t, tr, "http://a.test:8080/")
		get(t, tr, "https://b.test/")
		assert.Equal(t, 2+5, base.count("a.test"), "the second request finds the floor spent")
		assert.Equal(t, 6, base.count("a.test:8080"))
		assert.Equal(t, 6, base.count("b.test"))
	})
	t.Run("the window slides: a spent budget returns after a window", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now,
			Budget: &Budget{Ratio: 0.0001, MinPerSecond: 0.5}}
		get(t, tr, "http://a.test/")
		get(t, tr, "http://a.test/")
		require.Equal(t, 7, base.count("a.test"))
		clk.advance(11 * time.Second)
		get(t, tr, "http://a.test/")
		assert.Equal(t, 7+6, base.count("a.test"))
	})
	t.Run("idle hosts are forgotten: memory follows the hosts in use", func(t *testing.T) {
		base, clk := &outage{}, &clock{now: virtualEpoch}
		tr := &Transport{Base: base, Sleep: noWait, Now: clk.Now}
		for i := range 50 {
			get(t, tr, fmt.Sprintf("http://h%d.test/", i))
		}
		assert.Len(t, tr.hosts.byKey, 50)
		clk.advance(11 * time.Second)
		get(t, tr, "http://last.test/")
		clk.advance(11 * time.Second)
		get(t, tr, "http://last.test/")
		assert.Len(t, tr.hosts.byKey, 1)
	})
}

func TestHostRetryAfterHolds(t *testing.T) {
	t.Run("another request's resend waits for the host's Retry-After", func(t *testing.T) {
		clk := &clock{now: virtualEpoch}
		held := &outage{header: http.Header{"Retry-After": {"20"}}}
		var waits []RetryEvent
		tr := &Transport{Base: held, Now: clk.Now, Policy: Policy{MaxRetries: 1},
			Sleep: func(ctx context.Context, d time.Duration) error { return nil },
			OnRetry: func(ev RetryEvent) {
				if !ev.Reason.GiveUp() {
					waits = append(waits, ev)
				}
			}}
		get(t, tr, "http://api.test/a") // asks the host to wait until +20 s
		clk.advance(5 * time.Second)
		held.header = nil // the next answer names no wait of its own
		get(t, tr, "http://api.test/b")
		require.Len(t, waits, 2)
		assert.Equal(t, ReasonRetryAfter, waits[0].Reason)
		assert.Equal(t, 20*time.Second, waits[0].Wait)
		assert.Equal(t, ReasonHostRetryAfter, waits[1].Reason)
		assert.Equal(t, 15*time.Second, waits[1].Wait, "not before +20 s")
	})
	t.Run("a hold longer than MaxWait makes another request give up", func(t *testing.T) {
		clk := &clock{now: virtualEpoch}
		held := &outage{header: http.Header{"Retry-After": {"40"}}}
		var last RetryEvent
		tr := &Transport{Base: held, Now: clk.Now, Policy: Policy{MaxWait: 30 * time.Second},
			Sleep:   func(ctx context.Context, d time.Duration) error { return nil },
			OnRetry: func(ev RetryEvent) { last = ev }}
		get(t, tr, "http://api.test/a")
		assert.Equal(t, GiveUpRetryAfterTooLong, last.Reason)
		held.header = nil
		get(t, tr, "http://api.test/b")
		assert.Equal(t, GiveUpRetryAfterTooLong, last.Reason, "the host still holds for 40 s")
		get(t, tr, "http://other.test/")
		assert.Equal(t, GiveUpRetriesSpent, last.Reason, "another host is not held")
	})
}

func TestHostHoldThatBeginsDuringAWait(t *testing.T) {
	clk := &clock{now: virtualEpoch}
	var sentAt []time.Duration // when /a's attempts reached the API
	var aCalls int
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		h := http.Header{}
		status := 503
		switch req.URL.Path {
		case "/a":
			sentAt = append(sentAt, clk.Now().Sub(virtualEpoch))
			if aCalls++; aCalls > 1 {
				status = 200
			}
		case "/b":
			h.Set("Retry-After", "20")
		}
		return &http.Response{StatusCode: status, Header: h, Request: req, Body: http.NoBody}, nil
	})
	var tr *Transport
	var waits []time.Duration
	other := false
	tr = &Transport{Base: base, Now: clk.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		if !other { // while /a waits its 3 s, /b's answer asks the host for 20 s of quiet
			other = true
			clk.advance(time.Second)
			req, _ := http.NewRequest("POST", "http://api.test/b", strings.NewReader("{}"))
			resp, err := tr.RoundTrip(req)
			require.NoError(t, err)
			_ = resp.Body.Close()
			d -= time.Second
		}
		clk.advance(d)
		return nil
	}}
	resp := get(t, tr, "http://api.test/a")
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, []time.Duration{3 * time.Second, 18 * time.Second}, waits,
		"the planned 3 s, then the rest of the hold")
	assert.Equal(t, []time.Duration{0, 21 * time.Second}, sentAt, "no resend before +21 s")
}

func TestGiveUpAfterTheWaitKeepsTheLastResponse(t *testing.T) {
	clk := &clock{now: virtualEpoch}
	var tr *Transport
	calls := 0
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		calls++
		h := http.Header{}
		if req.URL.Path == "/b" {
			h.Set("Retry-After", "600") // far beyond MaxWait
		}
		return &http.Response{StatusCode: 503, Header: h, Request: req,
			Body: io.NopCloser(strings.NewReader(`{"code":"ERRO_INTERNO"}`))}, nil
	})
	var last RetryEvent
	tr = &Transport{Base: base, Now: clk.Now, OnRetry: func(ev RetryEvent) { last = ev },
		Sleep: func(ctx context.Context, d time.Duration) error {
			if calls == 1 {
				req, _ := http.NewRequest("POST", "http://api.test/b", nil)
				resp, err := tr.RoundTrip(req)
				require.NoError(t, err)
				_ = resp.Body.Close()
			}
			clk.advance(d)
			return nil
		}}
	req, _ := http.NewRequest("GET", "http://api.test/a", nil)
	resp, err := tr.RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, GiveUpRetryAfterTooLong, last.Reason)
	assert.Equal(t, 2, calls, "/a once, /b once: /a is not resent into a 600 s hold")
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, `{"code":"ERRO_INTERNO"}`, readAll(t, resp), "the last response, whole")
}
