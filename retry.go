// This file holds how much to resend: the backoff schedule ([Policy],
// [Policy.Delay], [Retry]) and the per-host [Budget] that keeps a fleet of
// clients from multiplying an outage.

package apierr

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/url"
	"sync"
	"time"
)

// Policy is a backoff schedule: the wait before resend n is
// Base × Factor^(n-1), capped at MaxWait, for n from 1 to MaxRetries.
//
// Each zero field takes [DefaultPolicy]'s value, so Policy{} is the
// documented schedule, Policy{MaxRetries: 2} waits 3 s then 6 s, and
// Policy{Jitter: 0.2} is the documented schedule with jitter. A partly
// filled Policy never means "resend at once, in a tight loop".
type Policy struct {
	Base       time.Duration // first wait; 0: 3 s
	Factor     float64       // growth per retry; 0: 2 (below 1: 1, a flat schedule)
	MaxRetries int           // resends after the first attempt; 0: 5; < 0: never resend
	MaxWait    time.Duration // the longest single wait and Retry-After worth waiting for; 0: 48 s
	Jitter     float64       // 0: exact schedule; 0.2: each wait drawn from ±20%; at most 1
}

// DefaultPolicy is the schedule Brick Bank's "Erros comuns e possíveis
// tratativas" gives for 5xx errors and Too Many Sessions: "um intervalo base
// de três segundos com um fator de duplicação", "até cinco novas
// tentativas": 3 s, 6 s, 12 s, 24 s and 48 s, 93 s in all.
//
// It is the documented schedule for reading, not a setting: the zero
// fields of every Policy take their values from [documentedPolicy], so
// assigning to DefaultPolicy changes no other package's Transport. Set
// [Transport.Policy] instead.
var DefaultPolicy = documentedPolicy()

// documentedPolicy is DefaultPolicy's value, out of reach of assignment.
func documentedPolicy() Policy {
	return Policy{Base: 3 * time.Second, Factor: 2, MaxRetries: 5, MaxWait: 48 * time.Second}
}

// orDefault fills p's zero (or meaningless negative) fields from the
// documented schedule.
func (p Policy) orDefault() Policy {
	d := documentedPolicy()
	if p.Base <= 0 {
		p.Base = d.Base
	}
	switch {
	case p.Factor == 0:
		p.Factor = d.Factor
	case !(p.Factor >= 1): // below 1, or NaN: a shrinking schedule is a misconfiguration
		p.Factor = 1
	}
	if p.MaxRetries == 0 {
		p.MaxRetries = d.MaxRetries
	}
	if p.MaxWait <= 0 {
		p.MaxWait = d.MaxWait
	}
	if !(p.Jitter > 0) { // NaN too
		p.Jitter = 0
	}
	p.Jitter = min(p.Jitter, 1)
	return p
}

// Delay returns the wait before resend number retry (1 for the first
// resend): Base × Factor^(retry-1), capped at MaxWait, without jitter,
// zero fields taking DefaultPolicy's values. A retry below 1 waits 0.
func (p Policy) Delay(retry int) time.Duration {
	if retry < 1 {
		return 0
	}
	p = p.orDefault()
	d := float64(p.Base)
	for i := 1; i < retry && d < float64(p.MaxWait); i++ {
		d *= p.Factor
	}
	if d >= float64(p.MaxWait) {
		return p.MaxWait
	}
	return time.Duration(d)
}

// maxRetryAfter bounds a Retry-After so that arithmetic on it cannot
// overflow; any wait this long is "not in this process's lifetime" anyway.
const maxRetryAfter = 100 * 365 * 24 * time.Hour

// decision is what follows a failed attempt: a resend after the wait d,
// or a give-up; reason says which and why.
type decision struct {
	d      time.Duration
	reason Reason // a resend reason, or a give-up reason
}

// plan decides the wait before resend n of a policy already filled by
// orDefault: the longest of the jittered schedule, the response's own
// Retry-After and the host's hold (a Retry-After another response set).
// It gives up when retries are spent, when a server asks for more than
// MaxWait, or when the wait would end after the deadline (left < 0: none).
// Transport and Retry share it, so both keep the same rules.
func (p Policy) plan(n int, retryAfter, hold, left time.Duration, random func() float64) decision {
	switch {
	case p.MaxRetries < 0 || n > p.MaxRetries:
		return decision{reason: GiveUpRetriesSpent}
	case retryAfter > p.MaxWait || hold > p.MaxWait:
		return decision{reason: GiveUpRetryAfterTooLong}
	}
	w := decision{d: p.jittered(n, random), reason: ReasonSchedule}
	if retryAfter > w.d {
		w = decision{d: retryAfter, reason: ReasonRetryAfter}
	}
	if hold > w.d {
		w = decision{d: hold, reason: ReasonHostRetryAfter}
	}
	if left >= 0 && left < w.d {
		return decision{reason: GiveUpDeadline}
	}
	return w
}

// jittered is Delay(n) drawn from ±Jitter around itself, never above
// MaxWait.
func (p Policy) jittered(n int, random func() float64) time.Duration {
	d := p.Delay(n)
	if p.Jitter <= 0 || d <= 0 {
		return d
	}
	r := random()
	if !(r >= 0 && r < 1) { // a source that strays gets the schedule itself
		r = 0.5
	}
	d = time.Duration(float64(d) * (1 + p.Jitter*(2*r-1)))
	return min(max(d, 0), p.MaxWait)
}

// untilDeadline is how long ctx has left at now, or -1 when it has no
// deadline.
func untilDeadline(ctx context.Context, now time.Time) time.Duration {
	deadline, ok := ctx.Deadline()
	if !ok {
		return -1
	}
	return max(deadline.Sub(now), 0)
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

// Retry calls f until it succeeds, returns an error [RetryOf] does not call
// [Backoff], or policy's retries are spent, waiting the schedule (or an
// [*Error]'s longer RetryAfter) between calls: the [Transport]'s rules for
// work that is not an HTTP request. It stops at once when a RetryAfter
// exceeds MaxWait or a wait would outlive ctx's deadline. A context that
// ends mid-wait ends Retry with both the context's error and f's last one.
func Retry(ctx context.Context, policy Policy, f func(context.Context) error) error {
	return retry(ctx, policy, f, sleepContext, rand.Float64)
}

func retry(ctx context.Context, policy Policy, f func(context.Context) error,
	sleep func(context.Context, time.Duration) error, random func() float64) error {
	policy = policy.orDefault()
	for n := 1; ; n++ {
		err := f(ctx)
		if err == nil || RetryOf(err) != Backoff {
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return joinContext(cerr, err)
		}
		var retryAfter time.Duration
		if e, ok := errors.AsType[*Error](err); ok {
			retryAfter = e.RetryAfter
		}
		w := policy.plan(n, retryAfter, 0, untilDeadline(ctx, time.Now()), random)
		if w.reason.GiveUp() {
			return err
		}
		if serr := sleep(ctx, w.d); serr != nil {
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

// Budget bounds a [Transport]'s resends per host, so that a fleet of
// clients cannot multiply an outage: within any Window, a host's resends
// are at most Ratio × its first attempts + MinPerSecond × the Window's
// seconds. A host never seen before has that floor (10 resends by default)
// available at once; a first attempt is never held back. A resend the
// budget refuses is a give-up: the last response is returned, with a
// [GiveUpBudget] event.
//
// With the defaults, a client sending 1 000 requests/s into a total outage
// sends at most about 1.2 times its own load, not 6 times; a client sending
// a request a minute keeps all five resends.
type Budget struct {
	Ratio        float64       // resends per first attempt within Window; 0: 0.2; < 0: no limit
	MinPerSecond float64       // resends per second of Window allowed whatever the ratio; 0: 1; < 0: none
	Window       time.Duration // 0: 10 s
}

// budgetSlots is how many parts a Window is counted in, in constant memory
// per host: the current slot, the nine before it, and the one the window
// is sliding off, counted for the part of it still inside. The allowance
// then frees as the window slides, not a tenth at a time in a burst.
const budgetSlots = 11

// orDefault fills b's zero fields; a nil b is the default Budget.
func (b *Budget) orDefault() Budget {
	var v Budget
	if b != nil {
		v = *b
	}
	if v.Ratio == 0 {
		v.Ratio = 0.2
	}
	switch {
	case v.MinPerSecond == 0:
		v.MinPerSecond = 1
	case v.MinPerSecond < 0:
		v.MinPerSecond = 0
	}
	if v.Window <= 0 {
		v.Window = 10 * time.Second
	}
	return v
}

// hostKey is a request URL's host and port, the port filled in from the
// scheme, without building a string per request.
type hostKey struct{ host, port string }

func keyOf(u *url.URL) hostKey {
	if u == nil {
		return hostKey{}
	}
	k := hostKey{host: u.Hostname(), port: u.Port()}
	if k.port == "" {
		k.port = "80"
		if u.Scheme == "https" {
			k.port = "443"
		}
	}
	return k
}

// hosts is a Transport's per-host memory: its budget window and its
// Retry-After hold. Hosts idle for a window and holding nothing are
// forgotten, so memory follows the hosts in use.
type hosts struct {
	mu        sync.Mutex
	byKey     map[hostKey]*hostState
	lastSweep time.Time
	origin    time.Time // slots count from here: any clock, virtual ones included
	started   bool
}

// hostState is one host's counts over the last budgetSlots slots of a
// window, and the time before which no resend may leave for it.
type hostState struct {
	slot     int64   // the newest slot: the table's age / slot length
	elapsed  float64 // how much of the newest slot has passed, 0 to 1
	firsts   [budgetSlots]uint32
	resends  [budgetSlots]uint32
	hold     time.Time
	lastUsed time.Time
}

// with runs f on key's state under the table's lock, creating the state
// when new and forgetting idle hosts once a window.
func (h *hosts) with(key hostKey, now time.Time, window time.Duration, f func(*hostState)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.started {
		h.byKey, h.origin, h.lastSweep, h.started = make(map[hostKey]*hostState), now, now, true
	}
	if now.Sub(h.lastSweep) > window {
		h.sweep(now, window)
	}
	s := h.byKey[key]
	if s == nil {
		s = &hostState{}
		h.byKey[key] = s
	}
	s.advance(now.Sub(h.origin), window)
	s.lastUsed = now
	f(s)
}

func (h *hosts) sweep(now time.Time, window time.Duration) {
	for k, s := range h.byKey {
		if now.Sub(s.lastUsed) > window && !s.hold.After(now) {
			delete(h.byKey, k)
		}
	}
	h.lastSweep = now
}

// advance moves s's window to since (the table's age), clearing the slots
// it slid past.
func (s *hostState) advance(since, window time.Duration) {
	length := max(int64(window)/(budgetSlots-1), 1)
	slot := int64(since) / length
	if slot < s.slot {
		return // a clock that stepped back: count it in the newest slot
	}
	s.elapsed = float64(int64(since)%length) / float64(length)
	if slot == s.slot {
		return
	}
	for i := s.slot + 1; i <= slot && i <= s.slot+budgetSlots; i++ {
		s.firsts[i%budgetSlots], s.resends[i%budgetSlots] = 0, 0
	}
	s.slot = slot
}

// allow reports whether one more resend fits b, and counts it if so.
func (s *hostState) allow(b Budget) bool {
	if b.Ratio < 0 {
		return true
	}
	var firsts, resends float64
	oldest := (s.slot + 1) % budgetSlots // sliding off: only its part inside counts
	for i := range int64(budgetSlots) {
		weight := 1.0
		if i == oldest {
			weight = 1 - s.elapsed
		}
		firsts += weight * float64(s.firsts[i])
		resends += weight * float64(s.resends[i])
	}
	limit := b.Ratio*firsts + b.MinPerSecond*b.Window.Seconds()
	if resends+1 > limit {
		return false
	}
	s.resends[s.slot%budgetSlots]++
	return true
}
