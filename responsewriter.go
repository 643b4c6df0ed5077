// This file holds the ResponseWriter that HandlerFunc and Recover give a
// handler: it records whether the response started, and keeps the optional
// interfaces (http.Flusher, http.Hijacker) of the writer it wraps.

package apierr

import (
	"bufio"
	"net"
	"net/http"
)

// responseState is what a wrapped writer has seen of its response.
type responseState struct {
	wrote    bool // a status of 200 or more, or body bytes, went to the client
	hijacked bool // the handler took the connection
}

func (s *responseState) started() bool { return s.wrote || s.hijacked }

// trackingWriter records whether a response was started, so that an error
// or a panic after that is logged instead of written into the middle of it.
// Deadlines, ReadFrom and the rest are reached through
// http.NewResponseController, which unwraps it.
type trackingWriter struct {
	http.ResponseWriter
	state responseState
}

func (t *trackingWriter) responseState() *responseState { return &t.state }

func (t *trackingWriter) WriteHeader(status int) {
	if status >= 200 { // a 1xx is informational: the response is not started
		t.state.wrote = true
	}
	t.ResponseWriter.WriteHeader(status)
}

func (t *trackingWriter) Write(b []byte) (int, error) {
	t.state.wrote = true
	return t.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

func (t *trackingWriter) flush() {
	t.state.wrote = true
	t.ResponseWriter.(http.Flusher).Flush()
}

func (t *trackingWriter) hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := t.ResponseWriter.(http.Hijacker).Hijack()
	if err == nil {
		t.state.hijacked = true
	}
	return conn, rw, err
}

// The writer a handler gets asserts to http.Flusher or http.Hijacker
// exactly when the one it wraps does: websocket and streaming libraries
// assert them directly, and a writer that claimed Flush without being able
// to would lie to them.
type (
	flushWriter       struct{ *trackingWriter }
	hijackWriter      struct{ *trackingWriter }
	flushHijackWriter struct{ *trackingWriter }
)

func (w flushWriter) Flush()       { w.flush() }
func (w flushHijackWriter) Flush() { w.flush() }

func (w hijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error)      { return w.hijack() }
func (w flushHijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) { return w.hijack() }

// track wraps w, keeping its optional interfaces, and returns the state
// the wrapper records.
func track(w http.ResponseWriter) (http.ResponseWriter, *responseState) {
	t := &trackingWriter{ResponseWriter: w}
	_, canFlush := w.(http.Flusher)
	_, canHijack := w.(http.Hijacker)
	switch {
	case canFlush && canHijack:
		return flushHijackWriter{t}, &t.state
	case canFlush:
		return flushWriter{t}, &t.state
	case canHijack:
		return hijackWriter{t}, &t.state
	}
	return t, &t.state
}
