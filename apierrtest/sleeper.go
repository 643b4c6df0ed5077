// This file holds the Sleeper: a wait that records what it was asked for
// and returns at once, so that a test of the retry schedule never sleeps.

package apierrtest

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Sleeper is an [apierr.Transport] Sleep that records every wait asked of
// it and returns at once: the documented schedule becomes an assertion
// (Waits is [3s 6s 12s 24s 48s]) instead of 93 seconds of a test. The zero
// Sleeper is ready to use; it is safe for concurrent use.
type Sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
}

// Sleep records d and returns ctx's error if ctx has ended, else nil. It
// never blocks, and records d even when ctx has ended: the wait was asked
// for. A nil ctx counts as one that has not ended.
func (s *Sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}

// Waits returns the waits asked for so far, in order.
func (s *Sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.waits)
}

// Total returns the sum of the waits asked for so far: how long a real
// client would have slept.
func (s *Sleeper) Total() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	var total time.Duration
	for _, d := range s.waits {
		total += d
	}
	return total
}
