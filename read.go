package apierr

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxErrorBody is the most of an error response's body [FromResponse]
// reads: error bodies are small, and a client must not buffer a 10 MB page
// because a gateway sent one.
const MaxErrorBody = 64 << 10

// FromResponse classifies resp: nil below 400, otherwise an *Error, never
// any other error type. It reads at most MaxErrorBody bytes of the body,
// then closes it.
//
// It recognises the documented formats ({"code","title","detail"},
// {"error","error_description","error_details"}, a Bearer challenge in
// WWW-Authenticate, RFC 9457 problem+json with a "code" member), Open
// Finance Brasil's {"errors":[…]} envelope, and what gateways send instead:
// {"message":…}, plain text, HTML, nothing. JSON is read under any content
// type, after a UTF-8 BOM, and when truncated (what was read is kept).
//
// Status is always resp's. Format is what was on the wire: FormatBearer when
// a Bearer challenge carries an error. A known code sets Retry and fills in
// a title or detail the body lacks; an unknown code keeps what the body said
// and takes StatusRetry(resp.StatusCode), except that a 429 whose code or
// title reads "Too Many Sessions" is Backoff. Header, Raw, Challenge and
// RetryAfter (an HTTP-date measured from the response's Date) are filled.
func FromResponse(resp *http.Response) error {
	if resp == nil || resp.StatusCode < 400 {
		return nil
	}
	var body []byte
	if resp.Body != nil {
		body = readBounded(resp.Body, MaxErrorBody, resp.ContentLength)
		_ = resp.Body.Close()
	}
	header := resp.Header
	if header == nil {
		header = http.Header{}
	}
	return classify(resp.StatusCode, header, body)
}

// readBounded reads at most limit bytes of r, sizing the buffer from the
// declared length when there is one, and keeps what it read on an error.
func readBounded(r io.Reader, limit, declared int64) []byte {
	buf, _ := readBoundedEOF(r, limit, declared)
	return buf
}

// readBoundedEOF is readBounded that also reports whether it read the body
// to its end, so that a caller with nothing left to drain can just close.
func readBoundedEOF(r io.Reader, limit, declared int64) ([]byte, bool) {
	size := int64(512)
	if declared >= 0 {
		size = min(declared+1, limit) // +1: a read that sees EOF at once
	}
	buf := make([]byte, 0, max(size, 1))
	lr := io.LimitedReader{R: r, N: limit}
	for empty := 0; empty < 100; { // a reader that never progresses is done
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil || lr.N <= 0 {
			return buf, err == io.EOF
		}
		if n == 0 {
			empty++
		}
	}
	return buf, false
}

// classify builds the *Error for a response from its status, headers and
// (a bounded prefix of) its body: the one rule set FromResponse and the
// Transport share.
func classify(status int, header http.Header, body []byte) *Error {
	e := new(Error)
	classifyInto(e, status, header, body)
	return e
}

func classifyInto(e *Error, status int, header http.Header, body []byte) {
	*e = Error{Status: status, Header: header}
	readBody(e, header, body)

	if c, ok := bearerChallenge(header); ok {
		e.Challenge = new(Challenge)
		*e.Challenge = c
		if code := c.Params["error"]; code != "" {
			e.Format = FormatBearer
			if e.Code == "" {
				e.Code = Code(code)
			}
			if e.Detail == "" {
				e.Detail = c.Params["error_description"]
			}
		}
	}

	if entry, ok := Lookup(e.Code); ok {
		// The code's own class wins over the status: a request the code
		// calls wrong fails again however the gateway reported it.
		e.Retry = entry.Retry
		if e.Title == "" {
			e.Title = entry.Title
		}
		if e.Detail == "" {
			e.Detail = entry.Detail
		}
	} else {
		e.Retry = StatusRetry(status)
		if status == http.StatusTooManyRequests &&
			(isTooManySessions(string(e.Code)) || isTooManySessions(e.Title)) {
			e.Retry = Backoff // seed 003's one 4xx exception, by any spelling
		}
	}

	if v := header.Get("Retry-After"); v != "" {
		now := time.Now()
		if date, err := http.ParseTime(header.Get("Date")); err == nil {
			now = date // measure an HTTP-date against the server's own clock
		}
		e.RetryAfter, _ = ParseRetryAfter(v, now)
	}
}

// bearerChallenge returns the first Bearer challenge of WWW-Authenticate,
// even when a later part of the header is malformed.
func bearerChallenge(header http.Header) (Challenge, bool) {
	values := header.Values("Www-Authenticate")
	if len(values) == 0 {
		return Challenge{}, false
	}
	all, _ := ParseChallenges(values...)
	for _, c := range all {
		if strings.EqualFold(c.Scheme, "Bearer") {
			return c, true
		}
	}
	return Challenge{}, false
}

// isTooManySessions reports whether s reads "Too Many Sessions" in any
// case, with spaces, underscores or hyphens between the words or none.
func isTooManySessions(s string) bool {
	const want = "toomanysessions"
	if len(s) < len(want) || len(s) > 2*len(want) {
		return false
	}
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '_' || c == '-':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if j == len(want) || c != want[j] {
			return false
		}
		j++
	}
	return j == len(want)
}

var utf8BOM = []byte("\xef\xbb\xbf")

// readBody fills e's body fields: Raw, and what a documented format says.
func readBody(e *Error, header http.Header, body []byte) {
	e.Raw = body
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, utf8BOM))
	if len(trimmed) == 0 {
		return
	}
	if trimmed[0] != '{' {
		if isPlainText(trimmed) {
			e.Detail = string(trimmed) // "no healthy upstream", "Forbidden"
		}
		return
	}
	// json.Valid costs a fraction of json.Unmarshal's reflection; once the
	// document is known good, one pass over its top-level members is all
	// a classification needs.
	var w wireBody
	scanBody(&w, trimmed, json.Valid(trimmed))
	switch {
	case isProblemJSON(header.Get("Content-Type")) ||
		w.Type != "" && w.Status.present && !w.Error.present:
		e.Format = FormatProblem
		e.Code = Code(w.Code.text)
		e.Title, e.Detail = w.Title, w.Detail
		e.Details = nonNull(w.ErrorDetails)
	case w.Code.isString:
		e.Format = FormatCodeTitleDetail
		e.Code = Code(w.Code.text)
		e.Title, e.Detail = w.Title, w.Detail
	case w.Error.present:
		// A numeric error (seed 000: "error":401) is no code; the text is
		// the detail either way.
		e.Format = FormatOAuth
		e.Code = Code(w.Error.text)
		e.Detail = w.ErrorDescription
		e.Details = nonNull(w.ErrorDetails)
	case len(w.Errors) > 0 && w.Errors[0].Code != "":
		e.Format = FormatCodeTitleDetail
		e.Code = Code(w.Errors[0].Code)
		e.Title, e.Detail = w.Errors[0].Title, w.Errors[0].Detail
	default:
		// {"message":…} from Kong or AWS API Gateway, or JSON of no
		// documented shape: no code, but the words are worth keeping.
		e.Detail = cmp.Or(w.Message, w.Detail, w.ErrorDescription)
		e.Title = w.Title
	}
}

// isProblemJSON reports whether a Content-Type is application/problem+json,
// whatever its case and parameters, without mime.ParseMediaType's maps.
func isProblemJSON(contentType string) bool {
	const want = "application/problem+json"
	ct := strings.TrimLeft(contentType, " \t")
	if len(ct) < len(want) || !strings.EqualFold(ct[:len(want)], want) {
		return false
	}
	rest := strings.TrimLeft(ct[len(want):], " \t")
	return rest == "" || rest[0] == ';'
}

func nonNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return raw
}

// maxPlainDetail bounds the text body kept as a detail: a gateway's one
// line, not a page.
const maxPlainDetail = 512

// isPlainText reports whether a body is a short text worth keeping as the
// detail: not HTML, a JSON array or binary.
func isPlainText(b []byte) bool {
	if len(b) > maxPlainDetail || b[0] == '<' || b[0] == '[' || !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
	}
	return true
}

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
