// This file says what a retry class tells a user to do, with the resend
// schedule apierr.Transport follows.

package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr"
)

// schedule is the wait before each resend of apierr.DefaultPolicy, the
// schedule apierr.Transport follows: 3s, 6s, 12s, 24s, 48s.
func schedule() []time.Duration {
	p := apierr.DefaultPolicy
	waits := make([]time.Duration, 0, p.MaxRetries)
	for n := 1; n <= p.MaxRetries; n++ {
		waits = append(waits, p.Delay(n))
	}
	return waits
}

// scheduleSeconds is schedule for JSON: an empty list unless the class
// resends on it.
func scheduleSeconds(c apierr.RetryClass) []float64 {
	out := []float64{}
	if c == apierr.Backoff {
		for _, d := range schedule() {
			out = append(out, d.Seconds())
		}
	}
	return out
}

// seconds formats d in seconds ("7s", "120s", "0.5s"): a wait is compared
// with Retry-After, which counts seconds, so minutes would only get in the way.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
}

// advice says what to do about a class, with the concrete schedule.
func advice(c apierr.RetryClass) string {
	switch c {
	case apierr.Backoff:
		waits := schedule()
		parts := make([]string, len(waits))
		for i, d := range waits {
			parts[i] = seconds(d)
		}
		return "resend after " + strings.Join(parts, ", ")
	case apierr.Reauthenticate:
		return "refresh the token, then resend once"
	}
	return "do not resend"
}

// verdict is the retry line of text output: "backoff: resend after 3s, …".
func verdict(c apierr.RetryClass) string { return c.String() + ": " + advice(c) }
