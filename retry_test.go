package apierr

import (
	"context"
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
