// This file holds the fleet simulation's runs: the scenarios (who sends
// what, when, and how the API answers), driving one contender through one
// scenario in virtual time, and the measures taken from a run.

package benchmarks

import (
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// fleetScenario is one situation: the callers' arrivals and the API's
// answers. The callers are independent: each request arrives on its own,
// whatever became of the others, as a service's users do. They share
// `clients` instances of the contender (one client each, as a service's
// handlers share its http.Client), taking turns.
type fleetScenario struct {
	name     string
	rate     float64       // Poisson arrivals per second; 0: one every `every`
	every    time.Duration // the gap between arrivals when rate is 0
	duration time.Duration // callers send from time 0 until then
	clients  int           // instances of the contender; 0: 1
	answer   answer
	seed     uint64 // the arrival process's
}

// The outage's shape: ten seconds of normal load first, so that a budget
// has a window of first attempts behind it when the outage starts; an
// outage longer than the schedule's 93 s, so that every resend of the
// schedule falls inside it; then a minute of normal service, longer than
// the schedule's last wait (48 s), so that every pending resend has
// arrived before the callers stop.
//
// The outage lasts 121 s, not a round 120: apierr's budget frees its
// allowance once per 10 s window (see TestFleetRecoveryPhase), and an
// outage that ends one second into that cycle is the one after which its
// load takes longest to settle, so the table reports its worst.
const (
	outageFrom = 10 * time.Second
	outageTo   = 131 * time.Second
	// heightSpan is how much of an outage's end counts as its height: in
	// the two-minute outage, every request arriving by then has had time
	// for all five of the schedule's waits (its last 20 s start 101 s in).
	heightSpan = 20 * time.Second
)

var (
	// outage is a total outage of two minutes at 1 000 requests/s: the
	// README's table and plot, run with -fleet.full (every contender
	// without a budget that holds keeps 93 000 requests in flight, 1.5 GB,
	// for some 15 s of CPU).
	outage = fleetScenario{
		name: "outage", rate: 1000, duration: outageTo + time.Minute, seed: 15,
		answer: answer{outageFrom: outageFrom, outageTo: outageTo},
	}
	// outageScaled is outage at 50 requests/s, a twentieth of its cost:
	// what the default run (go test -race in CI) sends every contender
	// through. Without a budget the load multiplier does not depend on the
	// rate (every request makes six attempts); apierr's budget, whose floor
	// of 10 resends a window weighs more at a low rate, sends a little more
	// (1.22×, not 1.20×), and meets its bar at 1 000 requests/s in
	// outageBar.
	outageScaled = fleetScenario{
		name: "outage at 50/s", rate: 50, duration: outage.duration, seed: 15,
		answer: outage.answer,
	}
	// outageBar is the design's bar as it is written, 1 000 requests/s,
	// for apierr in the default run: a shorter outage, as a budget reaches
	// its height within one window. It lasts 31 s, ending where apierr's
	// load takes longest to settle, as outage does.
	outageBar = fleetScenario{
		name: "outage at 1 000/s, 31 s", rate: 1000, duration: outageFrom + 51*time.Second,
		seed: 15, answer: answer{outageFrom: outageFrom, outageTo: outageFrom + 31*time.Second},
	}
	// transient is 10 s at 1 000 requests/s in which 5% of first attempts
	// fail once: each of those requests succeeds on its first resend. The
	// callers go on for 10 s more, uncounted (transientCounted), so that no
	// counted request resends into traffic that has stopped: failsafe-go's
	// budget refuses retries that are most of what is in flight, as they
	// are once the callers stop.
	transient = fleetScenario{
		name: "5% fail once", rate: 1000, duration: transientCounted + 10*time.Second, seed: 5,
		answer: answer{failFirst: 0.05, seed: 0x5eed},
	}
	// sparse is a client sending one request a minute into an outage that
	// lasts the whole run.
	sparse = fleetScenario{
		name: "one a minute", every: time.Minute, duration: 10 * time.Minute,
		answer: answer{outageTo: time.Hour},
	}
)

// transientCounted is the part of transient whose requests are counted.
const transientCounted = 10 * time.Second

// fleetURL is where every caller sends: one host, so that apierr's per-host
// budget and the others' per-client ones count the same requests.
const fleetURL = "https://api.bank.example/open-banking/accounts/v2/accounts"

// fleetRun is what one contender did in one scenario.
type fleetRun struct {
	scenario  *fleetScenario
	contender string
	made      []int   // the callers' requests, per bin
	received  []int   // the attempts the API received, per bin
	attempts  []uint8 // the attempts the API received, per request
	log       []arrival
	requests  int             // the callers' requests
	succeeded int             // of them, those that ended in a 200
	arrived   []time.Duration // when each request was made
	ok        []bool          // whether each request ended in a 200
	disorder  int             // attempts the API saw out of virtual time order
	foreign   int             // attempts without a request number
}

// simulate drives contender through s in virtual time and returns the
// counts; with logging, the API's log of every attempt too. It is
// deterministic: the same scenario gives the same run.
func simulate(s *fleetScenario, contender fleetContender, logging bool) *fleetRun {
	c := newClock()
	api := newSimAPI(c, s.answer)
	api.logging = logging
	clients := make([]*http.Client, max(s.clients, 1))
	for i := range clients {
		clients[i] = contender.client(c, api)
	}
	run := &fleetRun{scenario: s, contender: contender.name}
	rng := rand.New(rand.NewPCG(s.seed, 0x9e3779b97f4a7c15))
	gap := func() time.Duration {
		if s.rate <= 0 {
			return s.every
		}
		return max(time.Duration(rng.ExpFloat64()/s.rate*float64(time.Second)), 1)
	}
	c.goAt(0, func() {
		for id := 0; c.now < s.duration; id++ {
			run.made = countAt(run.made, c.now)
			run.requests++
			run.arrived, run.ok = append(run.arrived, c.now), append(run.ok, false)
			client := clients[id%len(clients)]
			c.goAt(c.now, func() {
				if call(client, id) {
					run.succeeded++
					run.ok[id] = true
				}
			})
			c.wait(gap())
		}
	})
	c.run()
	run.received, run.attempts, run.log = api.received, api.attempts, api.log
	run.disorder, run.foreign = api.disorder, api.foreign
	return run
}

// call is one caller's request: a GET, its response read to the end. It
// reports whether it succeeded.
func call(client *http.Client, id int) bool {
	req, err := http.NewRequest(http.MethodGet, fleetURL, nil)
	if err != nil {
		panic(err) // a constant URL
	}
	req.Header[requestHeader] = []string{strconv.Itoa(id)}
	resp, err := client.Do(req)
	if err != nil {
		return false // retryablehttp's "giving up", failsafe-go's "budget exceeded"
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// duringOutage is the API's load over the scenario's outage, as a multiple
// of the callers'.
func (r *fleetRun) duringOutage() float64 {
	return r.load(r.scenario.answer.outageFrom, r.scenario.answer.outageTo)
}

// atHeight is the API's load over the outage's last heightSpan.
func (r *fleetRun) atHeight() float64 {
	return r.load(r.scenario.answer.outageTo-heightSpan, r.scenario.answer.outageTo)
}

// busiest is the API's busiest second in the outage, as a multiple of the
// callers' rate.
func (r *fleetRun) busiest() float64 {
	return r.peak(r.scenario.answer.outageFrom, r.scenario.answer.outageTo)
}

// settling is how long after the outage's end the API's load is back
// within 10% of the callers' for good; -1: not within the run.
func (r *fleetRun) settling() time.Duration { return r.recovery(r.scenario.answer.outageTo) }

// load is the API's load over [from, to) as a multiple of the callers':
// attempts received ÷ requests made.
func (r *fleetRun) load(from, to time.Duration) float64 {
	var received, made int
	for i := int(from / bin); i < int(to/bin); i++ {
		received += at(r.received, i)
		made += at(r.made, i)
	}
	if made == 0 {
		return 0
	}
	return float64(received) / float64(made)
}

// peak is the API's busiest bin in [from, to), as a multiple of the
// callers' mean rate: a bin's own count of new requests would add its
// noise to the ratio.
func (r *fleetRun) peak(from, to time.Duration) float64 {
	most := 0
	for i := int(from / bin); i < int(to/bin); i++ {
		most = max(most, at(r.received, i))
	}
	return float64(most) / (r.scenario.rate * bin.Seconds())
}

// recovery is how long after instant from the API's load stays within 10%
// of the callers' for good (every bin until the callers stop), or -1 when
// it never does within the run.
func (r *fleetRun) recovery(from time.Duration) time.Duration {
	first, end := int(from/bin), int(r.scenario.duration/bin)
	settled := end
	for i := end - 1; i >= first; i-- {
		made, received := at(r.made, i), at(r.received, i)
		if made == 0 || float64(abs(received-made)) > 0.1*float64(made) {
			break
		}
		settled = i
	}
	if settled == end {
		return -1
	}
	return time.Duration(settled-first) * bin
}

// successRate is the share of the callers' requests made before instant
// until that ended in a 200.
func (r *fleetRun) successRate(until time.Duration) float64 {
	var made, ok int
	for id, t := range r.arrived {
		if t < until {
			made++
			if r.ok[id] {
				ok++
			}
		}
	}
	if made == 0 {
		return 0
	}
	return float64(ok) / float64(made)
}

// resendsKept is the fewest resends any request made: 5 when every
// request kept all of the schedule's.
func (r *fleetRun) resendsKept() int {
	fewest := -1
	for _, n := range r.attempts {
		if fewest < 0 || int(n)-1 < fewest {
			fewest = int(n) - 1
		}
	}
	return fewest
}

// mostAttempts is the most attempts the API received for one request.
func (r *fleetRun) mostAttempts() int {
	most := 0
	for _, n := range r.attempts {
		most = max(most, int(n))
	}
	return most
}

func at(bins []int, i int) int {
	if i < 0 || i >= len(bins) {
		return 0
	}
	return bins[i]
}

func abs(x int) int { return max(x, -x) }
