package apierr

import (
	"net/http"
	"strings"
	"time"
)

// Policy is a backoff schedule: the wait before resend n is
// Base × Factor^(n-1), capped at MaxWait, for n from 1 to MaxRetries.
type Policy struct {
	Base       time.Duration // first wait
	Factor     float64       // growth per retry
	MaxRetries int           // resends after the first attempt
	MaxWait    time.Duration // the longest single wait
	Jitter     float64       // 0: exact schedule; 0.2: each wait drawn from ±20%
}

// DefaultPolicy is seed 003's schedule for 5xx errors and Too Many Sessions:
// "um intervalo base de três segundos com um fator de duplicação", "até
// cinco novas tentativas": 3 s, 6 s, 12 s, 24 s and 48 s, 93 s in all.
var DefaultPolicy = Policy{Base: 3 * time.Second, Factor: 2, MaxRetries: 5, MaxWait: 48 * time.Second}

// Delay returns the wait before resend number retry (1 for the first
// resend): Base × Factor^(retry-1), capped at MaxWait when MaxWait is set,
// without jitter. A retry below 1 or a Base of 0 waits 0.
func (p Policy) Delay(retry int) time.Duration {
	if retry < 1 || p.Base <= 0 {
		return 0
	}
	factor := p.Factor
	if factor < 1 {
		factor = 1 // a shrinking schedule is a misconfiguration, not a feature
	}
	limit := p.MaxWait
	if limit <= 0 {
		limit = maxRetryAfter
	}
	d := float64(p.Base)
	for i := 1; i < retry && d < float64(limit); i++ {
		d *= factor
	}
	if d >= float64(limit) {
		return limit
	}
	return time.Duration(d)
}

// maxRetryAfter bounds a Retry-After so that arithmetic on it cannot
// overflow; any wait this long is "not in this process's lifetime" anyway.
const maxRetryAfter = 100 * 365 * 24 * time.Hour

// ParseRetryAfter reads a Retry-After value (RFC 9110 §10.2.3): delay
// seconds, or an HTTP-date in any of its three forms (IMF-fixdate, RFC 850,
// asctime) measured from now. A date in the past is a wait of 0. It reports
// false for anything else, including negative or fractional seconds.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		var secs int64
		for i := 0; i < len(v); i++ {
			secs = secs*10 + int64(v[i]-'0')
			if secs > int64(maxRetryAfter/time.Second) {
				return maxRetryAfter, true
			}
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	return min(max(d, 0), maxRetryAfter), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
