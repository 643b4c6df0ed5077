package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/internal/rawhttp"
)

const classifyUsage = `Usage: apierr classify [--format text|json|markdown] [--status N] [FILE]

Classifies one HTTP response, read from FILE or, when FILE is absent or -,
from standard input:

  curl -si https://api.example.com/consents/42 | apierr classify
  apierr classify saved-response.http
  apierr classify --status 503 body.json     # a bare body: no status line

The input is a response as "curl -si" (or -i, -siL) prints it: redirects and
100 Continue blocks before the final response are skipped. It is classified
by apierr.FromResponse, the library's own client code, and the output says the
status, wire format, code, title, detail, what to do (resend on the schedule,
resend after Retry-After, refresh the token, or give up), the
x-fapi-interaction-id to quote to a service desk, and the catalog's cause and
fix for a known code or gateway message.

Flags (before or after FILE):
  --format text|json|markdown   output format (default text); -format works too
  --status N                    the status of a bare body (100 to 599); it
                                replaces the status line's when there is one

JSON: one object,
  {"is_error","status","status_text","format","code","known","title","detail",
   "documented_detail","retry","advice","schedule","retry_after_seconds",
   "interaction_id","challenge","details","gateway","cause","solution"}
  "known" is whether the code is in the catalog; "documented_detail" is the
  catalog's detail when the response's differs; "retry_after_seconds" is null
  without a valid Retry-After; "schedule" is [3,6,12,24,48] for backoff, else [].

Exit status: 0 the response is not an error (below 400); 1 it is an error;
2 bad usage or unreadable input.
`

// maxInput bounds what classify reads: rawhttp stops at 1 MiB of headers
// and FromResponse at apierr.MaxErrorBody of body, so this only guards
// against a reader that would otherwise be read to its end.
const maxInput = 4 << 20

// classifyJSON is the JSON form of a classified response.
type classifyJSON struct {
	IsError           bool      `json:"is_error"`
	Status            int       `json:"status"`
	StatusText        string    `json:"status_text"`
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
	Challenge         string    `json:"challenge"` // the Bearer challenge, as a header value
	Details           string    `json:"details"`   // error_details, as received
	Gateway           string    `json:"gateway"`   // who sent a known gateway message
	Cause             string    `json:"cause"`
	Solution          string    `json:"solution"`
}

// classify runs "apierr classify".
func (c *cli) classify(args []string) int {
	fs := newFlagSet("classify")
	format := formatFlag(fs)
	var status statusFlag
	fs.Var(&status, "status", "the status of a bare body")
	files, err := parseArgs(fs, args)
	if err != nil {
		return c.helpOr("classify", classifyUsage, err)
	}
	if len(files) > 1 {
		return c.fail("classify", usagef("one response at a time: got %d files", len(files)))
	}
	in, name := c.stdin, "standard input"
	if len(files) == 1 && files[0] != "-" {
		f, err := os.Open(files[0])
		if err != nil {
			return c.fail("classify", err)
		}
		defer f.Close()
		in, name = f, files[0]
	} else if isTerminal(c.stdin) {
		fmt.Fprintln(c.stderr, "apierr classify: reading a response from the terminal; "+
			"end it with Ctrl-D")
	}
	resp, err := readResponse(in, name, int(status))
	if err != nil {
		return c.fail("classify", err)
	}
	v, isErr := classifyView(resp)
	if err := v.write(c.stdout, *format); err != nil {
		return c.fail("classify", err)
	}
	if isErr {
		return exitAPIError
	}
	return exitOK
}

// isTerminal reports whether r is an interactive terminal, where a user who
// forgot the pipe would otherwise wait for nothing.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	// The null device is a character device too, and reads as empty at once.
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// readResponse reads a response as curl prints it or, given a status, a
// bare body. Its errors are one line each, fit for the user.
func readResponse(in io.Reader, name string, status int) (*http.Response, error) {
	// A bufio.Reader of at least 4 KiB lets rawhttp give the input back
	// untouched when it has no status line, for the bare-body case.
	br := bufio.NewReaderSize(io.LimitReader(in, maxInput), 64<<10)
	var resp *http.Response
	_, err := br.Peek(1)
	if err == nil {
		resp, err = rawhttp.ReadResponse(br)
	}
	switch {
	case err == io.EOF && status == 0:
		return nil, fmt.Errorf("%s is empty: want a response as \"curl -si\" prints it, "+
			"or a bare body with --status N", name)
	case (err == io.EOF || errors.Is(err, rawhttp.ErrNoStatusLine)) && status != 0:
		resp = &http.Response{Header: http.Header{}, Body: io.NopCloser(br), ContentLength: -1}
	case errors.Is(err, rawhttp.ErrNoStatusLine):
		return nil, fmt.Errorf("%s has no HTTP status line: give a response as "+
			"\"curl -si\" prints it, or a bare body with --status N", name)
	case err != nil:
		return nil, fmt.Errorf("%s is not a readable HTTP response: %s", name,
			strings.TrimPrefix(err.Error(), "rawhttp: "))
	}
	if status != 0 {
		resp.StatusCode = status
		resp.Status = statusLine(status)
	}
	return resp, nil
}

// classifyView classifies resp with the library and says what it found; it
// also reports whether resp is an error.
func classifyView(resp *http.Response) (view, bool) {
	j := classifyJSON{Status: resp.StatusCode, StatusText: apierr.StatusText(resp.StatusCode),
		Schedule: []float64{}}
	b := block{heading: statusLine(resp.StatusCode)}
	var e *apierr.Error
	if !errors.As(apierr.FromResponse(resp), &e) {
		_ = resp.Body.Close()
		b.heading += ": not an error"
		b.add("retry", "nothing to resend")
		return view{blk: b, json: j}, false
	}
	entry, known := apierr.Lookup(e.Code)
	gateway, isGateway := apierr.GatewayMessage{}, false
	if e.Code == "" {
		gateway, isGateway = apierr.LookupMessage(e.Detail)
	}
	j.IsError, j.Format, j.Code, j.Known = true, e.Format.String(), string(e.Code), known
	j.Title, j.Detail, j.Retry = e.Title, e.Detail, e.Retry.String()
	j.Schedule, j.InteractionID = scheduleSeconds(e.Retry), e.InteractionID()
	if e.Challenge != nil {
		j.Challenge = e.Challenge.String()
	}
	if len(e.Details) > 0 {
		j.Details = string(e.Details)
	}

	b.add("format", e.Format.String())
	if e.Code != "" {
		b.add("code", string(e.Code))
	} else {
		b.add("code", "(none)")
	}
	b.add("title", e.Title)
	b.add("detail", e.Detail)
	if known && entry.Detail != e.Detail {
		// TrustedX's catalog detail is its only explanation of a code.
		j.DocumentedDetail = entry.Detail
		b.add("documented", entry.Detail)
	}
	b.add("details", j.Details)
	b.add("challenge", j.Challenge)

	retryAfter, hasRetryAfter := retryAfter(e)
	j.Advice = advice(e.Retry)
	if hasRetryAfter {
		secs := retryAfter.Seconds()
		j.RetryAfterSeconds = &secs
		if e.Retry == apierr.Backoff {
			j.Advice = "resend after " + seconds(retryAfter) + ", as Retry-After asks"
			if retryAfter > apierr.DefaultPolicy.MaxWait {
				j.Advice += " (longer than the " + seconds(apierr.DefaultPolicy.MaxWait) +
					" apierr.Transport waits at most, so it returns this response instead)"
			}
		}
	}
	b.add("retry", e.Retry.String()+": "+j.Advice)
	if hasRetryAfter && e.Retry != apierr.Backoff {
		b.add("retry-after", seconds(retryAfter)+" asked by the server; apierr still says: "+
			advice(e.Retry))
	}
	if v := e.Header.Get("Retry-After"); v != "" && !hasRetryAfter {
		b.add("retry-after", fmt.Sprintf("%q is not a delay nor an HTTP-date: ignored", v))
	}
	b.add("interaction id", j.InteractionID)
	b.add("note", classifyNote(e, entry, known))
	switch {
	case known:
		j.Cause, j.Solution = entry.Cause, entry.Solution
	case isGateway:
		j.Gateway, j.Cause, j.Solution = gateway.Gateway, gateway.Cause, gateway.Solution
		b.add("gateway", gateway.Gateway+`: "`+gateway.Message+`"`)
	}
	b.add("cause", j.Cause)
	b.add("solution", j.Solution)
	return view{blk: b, json: j}, true
}

// classifyNote explains a verdict that the status alone would not give.
func classifyNote(e *apierr.Error, entry apierr.Entry, known bool) string {
	switch {
	case known && entry.Status != e.Status:
		return fmt.Sprintf("the catalog documents %s as %s; its class, %s, wins over "+
			"the status", e.Code, statusLine(entry.Status), entry.Retry)
	case known:
		return ""
	case e.Status == http.StatusTooManyRequests && e.Retry == apierr.Backoff:
		return "read as seed 003's \"Too Many Sessions\", the one 4xx worth resending"
	case e.Code != "":
		return string(e.Code) + " is not in the catalog: the status decides the retry class"
	case e.Challenge != nil && e.Challenge.Params["error"] == "" && e.Status == 401:
		// RFC 6750 §3.1: a challenge without an error code answers a
		// request that carried no credentials at all.
		return "the Bearer challenge has no error code: the request carried no " +
			"token, or one of another scheme (RFC 6750 §3.1)"
	}
	return ""
}

// retryAfter is the wait the response's Retry-After asks for, as the
// library measured it (an HTTP-date against the response's Date), and
// whether there is a valid one. The library's zero means "none or invalid"
// as well as "now", so validity is checked on the header itself.
func retryAfter(e *apierr.Error) (time.Duration, bool) {
	v := e.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if _, ok := apierr.ParseRetryAfter(v, time.Now()); !ok {
		return 0, false
	}
	return e.RetryAfter, true
}
