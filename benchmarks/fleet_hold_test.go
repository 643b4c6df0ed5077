// This file holds the fleet's view of a host-wide Retry-After: once a
// response from the API asks to wait until T, no other request's resend
// may reach the API through that Transport before T.

package benchmarks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// heldOutage is an outage whose 503s start carrying Retry-After: 20 forty
// seconds in, as an API's load shedder does once it notices; by then
// requests that failed earlier are waiting out the schedule's 3 to 24 s.
var heldOutage = fleetScenario{
	name: "outage, Retry-After from 40 s", rate: 50, duration: 65 * time.Second, seed: 40,
	answer: answer{outageFrom: outageFrom, outageTo: outageTo,
		retryAfter: 20 * time.Second, retryAfterFrom: 40 * time.Second},
}

// TestFleetHostHold checks DESIGN's "a host's Retry-After holds for the
// host" on both of apierr's contenders: from the instant the first
// Retry-After reaches the client, no resend reaches the API for 20 s.
// Requests already waiting when the hold began count: the contract names
// every other request's resend, and they are the ones an API that asked
// for quiet receives.
func TestFleetHostHold(t *testing.T) {
	for _, c := range fleetContenders[:2] {
		t.Run(c.name, func(t *testing.T) {
			r := simulate(&heldOutage, c, true)
			holdFrom := time.Duration(-1)
			for _, a := range r.log {
				if a.at >= heldOutage.answer.retryAfterFrom {
					holdFrom = a.at + latency // when its answer reaches the client
					break
				}
			}
			require.Positive(t, holdFrom, "a 503 with Retry-After was sent")
			holdTo := holdFrom + heldOutage.answer.retryAfter
			var inside []time.Duration
			for _, a := range r.log {
				if a.attempt > 1 && a.at > holdFrom && a.at < holdTo {
					inside = append(inside, a.at)
				}
			}
			assert.Zero(t, len(inside), "resends reached the API while the host was held, "+
				"%v to %v, the first at %v", holdFrom, holdTo, inside[:min(len(inside), 3)])
		})
	}
}
