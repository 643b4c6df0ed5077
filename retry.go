package apierr

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Policy is a backoff schedule: the wait before resend n is
// Base × Factor^(n-1), capped at MaxWait, for n from 1 to MaxRetries.
type Policy struct {
	Base       time.Duration // first wait
	Factor     float64       // growth per retry
	MaxRetries int           // resends after the first attempt
	MaxWait    time.Duration // the longest single wait
	Jitter     float64       // 0: exact schedule; 0.2: each wait drawn from ±20%
}

// DefaultPolicy is seed 003's schedule for 5xx errors and Too Many Sessions:
// "um intervalo base de três segundos com um fator de duplicação", "até
// cinco novas tentativas": 3 s, 6 s, 12 s, 24 s and 48 s, 93 s in all.
var DefaultPolicy = Policy{
	Base: 3 * time.Second, Factor: 2, MaxRetries: 5, MaxWait: 48 * time.Second,
}

// Delay returns the wait before resend number retry (1 for the first
// resend): Base × Factor^(retry-1), capped at MaxWait when MaxWait is set,
// without jitter. A retry below 1 or a Base of 0 waits 0.
func (p Policy) Delay(retry int) time.Duration {
	if retry < 1 || p.Base <= 0 {
		return 0
	}
	factor := p.Factor
	if factor < 1 {
		factor = 1 // a shrinking schedule is a misconfiguration, not a feature
	}
	limit := p.MaxWait
	if limit <= 0 {
		limit = maxRetryAfter
	}
	d := float64(p.Base)
	for i := 1; i < retry && d < float64(limit); i++ {
		d *= factor
	}
	if d >= float64(limit) {
		return limit
	}
	return time.Duration(d)
}

// maxRetryAfter bounds a Retry-After so that arithmetic on it cannot
// overflow; any wait this long is "not in this process's lifetime" anyway.
const maxRetryAfter = 100 * 365 * 24 * time.Hour

// orDefault is p, or DefaultPolicy for the zero Policy.
func (p Policy) orDefault() Policy {
	if p == (Policy{}) {
		return DefaultPolicy
	}
	return p
}

// next plans the wait before resend n: the longer of the jittered schedule
// and the server's Retry-After, serverWins telling which. ok is false when
// the server asks for more than MaxWait, or when the wait would end after
// ctx's deadline: no resend is worth waiting for then. Transport and Retry
// share it, so both keep the same rules.
func (p Policy) next(ctx context.Context, n int, retryAfter time.Duration,
	random func() float64) (wait time.Duration, serverWins, ok bool) {
	if p.MaxWait > 0 && retryAfter > p.MaxWait {
		return 0, false, false
	}
	wait = p.jittered(n, random)
	if retryAfter > wait {
		wait, serverWins = retryAfter, true
	}
	if deadline, has := ctx.Deadline(); has && time.Until(deadline) < wait {
		return 0, false, false
	}
	return wait, serverWins, true
}

// jittered is Delay(n) drawn from ±Jitter around itself, never above
// MaxWait.
func (p Policy) jittered(n int, random func() float64) time.Duration {
	d := p.Delay(n)
	if p.Jitter <= 0 || d <= 0 {
		return d
	}
	spread := min(p.Jitter, 1)
	d = time.Duration(float64(d) * (1 + spread*(2*random()-1)))
	if p.MaxWait > 0 {
		d = min(d, p.MaxWait)
	}
	return max(d, 0)
}

// sleepContext waits d, or until ctx ends, whichever comes first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// Retry calls f until it succeeds, returns an error RetryOf does not call
// Backoff, or policy's retries are spent, waiting the schedule (or an
// *Error's longer RetryAfter) between calls. It is Transport's rule set for
// work that is not an HTTP request. A context that ends mid-wait ends Retry
// with both the context's error and f's last one.
func Retry(ctx context.Context, policy Policy, f func(context.Context) error) error {
	return retry(ctx, policy, f, sleepContext, rand.Float64)
}

func retry(ctx context.Context, policy Policy, f func(context.Context) error,
	sleep func(context.Context, time.Duration) error, random func() float64) error {
	policy = policy.orDefault()
	for n := 1; ; n++ {
		err := f(ctx)
		if err == nil || RetryOf(err) != Backoff || n > policy.MaxRetries {
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return joinContext(cerr, err)
		}
		var retryAfter time.Duration
		if e, ok := errors.AsType[*Error](err); ok {
			retryAfter = e.RetryAfter
		}
		wait, _, ok := policy.next(ctx, n, retryAfter, random)
		if !ok {
			return err
		}
		if serr := sleep(ctx, wait); serr != nil {
			return joinContext(serr, err)
		}
	}
}

// joinContext reports that the context ended without losing f's last error.
func joinContext(ctxErr, last error) error {
	if errors.Is(last, ctxErr) {
		return last
	}
	return errors.Join(ctxErr, last)
}
