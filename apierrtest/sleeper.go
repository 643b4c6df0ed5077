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
// (Waits is [3s 6s 12s 24s 48s]) instead of 93 seconds of a test.
//
// Its [Sleeper.Now] is the clock those waits advance: give it to the
// Transport's Now as well, and the per-host budget and Retry-After holds
// see the time a real client would have waited, so that many calls in one
// test behave as they would spread over that time. The zero Sleeper is
// ready to use; it is safe for concurrent use.
type Sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
	total time.Duration
	start time.Time // the wall clock when the Sleeper was first used
}

// Sleep records d and returns ctx's error if ctx has ended, else nil. It
// never blocks, and records d even when ctx has ended: the wait was asked
// for. A nil ctx counts as one that has not ended.
func (s *Sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.started()
	s.waits = append(s.waits, d)
	s.total += max(d, 0)
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

// Total returns the sum of the waits asked for so far (a negative one
// counting as none): how long a real client would have slept.
func (s *Sleeper) Total() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// Now returns the time when the Sleeper was first used, plus every wait
// asked of it since: a clock that stands still but for the waits.
func (s *Sleeper) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.started()
	return s.start.Add(s.total)
}

// started sets the clock's start on first use; s.mu is held.
func (s *Sleeper) started() {
	if s.start.IsZero() {
		s.start = time.Now()
	}
}
