package apierr

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultRealm is the realm of the Bearer challenges a [Writer] sends when
// its Realm is empty.
const DefaultRealm = "api"

// Writer writes errors as HTTP responses in their documented format. The
// zero Writer is ready to use; [Write] is Writer{}.Write.
type Writer struct {
	// Realm is the realm of Bearer challenges (RFC 6750 §3); empty means
	// DefaultRealm.
	Realm string

	// ProblemTypeBase, when set, makes a problem+json body's "type" the base
	// followed by the code ("https://api.example.com/errors/" + code); empty
	// means "about:blank".
	ProblemTypeBase string

	// Logger receives what must never reach the wire: the text of errors
	// that are not an *Error, wrapped causes of 5xx errors, and panics.
	// Nil means slog.Default().
	Logger *slog.Logger
}

// Write is Writer{}.Write.
func Write(w http.ResponseWriter, r *http.Request, err error) { Writer{}.Write(w, r, err) }

// HandlerFunc is Writer{}.HandlerFunc.
func HandlerFunc(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return Writer{}.HandlerFunc(f)
}

// Recover is Writer{}.Recover.
func Recover(h http.Handler) http.Handler { return Writer{}.Recover(h) }

// Unauthenticated is the answer to a request with no credentials, or with a
// scheme the server does not support: 401 and a Bearer challenge with a
// realm and no error code (RFC 6750 §3.1: "the resource server SHOULD NOT
// include an error code"), and no body.
func Unauthenticated() *Error {
	return &Error{
		Status:    http.StatusUnauthorized,
		Title:     "Unauthorized",
		Format:    FormatBearer,
		Retry:     Reauthenticate,
		Challenge: &Challenge{Scheme: "Bearer"},
	}
}

func (wr Writer) logger() *slog.Logger {
	if wr.Logger != nil {
		return wr.Logger
	}
	return slog.Default()
}

// Write writes err as the response to r (which may be nil):
//
//   - an *Error in err's chain is written in its Format (FormatUnknown as
//     code-title-detail), or as RFC 9457 problem+json when r's Accept
//     prefers application/problem+json; a Status outside 400–599 as 500;
//   - an *http.MaxBytesError is 413;
//   - the request's own context.Canceled writes nothing: the client is gone
//     (logged with status 499);
//   - any other error is 500 ERRO_INTERNO with the catalog's title and
//     detail. Its text goes to the Logger, never to the wire.
//
// Every error response carries X-Content-Type-Options: nosniff and
// Vary: Accept, echoes the request's x-fapi-interaction-id, and has a
// Retry-After when RetryAfter is set. HEAD gets the headers and no body.
// A nil err writes nothing.
func (wr Writer) Write(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		return
	}
	if t, ok := w.(*trackingWriter); ok && t.wrote {
		wr.logger().Error("apierr: error after the response was started; not written",
			"err", err, "status", StatusOf(err))
		return
	}
	e, ok := errors.AsType[*Error](err)
	switch {
	case ok && e != nil:
		if e.cause != nil || !validStatus(e.Status) || e.Status >= 500 {
			attrs := []any{"err", e}
			if err != error(e) { // the chain's own context, "handler: …"
				attrs = append(attrs, "chain", err.Error())
			}
			wr.logger().Error("apierr: request failed", attrs...)
		}
	case r != nil && errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		wr.logger().Info("apierr: client closed request", "status", 499, "err", err)
		return
	default:
		if tooBig, isTooBig := errors.AsType[*http.MaxBytesError](err); isTooBig {
			e = payloadTooLarge(tooBig.Limit)
			break
		}
		wr.logger().Error("apierr: internal error", "err", err)
		e = New(ErroInterno)
	}
	wr.write(w, r, e)
}

// payloadTooLarge is the 413 written for an *http.MaxBytesError. No catalog
// code exists for it (seed 003: "413 [ERROR] (Em breve)"), so its code is
// empty, as in the seed's template.
func payloadTooLarge(limit int64) *Error {
	return &Error{
		Status: http.StatusRequestEntityTooLarge,
		Title:  StatusText(http.StatusRequestEntityTooLarge),
		Detail: "O corpo da requisição excede o limite de " +
			strconv.FormatInt(limit, 10) + " bytes.",
		Format: FormatCodeTitleDetail,
	}
}

// Content types of the bodies Write produces.
const (
	contentTypeJSON    = "application/json; charset=utf-8"
	contentTypeProblem = "application/problem+json"
)

// bodyPool holds body buffers, so that a write costs no allocation for
// the body however many errors a server sends.
var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func (wr Writer) write(w http.ResponseWriter, r *http.Request, e *Error) {
	status := e.Status
	if !validStatus(status) {
		status = http.StatusInternalServerError
	}
	format := e.Format
	if r != nil && prefersProblem(r.Header.Get("Accept")) {
		format = FormatProblem
	}

	// The keys are canonical constants, so the map is written directly:
	// Header.Set would only canonicalise them again.
	h := w.Header()
	h["X-Content-Type-Options"] = []string{"nosniff"}
	if !slices.Contains(h["Vary"], "Accept") {
		h["Vary"] = append(h["Vary"], "Accept")
	}
	if r != nil {
		if id := r.Header.Get("X-Fapi-Interaction-Id"); safeInteractionID(id) {
			h["X-Fapi-Interaction-Id"] = []string{id}
		}
	}
	if e.RetryAfter > 0 {
		secs := int64(e.RetryAfter / time.Second)
		if e.RetryAfter%time.Second != 0 {
			secs++ // round up, without the overflow of adding first
		}
		h["Retry-After"] = []string{strconv.FormatInt(secs, 10)}
	}
	// What the handler declared for the body it meant to send does not
	// describe this one.
	delete(h, "Content-Length")
	delete(h, "Content-Encoding")
	delete(h, "Content-Range")
	if e.Format == FormatOAuth || e.Format == FormatBearer {
		h["Cache-Control"] = []string{"no-store"} // RFC 6749 §5.1, whatever body follows
	}
	bp := bodyPool.Get().(*[]byte)
	body := (*bp)[:0]
	if e.Format == FormatBearer {
		body = wr.appendChallenge(body, e)
		h["Www-Authenticate"] = []string{string(body)}
		body = body[:0] // the buffer, grown if need be, serves the body next
	}
	switch format {
	case FormatProblem:
		h["Content-Type"] = []string{contentTypeProblem}
		body = wr.appendProblem(body, e, status)
	case FormatOAuth, FormatBearer:
		if e.Code != "" {
			h["Content-Type"] = []string{contentTypeJSON}
			body = appendOAuth(body, e)
		}
	default:
		h["Content-Type"] = []string{contentTypeJSON}
		body = appendCodeTitleDetail(body, e)
	}
	w.WriteHeader(status)
	if len(body) > 0 && (r == nil || r.Method != http.MethodHead) {
		_, _ = w.Write(body) // the client may be gone; nothing left to tell it
	}
	if cap(body) <= 64<<10 { // don't let one huge detail pin memory in the pool
		*bp = body
		bodyPool.Put(bp)
	}
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
	if len(e.Details) > 0 && json.Valid(e.Details) {
		b = append(b, `,"error_details":`...)
		b = append(b, e.Details...)
	}
	return append(b, '}')
}

// problemMembers are the members RFC 9457 defines, plus "code": detail
// members with these names cannot override them.
var problemMembers = map[string]bool{
	"type": true, "title": true, "status": true, "detail": true, "instance": true, "code": true,
}

// appendProblem writes an RFC 9457 body. The members of an object in
// Details become extension members at the top level (§3.2); other details
// go under "error_details".
func (wr Writer) appendProblem(b []byte, e *Error, status int) []byte {
	b = append(b, `{"type":`...)
	if wr.ProblemTypeBase != "" && e.Code != "" {
		b = appendJSONString(b, wr.ProblemTypeBase+string(e.Code))
	} else {
		b = append(b, `"about:blank"`...)
	}
	b = append(b, `,"title":`...)
	b = appendJSONString(b, e.Title)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, `,"detail":`...)
	b = appendJSONString(b, e.Detail)
	if e.Code != "" {
		b = append(b, `,"code":`...)
		b = appendJSONString(b, string(e.Code))
	}
	if len(e.Details) == 0 || !json.Valid(e.Details) {
		return append(b, '}')
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(e.Details, &members) != nil || members == nil {
		b = append(b, `,"error_details":`...)
		b = append(b, e.Details...)
		return append(b, '}')
	}
	for _, name := range sortedKeys(members) {
		if problemMembers[name] {
			continue
		}
		b = append(b, ',')
		b = appendJSONString(b, name)
		b = append(b, ':')
		b = append(b, members[name]...)
	}
	return append(b, '}')
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// safeInteractionID reports whether a request's x-fapi-interaction-id may be
// echoed: a UUID in practice, so anything long or outside visible ASCII is
// not worth the risk of reflecting it.
func safeInteractionID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] >= 0x7F {
			return false
		}
	}
	return true
}

// prefersProblem reports whether an Accept header ranks
// application/problem+json above application/json (RFC 9110 §12.5.1): a
// client must opt in; a tie keeps the documented format.
func prefersProblem(accept string) bool {
	if accept == "" {
		return false
	}
	// The most specific range that matches each type decides its weight.
	problemQ, problemSpec := 0.0, -1
	jsonQ, jsonSpec := 0.0, -1
	for rest := accept; rest != ""; {
		var item string
		item, rest, _ = strings.Cut(rest, ",")
		mediaRange, params, _ := strings.Cut(item, ";")
		mediaRange = strings.ToLower(strings.TrimSpace(mediaRange))
		q := acceptQ(params)
		var spec int
		switch mediaRange {
		case "*/*":
			spec = 0
		case "application/*":
			spec = 1
		case "application/json":
			if jsonSpec < 2 {
				jsonQ, jsonSpec = q, 2
			}
			continue
		case "application/problem+json":
			if problemSpec < 2 {
				problemQ, problemSpec = q, 2
			}
			continue
		default:
			continue
		}
		if spec > problemSpec {
			problemQ, problemSpec = q, spec
		}
		if spec > jsonSpec {
			jsonQ, jsonSpec = q, spec
		}
	}
	return problemSpec == 2 && problemQ > 0 && problemQ > jsonQ
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

// HandlerFunc adapts a handler that returns an error: a non-nil error is
// written with wr.Write, and a panic is recovered as by wr.Recover.
func (wr Writer) HandlerFunc(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer wr.recoverPanic(tw, r)
		if err := f(tw, r); err != nil {
			wr.Write(tw, r, err)
		}
	})
}

// Recover answers a panic in h with 500 ERRO_INTERNO, logging the panic
// value and stack to the Logger and never sending them. It re-panics
// http.ErrAbortHandler, which asks net/http to abort the response, and
// writes nothing when h had already started its response.
func (wr Writer) Recover(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer wr.recoverPanic(tw, r)
		h.ServeHTTP(tw, r)
	})
}

func (wr Writer) recoverPanic(tw *trackingWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	path := ""
	if r.URL != nil {
		path = r.URL.Path
	}
	wr.logger().Error("apierr: handler panicked",
		"panic", fmt.Sprint(v), "method", r.Method, "path", path,
		"stack", string(debug.Stack()))
	if !tw.wrote {
		wr.write(tw, r, New(ErroInterno))
	}
}

// trackingWriter records whether a response was started, so that an error
// or a panic after that is logged instead of written into the middle of it.
// It passes Flush on; Hijack, deadlines and ReadFrom are reached through
// http.NewResponseController, which unwraps it.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (t *trackingWriter) WriteHeader(status int) {
	if status >= 200 { // a 1xx is informational: the response is not started
		t.wrote = true
	}
	t.ResponseWriter.WriteHeader(status)
}

func (t *trackingWriter) Write(b []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(b)
}

// Flush keeps handlers that assert http.Flusher working behind Recover.
func (t *trackingWriter) Flush() {
	t.wrote = true
	_ = http.NewResponseController(t.ResponseWriter).Flush()
}

// Unwrap gives http.ResponseController the underlying writer, for Flush,
// Hijack and deadlines.
func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }
