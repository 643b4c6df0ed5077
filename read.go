// This file holds the client side: reading any error response into an
// [*Error] ([FromResponse], [Catalog.FromResponse]) by one set of rules the
// [Transport] shares, and [ParseRetryAfter].

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

	"github.com/apierr/apierr/internal/rawhttp"
)

// MaxErrorBody is the most of an error response's body [FromResponse]
// reads, and the most it decodes from a compressed one: error bodies are
// small, and a client must not buffer a 10 MB page because a gateway sent
// one.
const MaxErrorBody = 64 << 10

// FromResponse classifies resp with the documented codes:
// Documented().FromResponse(resp).
func FromResponse(resp *http.Response) error { return documented.FromResponse(resp) }

// FromResponse classifies resp, knowing c's codes: nil below 400, otherwise
// an [*Error], never any other error type, whatever the body. It reads at
// most [MaxErrorBody] bytes of the body, then closes it.
//
// It reads the documented formats ({"code","title","detail"},
// {"error","error_description","error_details"}, a Bearer challenge in
// WWW-Authenticate, RFC 9457 problem+json with a "code" member), the
// {"errors":[…]} envelope of Open Finance Brasil and the Docker registry,
// and what gateways send instead: {"message":…}, plain text, HTML (its
// title), nothing. JSON is read under any content type, after a UTF-8 BOM,
// and when truncated or written with unquoted keys (what was read is
// kept); a gzip or deflate body is decoded first.
//
// Status is always resp's; Format is what was on the wire ([FormatBearer]
// when a Bearer challenge carries an error). Retry follows the first rule
// that applies:
//
//  1. a Bearer challenge whose error is invalid_token: [Reauthenticate],
//     whatever the body's code;
//  2. a code c knows: its class (the body's code; the challenge's error
//     only when the body has none). A known code also fills in a title or
//     detail the body lacks;
//  3. a 429 whose code or title reads "Too Many Sessions": [Backoff];
//  4. a 401 that carries any challenge: [Reauthenticate] (RFC 6750 §3.1:
//     no credentials, or credentials the server does not know);
//  5. otherwise [StatusRetry] of the status.
//
// Header, Raw, Challenge, Gateway and RetryAfter (an HTTP-date measured
// from the response's own Date) are filled in.
func (c *Catalog) FromResponse(resp *http.Response) error {
	if resp == nil || resp.StatusCode < 400 {
		return nil
	}
	var body []byte
	if resp.Body != nil {
		body = readBounded(resp.Body, MaxErrorBody, resp.ContentLength)
		_ = resp.Body.Close()
	}
	return c.classify(resp.StatusCode, resp.Header, body)
}

// readBounded reads at most limit bytes of r, sizing the buffer from the
// declared length when there is one, and keeps what it read on an error.
func readBounded(r io.Reader, limit, declared int64) []byte {
	buf := make([]byte, 0, firstBufferSize(limit, declared))
	lr := io.LimitedReader{R: r, N: limit}
	for empty := 0; empty < maxEmptyReads; {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil || lr.N <= 0 {
			return buf
		}
		if n == 0 {
			empty++
		}
	}
	return buf
}

// firstBufferSize is the buffer a bounded body read starts with: the
// declared length and one byte more, for the read that sees EOF at once,
// or 512 bytes when none is declared; never over limit.
func firstBufferSize(limit, declared int64) int64 {
	if declared >= 0 {
		return max(min(declared+1, limit), 1)
	}
	return min(512, limit)
}

// maxEmptyReads ends a bounded read of a reader that returns nothing a
// hundred times in a row: it would spin forever.
const maxEmptyReads = 100

// classify builds the *Error for a response from its status, headers and
// (a bounded prefix of) its body, as received: the one rule set
// FromResponse and the Transport share.
func (c *Catalog) classify(status int, header http.Header, raw []byte) *Error {
	if header == nil {
		header = http.Header{}
	}
	e := &Error{Status: status, Header: header, Raw: raw, received: true}
	body := decoded(header, raw)
	problemBlank := readBody(e, header, body)

	bearer, anyChallenge := firstBearer(header.Values("Www-Authenticate"))
	if bearer != nil {
		e.Challenge = bearer
		if code := bearer.Params["error"]; code != "" {
			// A page's title or text says less than the challenge's own
			// description: "Error" beside "'exp' claim timestamp check failed".
			if desc := bearer.Params["error_description"]; desc != "" &&
				(e.Detail == "" || e.Format == FormatUnknown) {
				e.Detail = desc
			}
			e.Format = FormatBearer
			if e.Code == "" {
				e.Code = Code(code)
			}
		}
	}
	entry, known := c.Lookup(e.Code)
	if known {
		if e.Title == "" || problemBlank {
			e.Title = entry.Title // under about:blank the body's title is the status phrase
		}
		if e.Detail == "" {
			e.Detail = entry.Detail
		}
	}
	e.Retry = retryClass(e, bearer, anyChallenge, entry, known)
	e.RetryAfter = retryAfterOf(header)
	nameGateway(e, body)
	return e
}

// retryClass is FromResponse's five rules, in their order.
func retryClass(e *Error, bearer *Challenge, anyChallenge bool, entry Entry,
	known bool) RetryClass {
	switch {
	case bearer != nil && bearer.Params["error"] == string(InvalidToken):
		return Reauthenticate
	case known:
		return entry.Retry
	case e.Status == http.StatusTooManyRequests &&
		(isTooManySessions(string(e.Code)) || isTooManySessions(e.Title)):
		return Backoff // Brick Bank's one 4xx exception, by any spelling
	case e.Status == http.StatusUnauthorized && anyChallenge:
		return Reauthenticate
	}
	return StatusRetry(e.Status)
}

// retryAfterOf reads a response's Retry-After, measuring an HTTP-date
// against the server's own clock (its Date) when it sent one.
func retryAfterOf(header http.Header) time.Duration {
	v := header.Get("Retry-After")
	if v == "" {
		return 0
	}
	now := time.Now()
	if date, err := http.ParseTime(header.Get("Date")); err == nil {
		now = date
	}
	d, _ := ParseRetryAfter(v, now)
	return d
}

// decoded is body decoded from its Content-Encoding (gzip or deflate), at
// most MaxErrorBody bytes of it, by the same rule the command line reads
// captures with; a body with no coding, or one that does not decode, is
// body itself. What decoded before a fault is kept: a body cut by the peek
// limit still gives its first bytes.
func decoded(header http.Header, body []byte) []byte {
	if header.Get("Content-Encoding") == "" {
		return body
	}
	d := rawhttp.Decode(header, bytes.NewReader(body), MaxErrorBody)
	if len(d.Data) == 0 {
		return body
	}
	return d.Data
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

// readBody fills e's body fields from what a documented format says, and
// reports a problem+json body whose type is about:blank (its title is then
// only the status phrase).
func readBody(e *Error, header http.Header, body []byte) (problemBlank bool) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, utf8BOM))
	switch {
	case len(trimmed) == 0:
		return false
	case trimmed[0] == '<':
		e.Detail = htmlTitle(trimmed) // a gateway's page: "502 Bad Gateway"
		return false
	case trimmed[0] != '{':
		if isPlainText(trimmed) {
			e.Detail = string(trimmed) // "no healthy upstream", "Forbidden"
		}
		return false
	}
	return readJSONBody(e, header, trimmed)
}

// readJSONBody fills e from a JSON body, or what reads as one.
func readJSONBody(e *Error, header http.Header, body []byte) (problemBlank bool) {
	// json.Valid costs a fraction of json.Unmarshal's reflection; once the
	// document is known good, one pass over its top-level members is all
	// a classification needs.
	var w wireBody
	valid := json.Valid(body)
	scanBody(&w, body, valid)
	switch {
	case isProblemJSON(header.Get("Content-Type")) ||
		w.Type != "" && w.Status.present && !w.Error.present:
		e.Format = FormatProblem
		e.Code = Code(w.Code.text)
		e.Title, e.Detail = w.Title, w.Detail
		e.Details = problemExtensions(body, valid)
		return w.Type == "" || w.Type == "about:blank"
	case w.Code.isString:
		e.Format = FormatCodeTitleDetail
		e.Code = Code(w.Code.text)
		e.Title, e.Detail = w.Title, w.Detail
	case w.Error.present:
		// A numeric error (the OpenID Connect client's "error":401) is no
		// code; the text is the detail either way.
		e.Format = FormatOAuth
		e.Code = Code(w.Error.text)
		e.Detail = w.ErrorDescription
		e.Details = nonNull(w.ErrorDetails)
	case len(w.Errors) > 0 && w.Errors[0].Code != "":
		first := w.Errors[0]
		e.Format = FormatCodeTitleDetail
		e.Code = Code(first.Code)
		e.Title = first.Title
		e.Detail = cmp.Or(first.detailText(), first.Message)
		e.Details = first.structuredDetail()
	default:
		// {"message":…} from Kong or AWS API Gateway, or JSON of no
		// documented shape: no code, but the words are worth keeping.
		e.Detail = cmp.Or(w.Message, w.Detail, w.ErrorDescription)
		e.Title = w.Title
	}
	return false
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

// htmlTitle returns the text of an HTML page's <title>, or of its first
// <h1> when it has none (HAProxy's pages), with its white space collapsed
// and the five common entities decoded; "" when neither is there or the
// text is not short UTF-8.
func htmlTitle(page []byte) string {
	for _, tag := range [...]string{"title", "h1"} {
		text, ok := elementText(page, tag)
		if ok {
			return text
		}
	}
	return ""
}

func elementText(page []byte, tag string) (string, bool) {
	open := indexFold(page, "<"+tag)
	if open < 0 {
		return "", false
	}
	start := bytes.IndexByte(page[open:], '>')
	if start < 0 {
		return "", false
	}
	start += open + 1
	end := indexFold(page[start:], "</"+tag)
	if end < 0 || end > maxPlainDetail {
		return "", false
	}
	raw := page[start : start+end]
	if !utf8.Valid(raw) {
		return "", false
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	return htmlEntities.Replace(text), text != ""
}

var htmlEntities = strings.NewReplacer(
	"&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#x27;", "'")

// indexFold is bytes.Index of an ASCII needle, ignoring case.
func indexFold(s []byte, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if strings.EqualFold(string(s[i:i+len(needle)]), needle) {
			return i
		}
	}
	return -1
}

// ParseRetryAfter reads a Retry-After value (RFC 9110 §10.2.3): delay
// seconds, or an HTTP-date in any of its three forms (IMF-fixdate, RFC 850,
// asctime; RFC 9110 §5.6.7) measured from now. An RFC 850 date's two-digit
// year that would be more than 50 years after now is in the century before.
// A date in the past is a wait of 0. It reports false for anything else,
// negative or fractional seconds included.
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
	t, ok := parseHTTPDate(v, now)
	if !ok {
		return 0, false
	}
	d := t.Sub(now)
	return min(max(d, 0), maxRetryAfter), true
}

// parseHTTPDate parses the three HTTP-date forms, giving an RFC 850 date
// the year RFC 9110 §5.6.7 asks for: the one ending in its two digits that
// is at most 50 years after now.
func parseHTTPDate(v string, now time.Time) (time.Time, bool) {
	if t, err := time.Parse(http.TimeFormat, v); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC850, v); err == nil {
		yy := t.Year() % 100
		year := now.Year() - now.Year()%100 + yy
		switch {
		case year > now.Year()+50:
			year -= 100
		case year <= now.Year()-50:
			year += 100
		}
		return t.AddDate(year-t.Year(), 0, 0), true
	}
	if t, err := time.Parse(time.ANSIC, v); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
