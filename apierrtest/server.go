// This file holds the scripted server: an httptest server on loopback that
// answers each request with the next step of its script and records it.

package apierrtest

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
)

// MaxBody bounds the request body a [Server] reads and records. A larger
// body fails the test; [Server.Requests] keeps its first MaxBody bytes.
const MaxBody = 8 << 20

// Server is an [httptest.Server] on loopback that answers requests with
// scripts of [Step] values and records every request it receives. Create it
// with [NewServer]. It speaks HTTP/1.1, as the gateways whose pages it
// serves do, and closes each connection after its response (see [Reset]).
// It is safe for concurrent use, and for tests that run in parallel: each
// has its own.
type Server struct {
	// URL is the server's base URL: http://127.0.0.1:port, no trailing slash.
	URL string

	tb       testing.TB
	web      *httptest.Server
	lis      *listener
	mux      *http.ServeMux // the scripts given to Handle
	fallback *script        // NewServer's script; nil when it was given none
	once     sync.Once

	mu       sync.Mutex
	requests []Request
	closed   bool
	taken    map[net.Conn]struct{} // connections answered by hand, see sendRaw
	raw      sync.WaitGroup        // the handlers answering them
}

// Request is a request a [Server] received, as it arrived.
type Request struct {
	Method, Path string
	Header       http.Header
	Body         []byte // read in full, up to MaxBody
}

// NewServer starts a [Server] that answers every request no [Server.Handle]
// pattern matches with script, in order: each step answers as many
// requests as its [Step.Times] says, and the last one answers every request
// after that. With no script, such a request fails the test and gets a 404.
// An unusable step (the zero Step, Respond(nil), Times(0)…) fails the test
// at once. The server is closed at tb's Cleanup.
func NewServer(tb testing.TB, script ...Step) *Server {
	tb.Helper()
	s := &Server{tb: tb, mux: http.NewServeMux(), taken: map[net.Conn]struct{}{}}
	if len(script) > 0 {
		sc, err := newScript(script)
		if err != nil {
			tb.Fatalf("apierrtest: NewServer: %v", err)
			return nil
		}
		s.fallback = sc
	}
	s.web = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	s.lis = newListener(s.web.Listener)
	s.web.Listener = s.lis
	// One request per connection, so that a Reset is never hidden by a
	// client resending on a fresh connection by itself (see Reset).
	s.web.Config.SetKeepAlivesEnabled(false)
	s.web.Start()
	s.URL = s.web.URL
	tb.Cleanup(s.Close)
	return s
}

// Handle gives requests that match pattern a script of their own, with the
// rules of [NewServer]'s; pattern is an [http.ServeMux] pattern such as
// "GET /accounts/{id}". A pattern that conflicts with one given before, or
// an unusable script, fails the test.
func (s *Server) Handle(pattern string, script ...Step) {
	s.tb.Helper()
	sc, err := newScript(script)
	if err == nil {
		err = handle(s.mux, pattern, scripted{s, sc})
	}
	if err != nil {
		s.tb.Fatalf("apierrtest: Handle(%q): %v", pattern, err)
	}
}

// handle registers h, turning the ServeMux's panic on a bad or conflicting
// pattern into an error.
func handle(mux *http.ServeMux, pattern string, h http.Handler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	mux.Handle(pattern, h)
	return nil
}

// Requests returns every request the server has received, in the order
// they arrived; the copies are the caller's.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = Request{r.Method, r.Path, r.Header.Clone(), slices.Clone(r.Body)}
	}
	return out
}

// Close shuts the server down and waits until every request it was
// answering has been answered. A test's Cleanup calls it; calling it
// earlier makes the server go away mid-test (a client then sees
// "connection refused"). Calling it again does nothing.
func (s *Server) Close() {
	s.once.Do(func() {
		s.web.Close()
		s.mu.Lock()
		s.closed = true
		for c := range s.taken {
			_ = c.Close() // unblocks a write to a client that stopped reading
		}
		s.mu.Unlock()
		s.raw.Wait()
		s.lis.wait()
	})
}

// serveHTTP hands r to the script of the Handle pattern it matches, or to
// NewServer's.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	s.answer(s.fallback, w, r)
}

// scripted answers the requests of one Handle pattern.
type scripted struct {
	s  *Server
	sc *script
}

func (h scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.s.answer(h.sc, w, r) }

// answer records r, then answers it with the next step of sc.
func (s *Server) answer(sc *script, w http.ResponseWriter, r *http.Request) {
	body, complete := s.readBody(r)
	s.mu.Lock()
	s.requests = append(s.requests, Request{r.Method, r.URL.Path, r.Header.Clone(), body})
	var step Step
	if sc != nil {
		step = sc.next()
	}
	s.mu.Unlock()
	if sc == nil {
		s.tb.Errorf("apierrtest: no script answers %s %s", r.Method, r.URL.Path)
		http.Error(w, "apierrtest: no script answers this request", http.StatusNotFound)
		return
	}
	step.answer.serve(s, w, r, complete)
}

// readBody reads r's body, at most MaxBody bytes; complete says whether
// that was all of it.
func (s *Server) readBody(r *http.Request) (body []byte, complete bool) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if len(body) > MaxBody {
		s.tb.Errorf("apierrtest: %s %s: body over MaxBody (%d bytes); Requests keeps the first %d",
			r.Method, r.URL.Path, MaxBody, MaxBody)
		return body[:MaxBody], false
	}
	return body, err == nil
}

// script is a sequence of steps, each answering its Times in a row, the
// last one for ever. The Server's mutex guards its position.
type script struct {
	steps []Step
	at    int // the step answering now
	done  int // how many requests it has answered
}

func newScript(steps []Step) (*script, error) {
	if len(steps) == 0 {
		return nil, errors.New("a script needs at least one step")
	}
	var errs []error
	for i, st := range steps {
		if err := st.check(); err != nil {
			errs = append(errs, fmt.Errorf("step %d: %w", i+1, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &script{steps: slices.Clone(steps)}, nil
}

func (sc *script) next() Step {
	st := sc.steps[sc.at]
	sc.done++
	if sc.done >= st.times && sc.at < len(sc.steps)-1 {
		sc.at, sc.done = sc.at+1, 0
	}
	return st
}
