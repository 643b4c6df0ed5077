// This file reads a printed body as its Content-Encoding says: gzip and
// deflate decoded, within a bound on the decoded bytes, and a body curl
// already decoded recognised as such.

package rawhttp

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Body is a response body as [ReadBody] read it.
type Body struct {
	// Data is the body, decoded: at most the limit given to ReadBody.
	Data []byte
	// Coding is the Content-Encoding that was decoded ("gzip"), "" when the
	// body was read as printed.
	Coding string
	// Printed is set when the header names a coding but the body is not
	// encoded: curl --compressed prints the header and the decoded body.
	Printed bool
	// Cut is set when the body, decoded, went on past the limit.
	Cut bool
	// Err says why decoding stopped early: a corrupt or truncated stream, a
	// coding this package cannot decode. Data holds what came before.
	Err error
}

// maxCodings bounds how many codings ReadBody undoes: a real response has
// one; a longer list is an attack on the decoder, not a response.
const maxCodings = 4

// sniffLen is how much of a body tells an encoded one from a decoded one.
const sniffLen = 512

// ReadBody reads resp's body as [Decode] does, and closes it.
func ReadBody(resp *http.Response, limit int) Body {
	defer resp.Body.Close()
	return Decode(resp.Header, resp.Body, limit)
}

// Decode reads body, decoding the gzip, x-gzip and deflate codings the
// header's Content-Encoding lists (deflate as zlib data, or raw when it has
// no zlib header). It keeps at most limit decoded bytes and reads only as
// much of body as they need, so a compression bomb costs nothing.
func Decode(header http.Header, body io.Reader, limit int) Body {
	codings, err := contentCodings(header)
	br := bufio.NewReader(body)
	if err != nil {
		return Body{Coding: strings.Join(codings, ", "), Err: err}
	}
	start, _ := br.Peek(sniffLen)
	if len(codings) == 0 || len(start) == 0 {
		return readLimited(Body{}, br, limit)
	}
	outer := codings[len(codings)-1]
	if !encoded(outer, start) {
		return readLimited(Body{Printed: true}, br, limit)
	}
	var r io.Reader = br
	for i := len(codings) - 1; i >= 0; i-- {
		if r, err = decoder(codings[i], r); err != nil {
			return Body{Coding: strings.Join(codings, ", "),
				Err: fmt.Errorf("rawhttp: %s body: %w", codings[i], err)}
		}
	}
	return readLimited(Body{Coding: strings.Join(codings, ", ")}, r, limit)
}

// contentCodings lists the codings of Content-Encoding, in the order they
// were applied, lower-cased and without "identity".
func contentCodings(h http.Header) ([]string, error) {
	var codings []string
	for _, v := range h.Values("Content-Encoding") {
		for c := range strings.SplitSeq(v, ",") {
			c = strings.ToLower(strings.TrimSpace(c))
			if c == "" || c == "identity" {
				continue
			}
			codings = append(codings, c)
			switch {
			case len(codings) > maxCodings:
				return codings, fmt.Errorf("rawhttp: more than %d content codings", maxCodings)
			case c != "gzip" && c != "x-gzip" && c != "deflate":
				return codings, fmt.Errorf("rawhttp: content coding %s cannot be decoded",
					quote(c))
			}
		}
	}
	return codings, nil
}

// encoded reports whether a body that starts with start is in coding,
// rather than printed already decoded.
func encoded(coding string, start []byte) bool {
	if coding != "deflate" {
		return len(start) >= 2 && start[0] == 0x1f && start[1] == 0x8b // gzip's magic
	}
	// Raw deflate data has no signature, but it is almost never text.
	return hasZlibHeader(start) || !looksLikeText(start)
}

// looksLikeText reports whether b is UTF-8 without control characters but
// white space, allowing a rune cut at the end of b.
func looksLikeText(b []byte) bool {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:])
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			return false
		}
		i += size
	}
	return true
}

// hasZlibHeader checks RFC 1950's header: method 8 (deflate), a window of
// at most 32 KiB, and a check value that makes the pair a multiple of 31.
func hasZlibHeader(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0f == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

func decoder(coding string, r io.Reader) (io.Reader, error) {
	if coding == "gzip" || coding == "x-gzip" {
		return gzip.NewReader(r)
	}
	br := bufio.NewReader(r)
	if start, _ := br.Peek(2); hasZlibHeader(start) {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readLimited reads r into b.Data, at most limit bytes, noting a cut and
// keeping what came before an error.
func readLimited(b Body, r io.Reader, limit int) Body {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if len(data) > limit {
		data, b.Cut = data[:limit], true
	}
	b.Data = data
	if err != nil {
		what := "body"
		if b.Coding != "" {
			what = b.Coding + " body"
		}
		if err == io.ErrUnexpectedEOF {
			err = fmt.Errorf("rawhttp: %s ends early", what)
		} else {
			err = fmt.Errorf("rawhttp: %s: %w", what, err)
		}
		b.Err = err
	}
	return b
}
