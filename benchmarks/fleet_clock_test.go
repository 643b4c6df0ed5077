// This file holds the fleet simulation's clock, and its tests: an
// event-driven scheduler over virtual time that runs one simulated
// goroutine at a time, in the order of the instants they wait for, so that
// a run never sleeps and two runs with the same seed do exactly the same
// thing.

package benchmarks

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// epoch is virtual time zero: a fixed date, so that every run reads the
// same clock and a budget window or Retry-After hold starts at the same
// instant in each.
var epoch = time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)

// clock runs simulated goroutines in virtual time. Each simulated goroutine
// is a real one that runs only while it holds the clock's turn: it runs
// until it waits for a virtual instant (or ends), then hands the turn back,
// and [clock.run] wakes whichever waits for the earliest instant, moving
// the virtual time there. So a wait advances only the waiting goroutine's
// time, never anyone else's; every goroutine sees the instant it woke at
// until it waits again; and the simulated API sees arrivals in virtual
// time order. Ties wake in the order they were scheduled.
//
// Nothing else synchronises: only the goroutine holding the turn touches
// the clock, and the turn passes through channels, which order the memory
// accesses for the race detector too.
type clock struct {
	now     time.Duration // virtual time since epoch: the instant the turn's holder woke at
	queue   wakeups       // who waits, for when
	seq     uint64        // wakeups scheduled so far, for ties
	turn    chan struct{} // the turn's holder sends on it when it waits or ends
	current *worker       // the turn's holder
	idle    []*worker     // goroutines whose function has ended, ready for another
}

// worker is the real goroutine behind simulated ones: when one ends, the
// next goAt reuses it, so that a run of 200 000 requests does not start
// 200 000 goroutines and grow as many stacks.
type worker struct {
	wake chan struct{} // buffered: run's send never waits for the receiver
	job  func()        // the simulated goroutine to run next
}

func newClock() *clock { return &clock{turn: make(chan struct{})} }

// wakeup is one goroutine waiting for a virtual instant.
type wakeup struct {
	at  time.Duration
	seq uint64
	w   *worker
}

// Now is the virtual wall clock, for [apierr.Transport.Now].
func (c *clock) Now() time.Time { return epoch.Add(c.now) }

// Sleep is a [apierr.Transport.Sleep] in virtual time: it returns once the
// virtual clock has reached now+d, at once in real time.
func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.wait(d)
	return ctx.Err()
}

// wait hands the turn back and returns when the virtual clock reaches
// now+d. Only the goroutine holding the turn may call it.
func (c *clock) wait(d time.Duration) {
	w := c.current
	c.schedule(c.now+max(d, 0), w)
	c.turn <- struct{}{}
	<-w.wake
}

// goAt starts f as a simulated goroutine at virtual instant at (now, if
// at is earlier). Only the turn's holder, or the code that calls run
// before run starts, may call it.
func (c *clock) goAt(at time.Duration, f func()) {
	var w *worker
	if n := len(c.idle); n > 0 {
		w, c.idle = c.idle[n-1], c.idle[:n-1]
	} else {
		w = &worker{wake: make(chan struct{}, 1)}
		go c.work(w)
	}
	w.job = f
	c.schedule(max(at, c.now), w)
}

// work runs w's simulated goroutines, one after another, until run ends
// and closes w.wake.
func (c *clock) work(w *worker) {
	for range w.wake {
		job := w.job
		w.job = nil
		job()
		c.idle = append(c.idle, w)
		c.turn <- struct{}{}
	}
}

func (c *clock) schedule(at time.Duration, w *worker) {
	c.seq++
	c.queue.push(wakeup{at: at, seq: c.seq, w: w})
}

// run gives the turn to each waiting goroutine in virtual time order, and
// returns when none is left waiting, its goroutines stopped. A goroutine
// that blocked on anything but the clock (a channel only another simulated
// goroutine would send on) would hang the run: the simulated API and the
// contenders block only in wait.
func (c *clock) run() {
	for len(c.queue) > 0 {
		next := c.queue.pop()
		c.now, c.current = next.at, next.w
		next.w.wake <- struct{}{}
		<-c.turn
	}
	c.current = nil
	for _, w := range c.idle {
		close(w.wake)
	}
	c.idle = nil
}

// wakeups is a binary min-heap on (at, seq), typed so that a push costs no
// allocation beyond the slice's growth (container/heap would box each
// entry in an interface).
type wakeups []wakeup

func (h wakeups) less(i, j int) bool {
	return h[i].at < h[j].at || h[i].at == h[j].at && h[i].seq < h[j].seq
}

func (h *wakeups) push(w wakeup) {
	*h = append(*h, w)
	q := *h
	for i := len(q) - 1; i > 0; {
		parent := (i - 1) / 2
		if !q.less(i, parent) {
			break
		}
		q[i], q[parent] = q[parent], q[i]
		i = parent
	}
}

func (h *wakeups) pop() wakeup {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q[last] = wakeup{} // drop the channel for the collector
	q = q[:last]
	for i := 0; ; {
		smallest, l, r := i, 2*i+1, 2*i+2
		if l < len(q) && q.less(l, smallest) {
			smallest = l
		}
		if r < len(q) && q.less(r, smallest) {
			smallest = r
		}
		if smallest == i {
			break
		}
		q[i], q[smallest] = q[smallest], q[i]
		i = smallest
	}
	*h = q
	return top
}

func TestFleetClock(t *testing.T) {
	t.Run("wakes goroutines in virtual time order, ties in the order scheduled", func(t *testing.T) {
		c := newClock()
		var got []string
		note := func(who string) { got = append(got, fmt.Sprintf("%s@%v", who, c.now)) }
		c.goAt(2*time.Second, func() { note("b"); c.wait(time.Second); note("b") })
		c.goAt(time.Second, func() { note("a"); c.wait(2 * time.Second); note("a") })
		c.goAt(0, func() {
			note("c")
			c.goAt(0, func() { note("d") })
			c.wait(0) // lets d, started at the same instant, run first
			note("c")
		})
		c.run()
		assert.Equal(t, []string{"c@0s", "d@0s", "c@0s", "a@1s", "b@2s", "a@3s", "b@3s"}, got)
	})

	t.Run("a wait moves only the waiting goroutine's time", func(t *testing.T) {
		c := newClock()
		var quick []time.Duration
		c.goAt(0, func() { c.wait(time.Hour) })
		c.goAt(0, func() {
			for range 3 {
				c.wait(time.Second)
				quick = append(quick, c.now)
			}
		})
		c.run()
		assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}, quick)
		assert.Equal(t, time.Hour, c.now, "the run ends at the last wake")
	})

	t.Run("Now is the epoch plus the virtual time", func(t *testing.T) {
		c := newClock()
		var now time.Time
		c.goAt(90*time.Second, func() { now = c.Now() })
		c.run()
		assert.Equal(t, epoch.Add(90*time.Second), now)
	})

	t.Run("Sleep on an ended context returns its error at once", func(t *testing.T) {
		c := newClock()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var err error
		var woke time.Duration
		c.goAt(time.Second, func() { err = c.Sleep(ctx, time.Hour); woke = c.now })
		c.run()
		assert.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, time.Second, woke)
	})

	t.Run("a goroutine started in the past starts now", func(t *testing.T) {
		c := newClock()
		var started time.Duration
		c.goAt(5*time.Second, func() { c.goAt(time.Second, func() { started = c.now }) })
		c.run()
		assert.Equal(t, 5*time.Second, started)
	})
}

func TestFleetWakeups(t *testing.T) {
	var h wakeups
	for i, at := range []time.Duration{5, 1, 4, 1, 3, 2, 5, 0} {
		h.push(wakeup{at: at, seq: uint64(i)})
	}
	var got []string
	for len(h) > 0 {
		w := h.pop()
		got = append(got, fmt.Sprintf("%d/%d", w.at, w.seq))
	}
	assert.Equal(t, []string{"0/7", "1/1", "1/3", "2/5", "3/4", "4/2", "5/0", "5/6"}, got)
}
