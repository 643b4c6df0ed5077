// This file holds the Transport's peek at an error response's body: a
// prefix read within bounds of size and time, so that a body that stalls
// cannot hold a request, and put back so the caller still reads every byte.

package apierr

import (
	"bytes"
	"io"
	"net/http"
	"sync"
	"time"
)

// peekLimit bounds the body prefix read to classify an error response.
const peekLimit = MaxErrorBody

// peekGrace is how long a body may stall after its headers before the
// response is classified on what arrived: bare net/http returns at once,
// so a Transport may not wait for a body much longer.
const peekGrace = 100 * time.Millisecond

// bodyPeek reads a body's prefix in a goroutine of its own, so that the
// wait for it can end. A read still in flight when the wait ends is kept,
// not lost: whoever reads the body next gets its bytes in order.
type bodyPeek struct {
	body   io.ReadCloser
	prefix []byte        // what the peek saw, classified; owned by the caller
	done   chan struct{} // closed when the reading goroutine has stopped

	whole bool // the peek read the body to its end

	mu   sync.Mutex
	buf  []byte // buf[:n] has been read; the goroutine reads into buf[n:]
	n    int
	stop bool  // the peek is over: the goroutine stops after its read
	err  error // what ended the reading: io.EOF at the end of the body
}

// peek reads resp's body prefix, waiting at most peekGrace for it (less if
// the attempt's context ends sooner).
func (t *Transport) peek(resp *http.Response) *bodyPeek {
	p := &bodyPeek{body: resp.Body, done: make(chan struct{})}
	if resp.Body == nil || resp.Body == http.NoBody {
		close(p.done)
		p.err, p.whole = io.EOF, true
		return p
	}
	p.buf = make([]byte, firstBufferSize(peekLimit, resp.ContentLength))
	go p.read()

	var ctxDone <-chan struct{}
	if resp.Request != nil {
		ctxDone = resp.Request.Context().Done() // the attempt's: AttemptTimeout ends it
	}
	timer, stop := t.graceTimer()
	select {
	case <-p.done:
	case <-timer:
	case <-ctxDone:
	}
	stop()
	p.mu.Lock()
	p.stop = true
	p.prefix = p.buf[:p.n]
	p.whole = p.err == io.EOF
	p.mu.Unlock()
	return p
}

// graceTimer returns the channel that ends a peek's wait, and its stop.
func (t *Transport) graceTimer() (<-chan time.Time, func() bool) {
	if t.grace != nil {
		return t.grace(peekGrace)
	}
	timer := time.NewTimer(peekGrace)
	return timer.C, timer.Stop
}

// read fills buf until the limit, the end of the body, a read error, or
// the peek's end, as readBounded does, but in a goroutine of its own.
func (p *bodyPeek) read() {
	defer close(p.done)
	for empty := 0; ; {
		p.mu.Lock()
		if p.stop || p.n >= peekLimit {
			p.mu.Unlock()
			return
		}
		if p.n == len(p.buf) {
			grown := make([]byte, min(2*len(p.buf), peekLimit))
			copy(grown, p.buf[:p.n])
			p.buf = grown
		}
		dst := p.buf[p.n:] // the caller reads only buf[:n] while this runs
		p.mu.Unlock()

		k, err := p.body.Read(dst)

		p.mu.Lock()
		p.n += k
		p.err = err
		p.mu.Unlock()
		if err != nil {
			return
		}
		if empty = empty + 1; k > 0 {
			empty = 0
		} else if empty >= maxEmptyReads {
			p.mu.Lock()
			p.err = io.ErrNoProgress
			p.mu.Unlock()
			return
		}
	}
}

// discard closes a body the caller will never see. A body read to its end
// leaves its connection for reuse; any other is closed where it stands,
// which costs a connection but never a wait.
func (p *bodyPeek) discard() {
	if p.body != nil {
		_ = p.body.Close()
	}
}

// restored is the body as the caller must see it: the prefix, then what a
// read in flight brought, then the rest.
func (p *bodyPeek) restored() io.ReadCloser {
	if p.body == nil {
		return http.NoBody
	}
	return &peekedBody{p: p}
}

// replay is the body rebuilt from the prefix alone, once the body itself
// was closed: whole when the peek read it all, else cut short with
// io.ErrUnexpectedEOF, so a reader cannot take a part for the whole.
func (p *bodyPeek) replay() io.ReadCloser {
	if p == nil || p.body == nil {
		return http.NoBody
	}
	r := io.Reader(bytes.NewReader(p.prefix))
	if !p.whole {
		r = io.MultiReader(r, errReader{io.ErrUnexpectedEOF})
	}
	return io.NopCloser(r)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

type peekedBody struct {
	p        *bodyPeek
	off      int  // how much of buf[:n] has been returned
	finished bool // the goroutine is done; p.buf, p.n and p.err are ours
}

func (b *peekedBody) Read(out []byte) (int, error) {
	p := b.p
	if b.off < len(p.prefix) {
		n := copy(out, p.prefix[b.off:])
		b.off += n
		return n, nil
	}
	if !b.finished {
		<-p.done // a read was in flight at the peek's end: wait for it, as a reader would
		b.finished = true
	}
	if b.off < p.n {
		n := copy(out, p.buf[b.off:p.n])
		b.off += n
		return n, nil
	}
	if p.err != nil {
		return 0, p.err
	}
	return p.body.Read(out)
}

func (b *peekedBody) Close() error { return b.p.body.Close() }
