// This file holds the fleet simulation's contenders: four retrying HTTP
// clients, each configured to resend five times on the documented 3 s
// doubling schedule, each waiting on the simulation's virtual clock.

package benchmarks

import (
	"net/http"
	"time"

	"github.com/apierr/apierr"
	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/budget"
	"github.com/failsafe-go/failsafe-go/failsafehttp"
	"github.com/hashicorp/go-retryablehttp"
)

// fleetContender is one retrying client under test. client builds a fresh
// one, with fresh budget state, over the simulated API, waiting on c.
type fleetContender struct {
	name   string
	client func(c *clock, api http.RoundTripper) *http.Client
}

// fleetContenders are the contenders, in the order of every table and plot.
var fleetContenders = []fleetContender{
	{"apierr", apierrClient(nil)},
	{"apierr, no budget", apierrClient(&apierr.Budget{Ratio: -1})},
	{"go-retryablehttp", retryableClient},
	{"failsafe-go", failsafeClient},
}

// apierrClient is apierr's Transport as a user writes it, with the
// simulation's clock for its waits, its budget window and its host holds.
// A nil budget is the default Budget.
func apierrClient(b *apierr.Budget) func(*clock, http.RoundTripper) *http.Client {
	return func(c *clock, api http.RoundTripper) *http.Client {
		return &http.Client{Transport: &apierr.Transport{
			Base: api, Budget: b, Sleep: c.Sleep, Now: c.Now,
		}}
	}
}

// retryableClient is go-retryablehttp's default client (its CheckRetry,
// its DefaultBackoff) with the documented schedule: RetryMax 5,
// RetryWaitMin 3 s and RetryWaitMax 48 s make DefaultBackoff's
// min × 2^attempt give 3, 6, 12, 24 and 48 s, and it keeps its own rule of
// waiting a 429's or 503's Retry-After instead. Its logger is off: by
// default it writes a line per resend.
//
// retryablehttp waits on a real timer, with no clock to inject, so its
// Backoff is wrapped: the wrapper waits DefaultBackoff's duration on the
// virtual clock and gives the real timer 0. Backoff is called exactly where
// the timer's wait begins, so nothing else moves.
func retryableClient(c *clock, api http.RoundTripper) *http.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{Transport: api}
	rc.Logger = nil
	rc.RetryMax = apierr.DefaultPolicy.MaxRetries
	rc.RetryWaitMin = apierr.DefaultPolicy.Base
	rc.RetryWaitMax = apierr.DefaultPolicy.MaxWait
	rc.Backoff = func(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
		c.wait(retryablehttp.DefaultBackoff(lo, hi, attempt, resp))
		return 0
	}
	return rc.StandardClient()
}

// failsafeClient is failsafe-go's HTTP retry policy
// (failsafehttp.NewRetryPolicyBuilder: 429 and 5xx but 501 resent, a
// Retry-After waited) with five retries on the documented schedule and its
// retry budget, budget.New(): at most 20% of the executions in flight may
// be retries, once 3 retries are in flight. That budget is failsafe-go's
// protection aimed at retry storms; its circuit breaker also sheds first
// attempts, a different contract, and times its open state by a wall clock
// the simulation cannot drive.
//
// failsafe-go waits on a real timer, with no clock to inject, so the delay
// is a DelayFunc that waits on the virtual clock (the response's
// Retry-After by failsafehttp.DelayFunc, else the documented schedule) and
// gives the real timer 0. failsafe-go calls it where its timer's wait
// begins: after the failed attempt has released its budget permit and
// before the next one asks for one, so the budget sees what a real wait
// would show it.
func failsafeClient(c *clock, api http.RoundTripper) *http.Client {
	policy := failsafehttp.NewRetryPolicyBuilder().
		WithMaxRetries(apierr.DefaultPolicy.MaxRetries).
		WithBudget(budget.New()).
		WithDelayFunc(func(exec failsafe.ExecutionAttempt[*http.Response]) time.Duration {
			d := failsafehttp.DelayFunc(exec)
			if d < 0 {
				d = apierr.DefaultPolicy.Delay(exec.Attempts())
			}
			c.wait(d)
			return 0
		}).
		Build()
	return &http.Client{Transport: failsafehttp.NewRoundTripper(api, policy)}
}
