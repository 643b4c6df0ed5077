// This file holds the JSON apierr reads and writes by hand: the string
// encoder that Write's bodies use, and the lenient one-pass scanner that
// reads error bodies, truncated or not. Their fuzz oracles hold both to
// encoding/json.

package apierr

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// wireBody is every member the documented error bodies use. Members that
// some APIs send as numbers (the OpenID Connect client's "error":401) are
// flexible, so one unexpected type costs nothing but itself.
//
// scanBody fills it by member name itself; the JSON tags say the same
// names to encoding/json, which FuzzScanBody holds the scanner to.
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

// envelopeError is one error of the {"errors":[…]} envelope: Open Finance
// Brasil's {"code","title","detail"}, or the Docker registry's
// {"code","message","detail"} whose detail is structured.
type envelopeError struct {
	Code    string          `json:"code"`
	Title   string          `json:"title"`
	Message string          `json:"message"`
	Detail  json.RawMessage `json:"detail"`
}

// detailText is the detail when it is a string.
func (e envelopeError) detailText() string {
	var f flexString
	_ = f.UnmarshalJSON(e.Detail) // json.Unmarshal checked it: a valid value
	return f.text
}

// structuredDetail is the detail when it is an object or an array.
func (e envelopeError) structuredDetail() json.RawMessage {
	if len(e.Detail) > 0 && (e.Detail[0] == '{' || e.Detail[0] == '[') {
		return e.Detail
	}
	return nil
}

// flexString is a member that may be a string or not: it records that it
// was present, and its text when it was a string.
type flexString struct {
	text     string
	present  bool
	isString bool
}

// UnmarshalJSON takes any JSON value. A string with an escape JSON does
// not allow (the lenient scanner passes some through) keeps its text as
// written, never nothing: a body's own detail must not be lost to the
// catalog's.
func (f *flexString) UnmarshalJSON(b []byte) error {
	*f = flexString{present: len(b) > 0 && string(b) != "null"}
	if len(b) < 2 || b[0] != '"' {
		return nil
	}
	f.isString = true
	inner := b[1 : len(b)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		f.text = string(inner) // nothing to unescape or replace: the bytes are the text
		return nil
	}
	text, err := unquoteJSON(b)
	if err != nil {
		text = strings.ToValidUTF8(string(inner), "\uFFFD")
	}
	f.text = text
	return nil
}

// unquoteJSON decodes a JSON string with escapes. It is apart from
// UnmarshalJSON so that only this rare path puts a string on the heap.
func unquoteJSON(b []byte) (string, error) {
	var s string
	err := json.Unmarshal(b, &s)
	return s, err
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
	_ = flex.UnmarshalJSON(raw) // never fails: a bad string keeps its text as written
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
		_ = json.Unmarshal(raw, &envelope) // a wrong-typed member is skipped; the rest is kept
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

const hexDigits = "0123456789abcdef"

// jsonPlain marks the ASCII bytes a JSON string holds as they are: not a
// control, '"' or '\\', nor '<', '>' and '&', which encoding/json escapes.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json
// does (HTML characters, U+2028 and U+2029 included; invalid UTF-8 becomes
// U+FFFD), without reflection or an allocation.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// problemStandard are the members RFC 9457 defines, plus "code": a problem
// body's other members are its extensions.
var problemStandard = [...]string{"type", "title", "status", "detail", "instance", "code"}

func isProblemStandard(name string) bool {
	for _, std := range problemStandard {
		if strings.EqualFold(name, std) {
			return true
		}
	}
	return false
}

// problemExtensions returns a problem body's extension members as one JSON
// object, in their order, or nil when it has none. Names are matched to
// the standard ones in any case, as scanBody reads them.
func problemExtensions(b []byte, valid bool) json.RawMessage {
	var out []byte
	s := bodyScanner{b: b, i: 1, valid: valid}
	for {
		s.skip(" \t\r\n,")
		start := s.i
		name, ok := s.name()
		if !ok {
			break
		}
		nameEnd := s.i
		s.skip(" \t\r\n")
		if !s.consume(':') {
			break
		}
		s.skip(" \t\r\n")
		raw, ok := s.value()
		if !ok {
			break
		}
		if isProblemStandard(name) {
			continue
		}
		if out == nil {
			out = append(out, '{')
		} else {
			out = append(out, ',')
		}
		if b[start] == '"' {
			out = append(out, b[start:nameEnd]...)
		} else {
			out = appendJSONString(out, name) // an unquoted key, as some examples print
		}
		out = append(out, ':')
		out = append(out, raw...)
	}
	if out == nil {
		return nil
	}
	out = append(out, '}')
	if !valid && !json.Valid(out) {
		return nil // a lenient read's pieces need not make a document
	}
	return out
}
