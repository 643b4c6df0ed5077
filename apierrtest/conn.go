// This file holds what net/http cannot write: answers sent by hand on a
// hijacked connection (gateway pages with their own reason phrases, a cut
// body, a reset), and the listener that gives such a connection back to the
// server when the page said keep-alive.

package apierrtest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
)

// ending is what becomes of a connection once its bytes are written.
type ending uint8

const (
	keepOpen  ending = iota // back to the server for the next request, as the page announced
	closeConn               // a FIN: the client reads what came, then EOF
	resetConn               // an RST: the client gets "connection reset by peer"
)

// sendRaw takes r's connection from net/http, writes wire on it as it is,
// and ends it as end says. complete says whether r's body was read to its
// end: only then may the connection carry another request.
func (s *Server) sendRaw(w http.ResponseWriter, r *http.Request, wire []byte, end ending,
	complete bool) {
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		s.tb.Errorf("apierrtest: %s %s: cannot answer by hand: %v", r.Method, r.URL.Path, err)
		return
	}
	if !s.take(conn) {
		_ = conn.Close()
		return
	}
	defer s.release(conn)
	if _, err := conn.Write(wire); err != nil {
		end = closeConn
	}
	switch {
	case end == keepOpen && complete:
		if s.lis.handBack(pending(conn, rw.Reader)) {
			return
		}
		_ = conn.Close()
	case end == resetConn:
		if tcp, ok := underlying(conn).(*net.TCPConn); ok {
			_ = tcp.SetLinger(0) // close with an RST, not a FIN
		}
		_ = conn.Close()
	default:
		_ = conn.Close()
	}
}

// take registers conn as answered by hand, so that Close can end it; it
// reports false once the server is closed.
func (s *Server) take(conn net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.taken[conn] = struct{}{}
	s.raw.Add(1)
	return true
}

func (s *Server) release(conn net.Conn) {
	s.mu.Lock()
	delete(s.taken, conn)
	s.mu.Unlock()
	s.raw.Done()
}

// handedBack is a hijacked connection given back to the server, with the
// bytes net/http had already read from it and not used.
type handedBack struct {
	net.Conn
	r io.Reader
}

func (c *handedBack) Read(p []byte) (int, error) { return c.r.Read(p) }

// pending returns conn to be read again from where net/http stopped:
// first what its reader holds, then the connection.
func pending(conn net.Conn, br *bufio.Reader) net.Conn {
	n := br.Buffered()
	if n == 0 {
		return conn
	}
	held, _ := br.Peek(n) // n bytes are buffered: Peek(n) returns them all
	return &handedBack{Conn: conn, r: io.MultiReader(bytes.NewReader(bytes.Clone(held)), conn)}
}

// underlying returns the connection a handedBack wraps, however deep.
func underlying(conn net.Conn) net.Conn {
	for {
		hb, ok := conn.(*handedBack)
		if !ok {
			return conn
		}
		conn = hb.Conn
	}
}

// listener is the server's listener, through which handBack can give a
// connection back: net/http then serves it as a new one.
type listener struct {
	net.Listener
	conns   chan net.Conn
	failed  chan error    // the accept loop's last error
	done    chan struct{} // closed by Close
	stop    sync.Once
	looping sync.WaitGroup
}

func newListener(inner net.Listener) *listener {
	l := &listener{
		Listener: inner,
		conns:    make(chan net.Conn),
		failed:   make(chan error, 1),
		done:     make(chan struct{}),
	}
	l.looping.Add(1)
	go l.acceptLoop()
	return l
}

func (l *listener) acceptLoop() {
	defer l.looping.Done()
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			select {
			case l.failed <- err:
			case <-l.done:
				return
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue // a temporary failure (too many open files): net/http retries
		}
		select {
		case l.conns <- c:
		case <-l.done:
			_ = c.Close()
			return
		}
	}
}

// Accept returns the next connection, accepted or given back.
func (l *listener) Accept() (net.Conn, error) {
	select {
	case <-l.done:
		return nil, net.ErrClosed
	default:
	}
	select {
	case c := <-l.conns:
		return c, nil
	case err := <-l.failed:
		return nil, err
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// handBack gives c to the server, unless the listener is closed.
func (l *listener) handBack(c net.Conn) bool {
	select {
	case l.conns <- c:
		return true
	case <-l.done:
		return false
	}
}

// Close stops Accept and handBack, and closes the inner listener, which
// ends the accept loop.
func (l *listener) Close() error {
	l.stop.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// wait returns once the accept loop has.
func (l *listener) wait() { l.looping.Wait() }
