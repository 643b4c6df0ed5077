// This file is "apierr classify": one response, read from a file or from
// standard input, classified and explained.

package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/apierr/apierr/internal/rawhttp"
)

var classifyCommand = command{
	name:     "classify",
	operands: "[FILE]",
	summary:  `classify a response as curl -si or curl -v prints it`,
	about: `Classifies one HTTP response, read from FILE or, when FILE is absent or -,
from standard input:

  curl -si https://api.example.com/consents/42 | apierr classify
  curl -v https://api.example.com/consents/42 2>&1 | apierr classify
  apierr classify saved-response.http
  apierr classify --status 503 body.json     # a bare body: no status line

The input is a response as "curl -si" (or -i, -siL) prints it, or the trace
"curl -v" prints: redirects and 100 Continue blocks before the final
response are skipped, and so are curl's own lines. A gzip or deflate body is
decoded. The response is classified by apierr.FromResponse, the library's
own client code (with --catalog, by the catalog that adds the application's
codes), and the output says the status, who answered (the API or a
gateway in front of it), the wire format, code, title, detail, every
WWW-Authenticate challenge, what to do (resend on the schedule, resend after
Retry-After, get a new token, or give up), the x-fapi-interaction-id to
quote to a service desk, and the catalog's cause and fix when they fit the
response. Texts longer than 600 characters are cut, with a marker saying so.
`,
	more: `JSON: one object,
  {"is_error","status","status_text","reason","gateway","body_coding",
   "body_cut","body_error","format","code","known","title","detail",
   "documented_detail","retry","advice","schedule","retry_after_seconds",
   "interaction_id","summary","challenge","challenges","details","notes",
   "cause","solution"}
  "reason" is the status line's reason phrase when it is not the standard
  one; "gateway" names who answered in the API's place; "known" is whether
  the code is in the catalog; "documented_detail" is the catalog's detail when
  the response's differs; "retry_after_seconds" is null without a valid
  Retry-After; "schedule" is [3,6,12,24,48] for backoff, else []; "challenge"
  is the Bearer challenge, "challenges" every one.

Exit status: 0 the response is not an error (below 400); 1 it is an error;
2 bad usage or unreadable input (a --catalog file too).
`,
	define: func(fs *flag.FlagSet) func(c *cli, args []string) int {
		format := formatFlag(fs)
		catalogFlag(fs)
		var status statusFlag
		fs.Var(&status, "status", "`N` the status of a bare body (100 to 599); it replaces "+
			"the status line's when there is one")
		return func(c *cli, files []string) int { return c.classify(*format, int(status), files) }
	},
}

// maxInput bounds what classify reads: rawhttp stops at 1 MiB of headers
// and the body is read to apierr.MaxErrorBody decoded bytes, so this only
// guards against a reader that would otherwise be read to its end.
const maxInput = 4 << 20

// classify runs "apierr classify".
func (c *cli) classify(format outputFormat, status int, files []string) int {
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
		in, name = f, quoted(files[0])
	} else if isTerminal(c.stdin) {
		fmt.Fprintln(c.stderr, "apierr classify: reading a response from the terminal; "+
			"end it with Ctrl-D")
	}
	resp, err := readResponse(in, name, status)
	if err != nil {
		return c.fail("classify", err)
	}
	r := c.read(resp)
	if err := c.show(format, r.view()); err != nil {
		return c.fail("classify", err)
	}
	if r.e != nil {
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
// bare body. Its errors are one line each, fit for the user. The body is
// left unread.
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
		return nil, fmt.Errorf("%s is empty: want a response as \"curl -si\" or "+
			"\"curl -v\" prints it, or a bare body with --status N", name)
	case (err == io.EOF || errors.Is(err, rawhttp.ErrNoStatusLine)) && status != 0:
		resp = &http.Response{Header: http.Header{}, Body: io.NopCloser(br), ContentLength: -1}
	case errors.Is(err, rawhttp.ErrNoStatusLine):
		return nil, fmt.Errorf("%s has no HTTP status line: give a response as "+
			"\"curl -si\" or \"curl -v\" prints it, or a bare body with --status N", name)
	case err != nil:
		return nil, fmt.Errorf("%s is not a readable HTTP response: %s", name,
			strings.TrimPrefix(err.Error(), "rawhttp: "))
	}
	if status != 0 {
		resp.StatusCode = status
		resp.Status = statusLine(status)
	}
	if resp.StatusCode > 599 {
		return nil, fmt.Errorf("%s has status %d, which HTTP does not define (100 to 599)",
			name, resp.StatusCode)
	}
	return resp, nil
}
