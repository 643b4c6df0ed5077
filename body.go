// This file holds the bodies [Writer.Write] sends: the documented
// formats, RFC 9457 problem+json, and the Accept negotiation that picks
// problem+json when a client asks for it.

package apierr

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Content types of the bodies Write produces.
const (
	contentTypeJSON    = "application/json; charset=utf-8"
	contentTypeProblem = "application/problem+json"
)

// appendBody appends e's body in format and sets its Content-Type. An
// OAuth or Bearer error without a code (Unauthenticated) has no body.
func (wr Writer) appendBody(b []byte, h http.Header, e *Error, format Format, status int) []byte {
	switch format {
	case FormatProblem:
		h["Content-Type"] = []string{contentTypeProblem}
		return wr.appendProblem(b, e, status)
	case FormatOAuth, FormatBearer:
		if e.Code == "" {
			return b
		}
		h["Content-Type"] = []string{contentTypeJSON}
		return appendOAuth(b, e)
	}
	h["Content-Type"] = []string{contentTypeJSON}
	return appendCodeTitleDetail(b, e)
}

func appendCodeTitleDetail(b []byte, e *Error) []byte {
	b = append(b, `{"code":`...)
	b = appendJSONString(b, string(e.Code))
	b = append(b, `,"title":`...)
	b = appendJSONString(b, e.Title)
	b = append(b, `,"detail":`...)
	b = appendJSONString(b, e.Detail)
	return append(b, '}')
}

func appendOAuth(b []byte, e *Error) []byte {
	b = append(b, `{"error":`...)
	b = appendJSONString(b, string(e.Code))
	b = append(b, `,"error_description":`...)
	b = appendJSONString(b, e.Detail)
	if details := wireDetails(e.Details); details != nil {
		b = append(b, `,"error_details":`...)
		b = append(b, details...)
	}
	return append(b, '}')
}

// wireDetails is Details fit for the wire: valid JSON, with any byte that
// is not UTF-8 (JSON strings may carry them) replaced by U+FFFD; nil when
// Details is empty or not JSON.
func wireDetails(details json.RawMessage) json.RawMessage {
	if len(details) == 0 || !json.Valid(details) {
		return nil
	}
	if !utf8.Valid(details) {
		// Invalid bytes can only sit inside strings, where U+FFFD is as valid.
		return json.RawMessage(strings.ToValidUTF8(string(details), "\uFFFD"))
	}
	return details
}

// appendProblem writes an RFC 9457 body: type, title, status, detail and
// code, then the members of an object in Details as extension members at
// the top level (§3.2), or other details under "error_details". A member
// whose name is a standard one in any case ("CODE", "Status") is dropped:
// a reader that matches names without case, encoding/json among them,
// would take it for the standard member.
func (wr Writer) appendProblem(b []byte, e *Error, status int) []byte {
	title := e.Title
	b = append(b, `{"type":`...)
	if wr.ProblemTypeBase != "" && e.Code != "" {
		b = appendJSONString(b, wr.ProblemTypeBase+url.PathEscape(string(e.Code)))
	} else {
		b = append(b, `"about:blank"`...)
		title = StatusText(status) // RFC 9457 §4.2.1: about:blank's title is the phrase
	}
	b = append(b, `,"title":`...)
	b = appendJSONString(b, title)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, `,"detail":`...)
	b = appendJSONString(b, e.Detail)
	if e.Code != "" {
		b = append(b, `,"code":`...)
		b = appendJSONString(b, string(e.Code))
	}
	details := wireDetails(e.Details)
	if details == nil {
		return append(b, '}')
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(details, &members) != nil || members == nil {
		b = append(b, `,"error_details":`...)
		b = append(b, details...)
		return append(b, '}')
	}
	for _, name := range slices.Sorted(maps.Keys(members)) {
		if isProblemStandard(name) {
			continue
		}
		b = append(b, ',')
		b = appendJSONString(b, name)
		b = append(b, ':')
		b = append(b, members[name]...)
	}
	return append(b, '}')
}

// prefersProblem reports whether a request's Accept lines, read as one
// list (RFC 9110 §5.3), rank application/problem+json above
// application/json (§12.5.1): a client must opt in; a tie keeps the
// documented format.
func prefersProblem(lines []string) bool {
	var problem, plain acceptWeight // the most specific range decides each type's weight
	problem.spec, plain.spec = -1, -1
	for _, line := range lines {
		for rest := line; rest != ""; {
			var item string
			item, rest, _ = strings.Cut(rest, ",")
			mediaRange, params, _ := strings.Cut(item, ";")
			q := acceptQ(params)
			switch strings.ToLower(strings.TrimSpace(mediaRange)) {
			case "*/*":
				problem.offer(q, 0)
				plain.offer(q, 0)
			case "application/*":
				problem.offer(q, 1)
				plain.offer(q, 1)
			case "application/json":
				plain.offer(q, 2)
			case "application/problem+json":
				problem.offer(q, 2)
			}
		}
	}
	return problem.spec == 2 && problem.q > 0 && problem.q > plain.q
}

// acceptWeight is a media type's weight, from the most specific range that
// named it: 0 for */*, 1 for application/*, 2 for the type itself.
type acceptWeight struct {
	q    float64
	spec int
}

// offer takes q from a range of specificity spec if it is more specific
// than any before; among equals the first wins.
func (w *acceptWeight) offer(q float64, spec int) {
	if spec > w.spec {
		w.q, w.spec = q, spec
	}
}

// acceptQ returns the q parameter of an Accept element's parameters, 1
// when absent, 0 when malformed (RFC 9110 §12.4.2: a weight is 0 to 1).
func acceptQ(params string) float64 {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}
