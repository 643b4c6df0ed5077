// This file holds the fleet simulation's API: an in-process RoundTripper,
// no network, that answers each attempt by the virtual time it arrives at
// (503 during an outage, 503 for a chosen share of first attempts, 200
// otherwise) and counts what it receives.

package benchmarks

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"time"
)

// requestHeader carries each caller request's number, the same on every
// attempt (every contender resends the caller's headers), so that the API
// can tell a first attempt from a resend and count attempts per request.
const requestHeader = "X-Fleet-Request"

// bin is the width of the API's counters: load is requests per bin.
const bin = time.Second

// latency is how long the API takes to answer, in virtual time. It matters
// to failsafe-go's budget, which counts the retries in flight.
const latency = 50 * time.Millisecond

// answer is how the API treats one attempt.
type answer struct {
	outageFrom, outageTo time.Duration // every attempt arriving in [from, to) gets a 503
	failFirst            float64       // the share of requests whose first attempt gets a 503
	seed                 uint64        // chooses those requests
	// retryAfter, when positive, is the Retry-After every 503 sent from
	// retryAfterFrom on carries.
	retryAfter     time.Duration
	retryAfterFrom time.Duration
}

// simAPI is the simulated API. It runs inside the simulated goroutines of
// the callers that call it, so it needs no lock (see [clock]).
type simAPI struct {
	clock    *clock
	answer   answer
	received []int   // attempts arriving in each bin
	attempts []uint8 // attempts per request number
	last     time.Duration
	disorder int       // attempts that arrived before one already seen: must stay 0
	foreign  int       // attempts without a request number: must stay 0
	log      []arrival // every attempt, when logging is on
	logging  bool
}

// arrival is one attempt as the API saw it.
type arrival struct {
	at      time.Duration
	attempt int // 1 for a request's first attempt
}

func newSimAPI(c *clock, a answer) *simAPI { return &simAPI{clock: c, answer: a} }

// RoundTrip answers req after the API's latency, by the virtual time it
// arrived at.
func (a *simAPI) RoundTrip(req *http.Request) (*http.Response, error) {
	now := a.clock.now
	if now < a.last {
		a.disorder++
	}
	a.last = now
	a.received = countAt(a.received, now)
	id, err := strconv.Atoi(req.Header.Get(requestHeader))
	if err != nil || id < 0 {
		a.foreign++
		id = -1
	}
	attempt := 0
	if id >= 0 {
		for len(a.attempts) <= id {
			a.attempts = append(a.attempts, 0)
		}
		a.attempts[id]++
		attempt = int(a.attempts[id])
	}
	if a.logging {
		a.log = append(a.log, arrival{at: now, attempt: attempt})
	}
	status := a.answer.status(now, id, attempt)
	a.clock.wait(latency)
	resp := response(req, status)
	if status != http.StatusOK && a.answer.retryAfter > 0 && now >= a.answer.retryAfterFrom {
		resp.Header["Retry-After"] = []string{strconv.Itoa(int(a.answer.retryAfter / time.Second))}
	}
	return resp, nil
}

// status is the answer's status for attempt number attempt of request id
// arriving at now.
func (a answer) status(now time.Duration, id, attempt int) int {
	switch {
	case now >= a.outageFrom && now < a.outageTo:
		return http.StatusServiceUnavailable
	case attempt == 1 && chosen(id, a.seed, a.failFirst):
		return http.StatusServiceUnavailable
	}
	return http.StatusOK
}

// chosen reports whether request id is among the share whose first attempt
// fails: by a hash of its number, so that every contender meets the same
// failures, whatever order its resends come in.
func chosen(id int, seed uint64, share float64) bool {
	if share <= 0 || id < 0 {
		return false
	}
	return float64(splitmix(uint64(id)^seed)>>11)/(1<<53) < share
}

// splitmix is SplitMix64's finaliser: a well-mixed hash of x.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// countAt adds one to the bin that holds instant t, growing bins to hold it.
func countAt(bins []int, t time.Duration) []int {
	i := int(t / bin)
	for len(bins) <= i {
		bins = append(bins, 0)
	}
	bins[i]++
	return bins
}

var (
	// unavailableJSON is the body of every 503: Brick Bank's ERRO_INTERNO,
	// which its document answers with "aguarde uns instantes e refaça a
	// operação", so apierr classifies a body, as it would in production.
	unavailableJSON = []byte(`{"code":"ERRO_INTERNO","title":"Erro interno","detail":` +
		`"Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça a operação."}`)
	accountsJSON = []byte(`{"data":[{"accountId":"291e5a29","type":"CONTA_DEPOSITO_A_VISTA"}]}`)

	unavailableSize = []string{strconv.Itoa(len(unavailableJSON))}
	accountsSize    = []string{strconv.Itoa(len(accountsJSON))}
)

// response builds a fresh response (a contender may keep or change it) for
// req with status.
func response(req *http.Request, status int) *http.Response {
	body, size := accountsJSON, accountsSize
	if status != http.StatusOK {
		body, size = unavailableJSON, unavailableSize
	}
	return &http.Response{
		Status:     strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode: status,
		Proto:      "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": jsonType, "Content-Length": size},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}
