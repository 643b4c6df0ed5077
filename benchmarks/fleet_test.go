// This file holds the fleet simulation's bars: the tests that hold each
// contender to what the design promises of a fleet (an outage not
// multiplied, transient failures still recovered, a sparse client's
// resends kept) and the table the README shows.

package benchmarks

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	fleetFull = flag.Bool("fleet.full", false, "send every fleet contender through the outage at "+
		"1 000 requests/s (a minute of CPU, 2 GB), run the sweeps, and check testdata/fleet.* "+
		"against the run")
	update = flag.Bool("update", false, "with -fleet.full, rewrite testdata/fleet.svg and "+
		"testdata/fleet.md from the run")
)

// fleetRuns caches each contender's run through each scenario: several
// tests read the same run, and the costly ones take seconds.
var fleetRuns struct {
	sync.Mutex
	byKey map[string]*fleetRun
}

// runOf is contender's run through s, simulated once per test binary.
func runOf(s *fleetScenario, contender fleetContender) *fleetRun {
	fleetRuns.Lock()
	defer fleetRuns.Unlock()
	key := s.name + "\x00" + contender.name
	if r, ok := fleetRuns.byKey[key]; ok {
		return r
	}
	if fleetRuns.byKey == nil {
		fleetRuns.byKey = make(map[string]*fleetRun)
	}
	r := simulate(s, contender, false)
	fleetRuns.byKey[key] = r
	return r
}

// outageOf is contender's run through the two-minute outage: at 1 000
// requests/s with -fleet.full, else at 50.
func outageOf(contender fleetContender) *fleetRun {
	if *fleetFull {
		return runOf(&outage, contender)
	}
	return runOf(&outageScaled, contender)
}

func contenderNamed(t *testing.T, name string) fleetContender {
	for _, c := range fleetContenders {
		if c.name == name {
			return c
		}
	}
	t.Fatalf("no contender %q", name)
	return fleetContender{}
}

// TestFleetSchedule checks that every contender is configured alike: one
// request into a total outage reaches the API six times, on the documented
// schedule (each wait starting when the API's answer arrives).
func TestFleetSchedule(t *testing.T) {
	one := fleetScenario{
		name: "one request", every: time.Hour, duration: time.Nanosecond,
		answer: answer{outageTo: time.Hour},
	}
	var want []time.Duration
	at := time.Duration(0)
	for _, d := range []time.Duration{0, 3, 6, 12, 24, 48} {
		at += d * time.Second
		if d > 0 {
			at += latency
		}
		want = append(want, at)
	}
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			r := simulate(&one, c, true)
			var got []time.Duration
			for _, a := range r.log {
				got = append(got, a.at)
			}
			assert.Equal(t, want, got, "attempts at 0 s, then 3, 6, 12, 24 and 48 s after each answer")
			assert.Zero(t, r.succeeded)
		})
	}
}

// TestFleetIsDeterministic runs each contender twice through a short
// outage with transient failures after it, and requires the same attempts
// at the same virtual instants: the simulation's tests can assert exact
// numbers only because of this.
func TestFleetIsDeterministic(t *testing.T) {
	short := fleetScenario{
		name: "short outage", rate: 100, duration: 25 * time.Second, seed: 7,
		answer: answer{outageFrom: 5 * time.Second, outageTo: 15 * time.Second,
			failFirst: 0.2, seed: 9},
	}
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			first, second := simulate(&short, c, true), simulate(&short, c, true)
			require.NotEmpty(t, first.log)
			assert.Equal(t, first.log, second.log, "the API saw the same attempts at the same instants")
			assert.Equal(t, first.succeeded, second.succeeded)
			assert.Greater(t, len(first.log), first.requests, "some requests were resent")
		})
	}
}

// TestFleetOutage holds the contenders to the design's bar in a total
// outage: apierr's default budget keeps the API's load within 1.25 times
// the callers' at 1 000 requests/s, where without a budget every request
// arrives six times.
func TestFleetOutage(t *testing.T) {
	t.Run("apierr at 1 000 requests/s", func(t *testing.T) {
		r := runOf(&outageBar, contenderNamed(t, "apierr"))
		assert.LessOrEqual(t, r.duringOutage(), 1.25, "over the whole outage")
		assert.LessOrEqual(t, r.atHeight(), 1.25, "at the outage's height")
		assert.Greater(t, r.atHeight(), 1.15, "the budget's 0.2 resends per first attempt are spent")
		assert.LessOrEqual(t, r.settling(), 5*time.Second, "back to normal soon after")
	})
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			r := outageOf(c)
			assert.Zero(t, r.disorder, "the API saw its arrivals in virtual time order")
			assert.Zero(t, r.foreign, "every attempt carried its request's number")
			assert.Equal(t, 1.0, r.load(0, outageFrom), "before the outage, one attempt a request")
			assert.LessOrEqual(t, r.mostAttempts(), 6, "no request sent more than six times")
			if c.name == "apierr" {
				assert.LessOrEqual(t, r.duringOutage(), 1.25, "over the whole outage")
				assert.LessOrEqual(t, r.atHeight(), 1.25, "at the outage's height")
				return
			}
			// Five resends each, whatever the rate: failsafe-go's budget
			// never refuses one (see failsafeClient).
			assert.InDelta(t, 6.0, r.atHeight(), 0.1, "at the outage's height")
			assert.Equal(t, 6, r.mostAttempts())
		})
	}
}

// TestFleetRecovery checks how soon after the outage the API's load is
// back within 10% of the callers': without a budget, the resends pending
// when the outage ends keep arriving until the schedule's last 48 s wait
// is over; apierr's budget had let few through, so few are pending.
func TestFleetRecovery(t *testing.T) {
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			got := outageOf(c).settling()
			if c.name == "apierr" {
				assert.GreaterOrEqual(t, got, time.Duration(0))
				assert.LessOrEqual(t, got, 5*time.Second)
				return
			}
			assert.Equal(t, 48*time.Second, got)
		})
	}
}

// TestFleetTransient holds the budget to the design's other bar: when 5%
// of first attempts fail once, apierr with its default budget succeeds
// within half a percentage point of apierr without one.
func TestFleetTransient(t *testing.T) {
	unbudgeted := runOf(&transient, contenderNamed(t, "apierr, no budget")).
		successRate(transientCounted)
	assert.Equal(t, 1.0, unbudgeted, "every failed request succeeds on its resend")
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			r := runOf(&transient, c)
			// Over the whole run and the resends that follow its end.
			assert.InDelta(t, 1.05, r.load(0, transient.duration+time.Minute), 0.01,
				"5% of the requests resent once")
			assert.InDelta(t, unbudgeted, r.successRate(transientCounted), 0.005)
		})
	}
}

// TestFleetSparse checks that a client sending one request a minute into
// an outage keeps all five resends of every request: a budget must not
// cost a quiet client its retries.
func TestFleetSparse(t *testing.T) {
	for _, c := range fleetContenders {
		t.Run(c.name, func(t *testing.T) {
			r := runOf(&sparse, c)
			assert.Equal(t, 10, r.requests)
			assert.Equal(t, 5, r.resendsKept())
		})
	}
}

// fleetRow is one contender's line of the README's table.
type fleetRow struct {
	contender           string
	rate                float64 // the outage's, requests/s
	whole, height, peak float64 // the outage's load multipliers
	recovery            time.Duration
	success             float64 // with 5% of first attempts failing once
	kept                int     // resends kept at one request a minute
}

func fleetRows() []fleetRow {
	var rows []fleetRow
	for _, c := range fleetContenders {
		o := outageOf(c)
		rows = append(rows, fleetRow{
			contender: c.name, rate: o.scenario.rate,
			whole: o.duringOutage(), height: o.atHeight(), peak: o.busiest(),
			recovery: o.settling(),
			success:  runOf(&transient, c).successRate(transientCounted),
			kept:     runOf(&sparse, c).resendsKept(),
		})
	}
	return rows
}

// fleetTableHeader is the table's first two lines.
const fleetTableHeader = "| client | load during the outage | at its height | busiest second " +
	"| back to normal after | success, 5% fail once | resends kept at 1 request/min |\n" +
	"|---|--:|--:|--:|--:|--:|--:|\n"

// fleetTable renders rows as the Markdown table the README shows.
func fleetTable(rows []fleetRow) string {
	var b strings.Builder
	b.WriteString(fleetTableHeader)
	for _, r := range rows {
		recovery := "never"
		if r.recovery >= 0 {
			recovery = fmt.Sprintf("%d s", r.recovery/time.Second)
		}
		fmt.Fprintf(&b, "| %s | %.2f× | %.2f× | %.2f× | %s | %.2f%% | %d of 5 |\n", r.contender,
			r.whole, r.height, r.peak, recovery, 100*r.success, r.kept)
	}
	return b.String()
}

// TestFleetTable logs the table. With -fleet.full it checks it against
// testdata/fleet.md, the file the README quotes (-update rewrites it);
// without, that the committed table has a row for each contender, and an
// apierr row that agrees with this run of the outage at 1 000 requests/s.
func TestFleetTable(t *testing.T) {
	rows := fleetRows()
	t.Logf("outage at %g requests/s:\n%s", rows[0].rate, fleetTable(rows))
	golden := filepath.Join("testdata", "fleet.md")
	if *fleetFull {
		checkGolden(t, golden, []byte(fleetTable(rows)))
	}
	raw, err := os.ReadFile(golden)
	require.NoError(t, err, "go test -fleet.full -update writes it")
	committed := string(raw)
	require.True(t, strings.HasPrefix(committed, fleetTableHeader), "the table's header")
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(committed, fleetTableHeader), "\n"),
		"\n")
	require.Len(t, lines, len(fleetContenders))
	for i, c := range fleetContenders {
		assert.True(t, strings.HasPrefix(lines[i], "| "+c.name+" | "), "row %d is %s's", i, c.name)
	}
	var during float64
	_, err = fmt.Sscanf(lines[0], "| apierr | %f×", &during)
	require.NoError(t, err)
	assert.InDelta(t, runOf(&outageBar, fleetContenders[0]).duringOutage(), during, 0.02,
		"the committed apierr row agrees with this run")
}

// checkGolden compares got with the file at path, or with -update writes it.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -fleet.full -update to write it")
	assert.Equal(t, string(want), string(got), "%s is stale: go test -fleet.full -update", path)
}

// TestFleetSizes shows what the budget's floor costs a fleet: the floor of
// one resend a second is each client's, so the same 1 000 requests/s spread
// over more clients resend more. Only with -fleet.full.
func TestFleetSizes(t *testing.T) {
	if !*fleetFull {
		t.Skip("a sweep: run with -fleet.full")
	}
	apierr := contenderNamed(t, "apierr")
	previous := 0.0
	for _, n := range []int{1, 10, 100, 1000} {
		s := outage
		s.name, s.clients = fmt.Sprintf("outage, %d clients", n), n
		height := runOf(&s, apierr).atHeight()
		t.Logf("%4d clients at %4g requests/s each: %.2f× at the outage's height", n,
			s.rate/float64(n), height)
		assert.GreaterOrEqual(t, height, previous, "more clients, more floors")
		if n <= 10 {
			assert.LessOrEqual(t, height, 1.25)
		}
		previous = height
	}
}

// TestFleetRecoveryPhase shows why the outage lasts 121 s: apierr's budget
// frees its allowance when a window's oldest slot expires, so its resends
// come in bursts every 10 s, and how long its load takes to settle depends
// on where in that cycle the outage ends. The outage scenario ends where
// it takes longest. Only with -fleet.full.
func TestFleetRecoveryPhase(t *testing.T) {
	if !*fleetFull {
		t.Skip("a sweep: run with -fleet.full")
	}
	apierr := contenderNamed(t, "apierr")
	worst := outageOf(apierr).settling()
	for phase := range 10 {
		s := outage
		s.answer.outageTo = outageFrom + 30*time.Second + time.Duration(phase)*time.Second
		s.duration = s.answer.outageTo + time.Minute
		s.name = fmt.Sprintf("outage ending %d s into the cycle", phase)
		got := simulate(&s, apierr, false).settling()
		t.Logf("%s: back to normal after %v", s.name, got)
		assert.LessOrEqual(t, got, worst)
	}
}
