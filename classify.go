package apierr

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// wireBody is every member the documented error bodies use. Members that
// some APIs send as numbers (seed 000's "error":401) are flexible, so one
// unexpected type costs nothing but itself.
type wireBody struct {
	Code             flexString      `json:"code"`
	Title            string          `json:"title"`
	Detail           string          `json:"detail"`
	Error            flexString      `json:"error"`
	ErrorDescription string          `json:"error_description"`
	ErrorDetails     json.RawMessage `json:"error_details"`
	Message          string          `json:"message"`
	Type             string          `json:"type"`
	Status           flexString      `json:"status"`
	Errors           []envelopeError `json:"errors"`
}

// envelopeError is one error of Open Finance Brasil's envelope:
// {"errors":[{"code","title","detail"}]}.
type envelopeError struct {
	Code   string `json:"code"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// flexString is a member that may be a string or not: it records that it
// was present, and its text when it was a string.
type flexString struct {
	text     string
	present  bool
	isString bool
}

// UnmarshalJSON takes any JSON value; encoding/json has already checked it.
func (f *flexString) UnmarshalJSON(b []byte) error {
	*f = flexString{present: string(b) != "null"}
	if len(b) < 2 || b[0] != '"' {
		return nil
	}
	f.isString = true
	if inner := b[1 : len(b)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		f.text = string(inner) // nothing to unescape or replace: the bytes are the text
		return nil
	}
	text, err := unquoteJSON(b)
	f.text = text
	return err
}

// unquoteJSON decodes a JSON string with escapes. It is apart from
// UnmarshalJSON so that only this rare path puts a string on the heap.
func unquoteJSON(b []byte) (string, error) {
	var s string
	err := json.Unmarshal(b, &s)
	return s, err
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

// scanBody reads the top-level members of a JSON object into w. With valid
// set, the document passed json.Valid and values need no second check.
// Otherwise it reads what it can: a truncated body, or the unquoted keys of
// seed 003's own examples ({ code: "X", detail: "no closing quote }), taking
// the members it understands in order and stopping at the first it cannot
// read.
func scanBody(w *wireBody, b []byte, valid bool) {
	s := bodyScanner{b: b, i: 1, valid: valid} // past '{'
	for {
		s.skip(" \t\r\n,")
		name, ok := s.name()
		if !ok {
			return
		}
		s.skip(" \t\r\n")
		if !s.consume(':') {
			return
		}
		s.skip(" \t\r\n")
		raw, ok := s.value()
		if !ok {
			return
		}
		setMember(w, name, raw)
	}
}

func setMember(w *wireBody, name string, raw json.RawMessage) {
	var flex flexString
	_ = flex.UnmarshalJSON(raw) // raw is a valid JSON value: it cannot fail
	switch strings.ToLower(name) {
	case "code":
		w.Code = flex
	case "title":
		w.Title = flex.text
	case "detail":
		w.Detail = flex.text
	case "error":
		w.Error = flex
	case "error_description":
		w.ErrorDescription = flex.text
	case "error_details":
		w.ErrorDetails = raw
	case "message":
		w.Message = flex.text
	case "type":
		w.Type = flex.text
	case "status":
		w.Status = flex
	case "errors":
		var envelope []envelopeError
		_ = json.Unmarshal(raw, &envelope) // a wrong shape leaves no envelope
		w.Errors = envelope
	}
}

// bodyScanner walks a JSON-like object without ever failing hard.
type bodyScanner struct {
	b     []byte
	i     int
	valid bool // the whole document passed json.Valid
}

func (s *bodyScanner) skip(set string) {
	for s.i < len(s.b) && strings.IndexByte(set, s.b[s.i]) >= 0 {
		s.i++
	}
}

func (s *bodyScanner) consume(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// name reads a quoted or bare member name.
func (s *bodyScanner) name() (string, bool) {
	if s.i >= len(s.b) {
		return "", false
	}
	if s.b[s.i] == '"' {
		var name flexString
		err := name.UnmarshalJSON(s.str())
		return name.text, err == nil && name.isString
	}
	start := s.i
	for s.i < len(s.b) && (isIdentByte(s.b[s.i])) {
		s.i++
	}
	return string(s.b[start:s.i]), s.i > start
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c == '-' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// str reads a string; one left open at the end of its line or of the body
// is closed there, as seed 003's PARAMETRO_INVALIDO example needs.
func (s *bodyScanner) str() json.RawMessage {
	start := s.i
	s.i++
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '\\':
			s.i += 2
			continue
		case '"':
			s.i++
			return s.b[start:s.i]
		case '\n':
			return closeString(s.b[start:s.i])
		}
		s.i++
	}
	s.i = len(s.b)
	return closeString(s.b[start:])
}

// closeString turns an unterminated string into a valid JSON one, keeping
// its escapes when they are valid.
func closeString(open []byte) json.RawMessage {
	text := bytes.TrimRight(open[1:], " \t\r")
	closed := append(append([]byte{'"'}, text...), '"')
	if json.Valid(closed) {
		return closed
	}
	quoted, _ := json.Marshal(string(text))
	return quoted
}

// value reads a member's value: a string, or a number, literal, object or
// array taken raw (an unbalanced one is not a value).
func (s *bodyScanner) value() (json.RawMessage, bool) {
	if s.i >= len(s.b) {
		return nil, false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.str(), true
	case c == '{' || c == '[':
		start, depth := s.i, 0
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				s.str() // skipped whole: quoted brackets do not count
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				raw := s.b[start:s.i]
				return raw, s.valid || json.Valid(raw)
			}
		}
		return nil, false
	default:
		start := s.i
		for s.i < len(s.b) && strings.IndexByte(",}\n\r \t", s.b[s.i]) < 0 {
			s.i++
		}
		raw := s.b[start:s.i]
		return raw, s.valid || json.Valid(raw)
	}
}
