// This file turns a classified response into what classify prints: what
// was received, the verdict, and what explains it. Every text from the
// response goes through wire on its way to text and Markdown output.

package main

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/internal/rawhttp"
)

// classifyJSON is the JSON form of a classified response. Its texts are
// the response's, whole; only the terminal guard escapes them.
type classifyJSON struct {
	IsError           bool      `json:"is_error"`
	Status            int       `json:"status"`
	StatusText        string    `json:"status_text"`
	Reason            string    `json:"reason"`  // the reason phrase sent, when not a standard one
	Gateway           string    `json:"gateway"` // who answered in the API's place
	BodyCoding        string    `json:"body_coding"`
	BodyCut           bool      `json:"body_cut"`
	BodyError         string    `json:"body_error"`
	Format            string    `json:"format"`
	Code              string    `json:"code"`
	Known             bool      `json:"known"`
	Title             string    `json:"title"`
	Detail            string    `json:"detail"`
	DocumentedDetail  string    `json:"documented_detail"` // the catalog's, when it differs
	Retry             string    `json:"retry"`
	Advice            string    `json:"advice"`
	Schedule          []float64 `json:"schedule"`
	RetryAfterSeconds *float64  `json:"retry_after_seconds"`
	InteractionID     string    `json:"interaction_id"`
	Summary           string    `json:"summary"`    // the catalog's or gateway table's, in English
	Challenge         string    `json:"challenge"`  // the Bearer challenge, as a header value
	Challenges        []string  `json:"challenges"` // every challenge
	Details           string    `json:"details"`    // error_details, as received
	Notes             []string  `json:"notes"`
	Cause             string    `json:"cause"`
	Solution          string    `json:"solution"`
}

// view is what classify prints of r.
func (r reading) view() view {
	j := classifyJSON{Status: r.status, StatusText: apierr.StatusText(r.status),
		Reason: r.reason, BodyCoding: r.body.Coding, BodyCut: r.body.Cut,
		Schedule: []float64{}, Challenges: []string{}, Notes: []string{}}
	if r.body.Err != nil {
		j.BodyError = r.body.Err.Error()
	}
	b := block{heading: statusLine(r.status)}
	if r.e == nil {
		b.heading += ": not an error"
		b.add("retry", "nothing to resend")
		return view{blk: b, json: j}
	}
	f := r.fitAdvice()
	r.addReceived(&b, &j)
	r.addVerdict(&b, &j, f)
	r.addDocumented(&b, &j, f)
	return view{blk: b, json: j}
}

// addReceived adds what the response itself says.
func (r reading) addReceived(b *block, j *classifyJSON) {
	e := r.e
	j.IsError, j.Format, j.Code, j.Known = true, e.Format.String(), string(e.Code), r.known
	j.Title, j.Detail, j.Gateway, j.InteractionID = e.Title, e.Detail, r.gateway, e.InteractionID()
	if e.Challenge != nil {
		j.Challenge = e.Challenge.String()
	}
	if len(e.Details) > 0 {
		j.Details = string(e.Details)
	}
	b.add("reason", wire(r.reason))
	if r.gateway != "" {
		b.add("gateway", "answered by "+wire(r.gateway)+", not the API: the request may not "+
			"have reached it")
	}
	b.add("body", bodyNote(r.body))
	b.add("format", e.Format.String())
	code := "(none)"
	if e.Code != "" {
		code = wire(string(e.Code))
	}
	b.add("code", code)
	b.add("title", wire(e.Title))
	b.add("detail", wire(e.Detail))
	if r.known && r.entry.Detail != e.Detail {
		// TrustedX's catalog detail is its only explanation of a code.
		j.DocumentedDetail = r.entry.Detail
		b.add("documented", r.entry.Detail)
	}
	b.add("details", wire(j.Details))
	b.add("challenge", r.challengeLines(j))
}

// maxChallengeLines bounds the challenges text output lists: a header of
// a thousand challenges is an attack, or a bug, and says so in one line.
const maxChallengeLines = 8

// challengeLines lists the challenges of WWW-Authenticate, one a line,
// and where the header stopped making sense.
func (r reading) challengeLines(j *classifyJSON) string {
	var lines []string
	for i, ch := range r.challenges {
		j.Challenges = append(j.Challenges, ch.String())
		switch {
		case i < maxChallengeLines:
			lines = append(lines, wire(ch.String()))
		case i == maxChallengeLines:
			lines = append(lines, fmt.Sprintf("… [%d more challenges cut; --format json "+
				"shows all]", len(r.challenges)-maxChallengeLines))
		}
	}
	if r.challengeErr != nil {
		msg := strings.TrimPrefix(r.challengeErr.Error(), "apierr: ")
		lines = append(lines, "(the rest is malformed: "+wire(msg)+"; as sent:)")
		for _, v := range r.e.Header.Values("Www-Authenticate") {
			lines = append(lines, wire(v))
		}
	}
	return strings.Join(lines, "\n")
}

// bodyNote says how the body was read, when that is worth saying: decoded,
// cut, or not decodable.
func bodyNote(b rawhttp.Body) string {
	decoded := ""
	if b.Coding != "" {
		decoded = " of decoded " + b.Coding
	}
	switch {
	case b.Err != nil && len(b.Data) == 0:
		return wire(strings.TrimPrefix(b.Err.Error(), "rawhttp: ")) +
			": classified from the headers alone"
	case b.Err != nil:
		return fmt.Sprintf("%s: classified on the %d bytes before",
			wire(strings.TrimPrefix(b.Err.Error(), "rawhttp: ")), len(b.Data))
	case b.Cut:
		return fmt.Sprintf("cut at %d bytes%s: apierr reads no more of an error body",
			len(b.Data), decoded)
	case b.Printed:
		return "printed decoded, as curl --compressed does, under its Content-Encoding header"
	case b.Coding != "":
		return fmt.Sprintf("%s-encoded: decoded, %d bytes", b.Coding, len(b.Data))
	}
	return ""
}

// addVerdict adds the retry class with the advice fitted to the response,
// and what Retry-After changes.
func (r reading) addVerdict(b *block, j *classifyJSON, f fit) {
	e := r.e
	j.Retry, j.Schedule = e.Retry.String(), scheduleSeconds(e.Retry)
	j.Advice = advice(e.Retry)
	if f.advice != "" {
		j.Advice = f.advice
	}
	wait, hasWait := r.retryAfter()
	if hasWait {
		secs := wait.Seconds()
		j.RetryAfterSeconds = &secs
		if e.Retry == apierr.Backoff {
			j.Advice = "resend after " + seconds(wait) + ", as Retry-After asks"
			if wait > apierr.DefaultPolicy.MaxWait {
				j.Advice += " (longer than the " + seconds(apierr.DefaultPolicy.MaxWait) +
					" apierr.Transport waits at most, so it returns this response instead)"
			}
		}
	}
	b.add("retry", e.Retry.String()+": "+j.Advice)
	switch v := e.Header.Get("Retry-After"); {
	case hasWait && e.Status == http.StatusTooManyRequests && e.Retry != apierr.Backoff:
		b.add("retry-after", seconds(wait)+" asked by the server; a Transport waits it "+
			"and resends only with Classify: apierr.ResendRateLimited")
	case hasWait && e.Retry != apierr.Backoff:
		b.add("retry-after", seconds(wait)+" asked by the server; apierr still says: "+
			advice(e.Retry))
	case v != "" && !hasWait:
		b.add("retry-after", quoted(v)+" is not a delay nor an HTTP-date: ignored")
	}
	b.add("interaction id", wire(j.InteractionID))
}

// addDocumented adds what the catalog says of a known code, or the gateway
// table of a known gateway message: the summary, then the notes fitted to
// the response, then the cause and fix when they fit it.
func (r reading) addDocumented(b *block, j *classifyJSON, f fit) {
	var summary, cause, solution string
	switch {
	case r.known:
		summary, cause, solution = r.entry.Summary, r.entry.Cause, r.entry.Solution
	case r.message != nil:
		summary, cause, solution = r.message.Summary, r.message.Cause, r.message.Solution
	}
	j.Summary = summary
	b.add("summary", summary)
	j.Notes = append(j.Notes, f.notes...)
	for _, n := range f.notes {
		b.add("note", n)
	}
	if f.documented {
		j.Cause, j.Solution = cause, solution
		b.add("cause", cause)
		b.add("solution", solution)
	}
}
