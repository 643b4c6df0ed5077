// This file reads the trace curl -v prints: which lines are curl's own,
// where the response starts, and the body without curl's lines mixed in.

package rawhttp

import (
	"bufio"
	"bytes"
	"io"
	"regexp"
)

// traceStarts are how the first line of a curl -v trace may begin: curl's
// notes and warnings come first, then its informational lines, the request
// and the response.
var traceStarts = [][]byte{
	[]byte("* "), []byte("> "), []byte("< "), []byte("{ ["), []byte("} ["),
	[]byte("*\r"), []byte("*\n"), []byte("Note: "), []byte("Warning: "),
}

// skipTracePreamble, called with n bytes of white space peeked, checks
// whether the input is a curl -v trace and consumes everything before its
// first "< HTTP/" line. Without one in the buffer it consumes nothing and
// returns ErrNoStatusLine: a bare body may start with "* " too.
func (p *parser) skipTracePreamble(n int) error {
	window, _ := p.br.Peek(p.br.Size())
	if len(window) <= n || !hasAnyPrefix(window[n:], traceStarts) {
		return ErrNoStatusLine
	}
	at := n
	if !bytes.HasPrefix(window[n:], []byte("< HTTP/")) {
		i := bytes.Index(window[n:], []byte("\n< HTTP/"))
		if i < 0 {
			return ErrNoStatusLine
		}
		at = n + i + 1
	}
	p.verbose = true
	return p.discard(at)
}

func hasAnyPrefix(b []byte, prefixes [][]byte) bool {
	for _, prefix := range prefixes {
		if bytes.HasPrefix(b, prefix) {
			return true
		}
	}
	return false
}

// isTraceLine reports whether line is one of curl's own in a trace: an
// informational "* " line or a data marker, and, before the body
// (beforeBody), a request line "> " too. Response lines ("< ") are not.
func isTraceLine(line string, beforeBody bool) bool {
	b := []byte(line)
	switch {
	case bytes.HasPrefix(b, []byte("* ")), bytes.HasPrefix(b, []byte("{ [")),
		bytes.HasPrefix(b, []byte("} [")):
		return true
	case bytes.Equal(bytes.TrimRight(b, "\r\n"), []byte("*")):
		return true
	case beforeBody && (bytes.HasPrefix(b, []byte("> ")) ||
		bytes.Equal(bytes.TrimRight(b, "\r\n"), []byte(">"))):
		return true
	}
	return false
}

// skipTraceLines consumes the curl lines that come next. Before the body
// they count against MaxHeaderBytes like any header line; after the final
// block they cost no memory, being discarded a buffer at a time.
func (p *parser) skipTraceLines(beforeBody bool) error {
	for {
		line, _ := peekLine(p.br)
		if !isTraceLine(string(line), beforeBody) {
			return nil
		}
		if beforeBody {
			if _, err := p.readRawLine(); err != nil {
				return err
			}
			continue
		}
		if err := discardLine(p.br); err != nil {
			return err
		}
	}
}

// discardLine consumes input up to and including the next LF.
func discardLine(br *bufio.Reader) error {
	for {
		_, err := br.ReadSlice('\n')
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// stuckConnectionLine is curl's last informational line when it follows,
// on the same line, a body that did not end in a newline.
var stuckConnectionLine = regexp.MustCompile(
	`\* (?:Connection #\d+ to host \S+ left intact|Closing connection(?: #?\d+)?|` +
		`shutting down connection #\d+)\r?\n?$`)

// traceBody is the body of a curl -v trace: what follows the final block,
// without curl's own lines.
type traceBody struct {
	br      *bufio.Reader
	pending []byte // the part of the current line not yet returned
	midLine bool   // pending ended where the buffer did, not at a LF
	err     error
}

func (b *traceBody) Read(p []byte) (int, error) {
	for len(b.pending) == 0 {
		if b.err != nil {
			return 0, b.err
		}
		b.fill()
	}
	n := copy(p, b.pending)
	b.pending = b.pending[n:]
	return n, nil
}

// fill sets pending to the next piece of body: a line, or a buffer's worth
// of a long one. A line of curl's is dropped whole.
func (b *traceBody) fill() {
	if !b.midLine {
		if line, _ := peekLine(b.br); isTraceLine(string(line), false) {
			b.err = discardLine(b.br)
			if b.err == nil {
				_, b.err = b.br.Peek(1)
			}
			return
		}
	}
	frag, err := b.br.ReadSlice('\n')
	b.midLine = err == bufio.ErrBufferFull
	if err != nil && !b.midLine {
		b.err = err
	}
	if !b.midLine {
		if loc := stuckConnectionLine.FindIndex(frag); loc != nil {
			frag = frag[:loc[0]]
		}
	}
	b.pending = frag
}

func (b *traceBody) Close() error { return nil }
