// Package rawhttp reads HTTP responses as command-line tools print them: the
// output of curl -i, curl -si or curl -siL, and the trace of curl -v, saved
// to a file or pasted by hand.
//
// Such text is not a wire response, so [net/http.ReadResponse] is the wrong
// tool: curl prints "HTTP/2 503" with no minor version and often no reason
// phrase, it has already de-chunked and maybe decompressed the body while
// still printing the Transfer-Encoding and Content-Length headers, -L or a
// proxy puts several header blocks before the one that matters, and -v
// prefixes the response's lines with "< " among lines of its own. This
// package finds the final header block; the body is whatever text follows
// it, and [ReadBody] decodes it as its Content-Encoding says.
package rawhttp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxHeaderBytes bounds everything ReadResponse reads before the body: leading
// blank lines, every status line and every header block. It matches net/http's
// default for one block, which leaves room for a long curl -L redirect chain.
const MaxHeaderBytes = 1 << 20

// MaxInterimBlocks bounds how many header blocks (1xx, proxy CONNECT,
// redirects) ReadResponse skips before the final one. It is above curl's
// default --max-redirs of 50 so that real redirect chains still parse.
const MaxInterimBlocks = 64

// ErrNoStatusLine is returned when the first non-blank text is not an HTTP
// status line, e.g. a bare JSON body, so that callers can fall back to
// treating the whole input as a body. If the reader given to ReadResponse is a
// *bufio.Reader of at least 4 KiB, nothing has been consumed from it then,
// unless the leading white space alone overflowed its buffer.
var ErrNoStatusLine = errors.New("rawhttp: input does not start with an HTTP status line")

// bufSize is also the longest line that can be recognised as a status line
// following a header block, since that check has to peek without consuming.
const bufSize = 4096

// ReadResponse reads the final response printed in r, by curl -i or by
// curl -v (see [the trace of curl -v] below). It skips header blocks
// that curl prints before it: 1xx interim responses (100 Continue, 103 Early
// Hints, with or without blank lines after them), and any other block that is
// directly followed by another valid status line, which covers proxy CONNECT
// ("200 Connection established"), curl -L redirects and 401/407 auth
// negotiation. A block followed by anything else is final, and what follows
// is its body. A 1xx block at the end of the input is returned as final.
//
// Lines may end in CRLF or LF; a leading UTF-8 BOM and white space are
// ignored; a line of only white space ends a header block, since hand-edited
// files often carry trailing blanks. Obsolete line folding is joined with a
// single space.
//
// The returned Body reads lazily from r whatever follows the final block,
// exactly as printed: it is not de-chunked and Content-Length is not used for
// framing, so the caller must bound how much it reads. ContentLength is -1,
// or 0 when the body is known to be empty (then Body is [http.NoBody]).
// Closing Body does not close r. Request, TransferEncoding and Trailer are
// never set; Header keeps every value of a repeated field in order.
//
// # The trace of curl -v
//
// Input whose first line is one of curl's own (an informational "* " line,
// a request line "> ", a response line "< ", a data marker "{ [" or "} [",
// or a "Note:" or "Warning:") is read as a curl -v trace, provided a "< HTTP/"
// line follows within the reader's buffer (4 KiB, or the size of the
// *bufio.Reader given). The response is the "< " lines, their prefix
// removed; curl's other lines are skipped wherever they stand, even inside a
// header block ("* Added cookie …"). The body is what follows the final
// block, without curl's "* " and data-marker lines, which 2>&1 mixes in
// before or after it, and without a "* Connection #0 … left intact" stuck
// to its last line when it did not end in a newline. A body line of its own
// that starts with "* " is taken for curl's. A response curl printed twice,
// traced and by -i (curl -vi), is read once.
func ReadResponse(r io.Reader) (*http.Response, error) {
	// NewReaderSize returns r itself when it is already a large enough
	// *bufio.Reader, which is what lets ErrNoStatusLine leave it unconsumed.
	p := &parser{br: bufio.NewReaderSize(r, bufSize), budget: MaxHeaderBytes}
	if err := p.skipPreamble(); err != nil {
		return nil, err
	}
	line, err := p.readLine()
	if err != nil {
		return nil, err
	}
	for skipped := 0; ; skipped++ {
		if skipped > MaxInterimBlocks {
			return nil, p.errorf("more than %d interim header blocks", MaxInterimBlocks)
		}
		resp, err := parseStatusLine(line)
		if err != nil {
			return nil, p.errorf("%v", err)
		}
		if resp.Header, err = p.readHeader(); err != nil {
			return nil, err
		}
		if resp.StatusCode < 200 {
			// A 1xx has no body, so anything after it must be another block.
			line, err = p.readNonBlankLine()
			if err == io.EOF {
				return p.finish(resp), nil
			} else if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(line, "HTTP/") {
				return nil, p.errorf("expected status line after %d response, got %s",
					resp.StatusCode, quote(line))
			}
			continue
		}
		if !p.statusLineFollows() {
			return p.finish(resp), nil
		}
		if line, err = p.readLine(); err != nil {
			return nil, err
		}
	}
}

type parser struct {
	br      *bufio.Reader
	budget  int  // bytes left of MaxHeaderBytes
	line    int  // number of the line being read or last read, for error messages
	verbose bool // the input is a curl -v trace
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("rawhttp: line %d: "+format, append([]any{p.line}, args...)...)
}

func (p *parser) tooLarge() error {
	return p.errorf("header section exceeds %d bytes", MaxHeaderBytes)
}

// skipPreamble consumes a BOM and white space before the first status line,
// but only once it has seen that a status line follows: it peeks until then.
func (p *parser) skipPreamble() error {
	n := 0
	if b, _ := p.br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		n = 3
	}
	for {
		if n+5 > p.br.Size() {
			// Too much white space to keep unconsumed; drop what was seen.
			if err := p.discard(n); err != nil {
				return err
			}
			n = 0
		}
		if b, _ := p.br.Peek(n + 1); len(b) > n && isSpace(b[n]) {
			n++
			continue
		}
		b, err := p.br.Peek(n + 5)
		if bytes.HasPrefix(b[n:], []byte("HTTP/")) {
			return p.discard(n)
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("rawhttp: %w", err)
		}
		return p.skipTracePreamble(n)
	}
}

// discard consumes n already-peeked bytes, charging them to the budget and
// counting their newlines so that later error messages name the right line.
func (p *parser) discard(n int) error {
	b, _ := p.br.Peek(n)
	if p.budget -= n; p.budget < 0 {
		p.line++ // name the line being skipped, as readLine does
		return p.tooLarge()
	}
	p.line += bytes.Count(b, []byte("\n"))
	_, err := p.br.Discard(n)
	return err
}

// readLine returns the next line of the response without its LF or CRLF,
// or io.EOF when no input is left; in a curl -v trace, curl's own lines are
// skipped and the "< " of the response's removed.
func (p *parser) readLine() (string, error) {
	for {
		line, err := p.readRawLine()
		if err != nil || !p.verbose {
			return line, err
		}
		if isTraceLine(line, true) {
			continue
		}
		return strings.TrimPrefix(strings.TrimPrefix(line, "<"), " "), nil
	}
}

// readRawLine returns the next line of input without its LF or CRLF, or
// io.EOF when no input is left. It stops as soon as the header budget is
// spent, so that a huge line costs at most MaxHeaderBytes of memory.
func (p *parser) readRawLine() (string, error) {
	p.line++ // errors below are about the line being read
	var long []byte
	for {
		frag, err := p.br.ReadSlice('\n')
		if p.budget -= len(frag); p.budget < 0 {
			return "", p.tooLarge()
		}
		if err == bufio.ErrBufferFull {
			long = append(long, frag...)
			continue
		}
		if long != nil {
			frag = append(long, frag...)
		}
		if err == io.EOF && len(frag) == 0 {
			p.line--
			return "", io.EOF
		}
		if err != nil && err != io.EOF {
			return "", p.errorf("%w", err)
		}
		frag = bytes.TrimSuffix(frag, []byte("\n"))
		return string(bytes.TrimSuffix(frag, []byte("\r"))), nil
	}
}

func (p *parser) readNonBlankLine() (string, error) {
	for {
		line, err := p.readLine()
		if err != nil || !isBlank(line) {
			return line, err
		}
	}
}

// readHeader reads header lines up to and including the blank line that ends
// the block, or to the end of the input.
func (p *parser) readHeader() (http.Header, error) {
	h := make(http.Header)
	var last []string // values of the field an obs-fold line continues
	for {
		line, err := p.readLine()
		if err == io.EOF {
			return h, nil
		} else if err != nil {
			return nil, err
		}
		if isBlank(line) {
			return h, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last == nil {
				return nil, p.errorf("expected \"Name: value\" header, got continuation %s",
					quote(line))
			}
			last[len(last)-1] += " " + strings.Trim(line, " \t")
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || name == "" {
			return nil, p.errorf("expected \"Name: value\" header, got %s", quote(line))
		}
		if !isToken(name) {
			return nil, p.errorf("invalid header name %s", quote(name))
		}
		key := textproto.CanonicalMIMEHeaderKey(name)
		h[key] = append(h[key], strings.Trim(value, " \t"))
		last = h[key]
	}
}

// statusLineFollows reports whether the next line is a valid status line,
// without consuming anything: if it is not, it is the start of the body.
// In a trace, curl's own lines before it are consumed first.
func (p *parser) statusLineFollows() bool {
	if p.verbose {
		if err := p.skipTraceLines(true); err != nil {
			return false
		}
	}
	b, whole := peekLine(p.br)
	if p.verbose {
		b = bytes.TrimPrefix(bytes.TrimPrefix(b, []byte("<")), []byte(" "))
	}
	if !whole || !bytes.HasPrefix(b, []byte("HTTP/")) {
		return false // longer than the buffer, or a read error the body will report
	}
	_, err := parseStatusLine(string(bytes.TrimSuffix(b, []byte("\r"))))
	return err == nil
}

// peekLine returns the next line, without its LF, as far as br's buffer
// holds it, and whether that is all of it; nothing is consumed.
func peekLine(br *bufio.Reader) ([]byte, bool) {
	for n := 64; ; n = min(2*n, br.Size()) {
		b, err := br.Peek(n)
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[:i], true
		}
		if err != nil {
			return b, err == io.EOF
		}
		if n == br.Size() {
			return b, false
		}
	}
}

// finish attaches the rest of the input to resp as its body.
func (p *parser) finish(resp *http.Response) *http.Response {
	resp.Body, resp.ContentLength = io.NopCloser(p.br), -1
	if p.verbose {
		if err := p.skipTraceLines(false); err == nil {
			resp.Body = &traceBody{br: p.br}
		}
	}
	if _, err := p.br.Peek(1); err == io.EOF {
		resp.Body, resp.ContentLength = http.NoBody, 0
	}
	return resp
}

// parseStatusLine accepts "HTTP/<major>[.<minor>] <code>[ <reason>]": curl
// prints HTTP/2 and HTTP/3 without a minor version and often without reason.
func parseStatusLine(line string) (*http.Response, error) {
	proto, rest, _ := strings.Cut(line, " ")
	v := strings.TrimPrefix(proto, "HTTP/")
	if len(v) == 1 {
		v += ".0"
	}
	if len(v) != 3 || !isDigit(v[0]) || v[1] != '.' || !isDigit(v[2]) {
		return nil, fmt.Errorf("expected \"HTTP/<version> <code> [reason]\" status line, got %s",
			quote(line))
	}
	rest = strings.TrimLeft(rest, " \t")
	code, reason := rest, ""
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		code, reason = rest[:i], strings.Trim(rest[i:], " \t")
	}
	if len(code) != 3 || code[0] == '0' || !isDigit(code[0]) || !isDigit(code[1]) ||
		!isDigit(code[2]) {
		return nil, fmt.Errorf("expected 3-digit status code 100-999 in status line, got %s",
			quote(line))
	}
	status, _ := strconv.Atoi(code)
	if reason == "" {
		reason = http.StatusText(status)
	}
	return &http.Response{
		Status:     strings.TrimSuffix(code+" "+reason, " "),
		StatusCode: status,
		Proto:      proto,
		ProtoMajor: int(v[0] - '0'),
		ProtoMinor: int(v[2] - '0'),
	}, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isBlank treats a line of white space as empty: hand-edited files often have
// trailing blanks, and curl never prints such a line inside a header block.
func isBlank(line string) bool { return strings.Trim(line, " \t\r") == "" }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isToken reports whether s is an RFC 9110 token, the syntax of field names.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' ||
			strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// quote quotes s for an error message and cuts it to about 40 bytes, counting
// escapes, so that even binary garbage gives a short one-line message.
func quote(s string) string {
	const limit = 42 // 40 bytes between the quotes
	if q := strconv.Quote(s); len(q) <= limit {
		return q
	}
	for n := min(len(s), limit); n > 0; n-- {
		if n < len(s) && !utf8.RuneStart(s[n]) {
			continue // never split a rune
		}
		if q := strconv.Quote(s[:n]); len(q) <= limit {
			return q[:len(q)-1] + `..."`
		}
	}
	return `"..."`
}
