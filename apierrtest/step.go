// This file holds a script's unit: the Step, one scripted answer, and the
// constructors of the answers an API or the network in front of it gives.

package apierrtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"

	"github.com/apierr/apierr"
)

// Step is one scripted answer of a [Server]: build it with [Respond],
// [Status], [Reset], [Truncated] or a gateway page such as
// [NginxBadGateway], and repeat it with [Step.Times]. The zero Step answers
// nothing; [NewServer] and [Server.Handle] reject it.
type Step struct {
	answer answer
	times  int   // how many requests in a row get this answer
	err    error // why the step cannot be served, reported when it is scripted
}

// answer serves one request that has been read in full (complete) or not.
type answer interface {
	serve(s *Server, w http.ResponseWriter, r *http.Request, complete bool)
}

// Times returns the step answering n requests in a row instead of one.
// n must be at least 1: NewServer and Handle fail the test otherwise.
func (s Step) Times(n int) Step {
	if n < 1 && s.err == nil {
		s.err = fmt.Errorf("Times(%d): a step answers at least one request", n)
	}
	s.times = n
	return s
}

// check reports what makes s unusable in a script.
func (s Step) check() error {
	switch {
	case s.err != nil:
		return s.err
	case s.answer == nil:
		return errors.New("the zero Step answers nothing; build steps with Respond, Status, " +
			"Reset, Truncated or a gateway page")
	}
	return nil
}

// quiet writes errors as [apierr.Write] does, without logging them: a
// scripted failure is what the test asked for, not an incident.
var quiet = apierr.Writer{Logger: slog.New(slog.DiscardHandler)}

// Respond returns a step that writes err with [apierr.Write], for the
// request it answers: its Accept header may ask for problem+json, and its
// x-fapi-interaction-id is echoed, as an API built on apierr would. err is an
// [*apierr.Error] (apierr.New(apierr.ConsentimentoInvalido)), or any other
// error, which goes out as 500 ERRO_INTERNO. A nil err is rejected when
// scripted: use [Status] for a success.
func Respond(err error) Step {
	s := Step{answer: respond{err}, times: 1}
	if err == nil {
		s.err = errors.New("Respond(nil): no error to write; use Status for a success")
	}
	return s
}

type respond struct{ err error }

func (a respond) serve(_ *Server, w http.ResponseWriter, r *http.Request, _ bool) {
	quiet.Write(w, r, a.err)
}

// Status returns a step that sends status, header and body as given: no
// Content-Type is added when header has none, only Date and Content-Length
// are (a HEAD request gets no body). status must be 200–599.
func Status(status int, header http.Header, body string) Step {
	s := Step{answer: verbatim{status, header.Clone(), body}, times: 1}
	if status < 200 || status > 599 {
		s.err = fmt.Errorf("Status(%d): a final HTTP status is 200–599", status)
	}
	return s
}

type verbatim struct {
	status int
	header http.Header
	body   string
}

func (a verbatim) serve(_ *Server, w http.ResponseWriter, r *http.Request, _ bool) {
	h := w.Header()
	for k, v := range a.header {
		h[k] = slices.Clone(v)
	}
	if _, ok := h["Content-Type"]; !ok {
		h["Content-Type"] = nil // net/http would sniff one; "verbatim" means none
	}
	w.WriteHeader(a.status)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, a.body) // a client that hung up has nothing more to learn
	}
}

// Reset returns a step that reads the request, then drops the connection
// with no response at all, as a crashed upstream or a load balancer
// killing a connection does: the client sees a transport error
// ("connection reset by peer"), never a status.
//
// The server closes its connection after every response it writes, so
// each request arrives on a connection of its own and a reset reaches the
// client: Go's [http.Transport] silently resends an idempotent request
// whose reused connection fails, which would hide it. Only right after a
// gateway page that announces keep-alive, served on the same connection as
// the gateway would, can the next request come on a reused one.
func Reset() Step { return Step{answer: reset{}, times: 1} }

type reset struct{}

func (reset) serve(s *Server, w http.ResponseWriter, r *http.Request, _ bool) {
	s.sendRaw(w, r, nil, resetConn, false)
}

// Truncated returns a step that writes err as [Respond] would, with the
// Content-Length of the whole body, sends only the first half of that body,
// then closes the connection: how an upstream that dies mid-response looks.
// The client reads the status and headers, then an unexpected EOF. For a
// 5xx, what it should do is what the status says: resend.
func Truncated(err error) Step {
	s := Respond(err)
	if s.err == nil {
		s.answer = truncated{err}
	}
	return s
}

type truncated struct{ err error }

func (a truncated) serve(s *Server, w http.ResponseWriter, r *http.Request, _ bool) {
	rec := httptest.NewRecorder()
	quiet.Write(rec, r, a.err)
	body := rec.Body.Bytes()
	var wire bytes.Buffer
	fmt.Fprintf(&wire, "HTTP/1.1 %d %s\r\n", rec.Code, http.StatusText(rec.Code))
	rec.Header().Set("Content-Length", strconv.Itoa(len(body)))
	_ = rec.Header().Write(&wire) // its only errors would be the buffer's, and it has none
	wire.WriteString("\r\n")
	wire.Write(body[:len(body)/2])
	s.sendRaw(w, r, wire.Bytes(), closeConn, false)
}
