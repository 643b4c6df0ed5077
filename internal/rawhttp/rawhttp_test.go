// Tests of ReadResponse on curl -i output, and its fuzz target.

package rawhttp_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr/internal/rawhttp"
)

type want struct {
	code   int
	status string
	proto  string
	major  int
	minor  int
	header http.Header // nil means "do not check"
	body   string
}

var readCases = []struct {
	name string
	in   string
	want want
}{
	{
		name: "an HTTP/1.0 status line with a reason phrase",
		in:   "HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\n\r\nno such page",
		want: want{code: 404, status: "404 Not Found", proto: "HTTP/1.0", major: 1, minor: 0,
			header: http.Header{"Content-Type": {"text/plain"}}, body: "no such page"},
	},
	{
		name: "an HTTP/1.1 status line with a reason phrase",
		in:   "HTTP/1.1 401 Unauthorized\r\n\r\n",
		want: want{code: 401, status: "401 Unauthorized", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{}},
	},
	{
		name: "an HTTP/2 status line without a reason gets the standard text",
		in:   "HTTP/2 503\r\nretry-after: 30\r\n\r\n{}",
		want: want{code: 503, status: "503 Service Unavailable", proto: "HTTP/2", major: 2,
			header: http.Header{"Retry-After": {"30"}}, body: "{}"},
	},
	{
		name: "an HTTP/2 status line with a trailing space as curl prints it",
		in:   "HTTP/2 503 \r\n\r\n",
		want: want{code: 503, status: "503 Service Unavailable", proto: "HTTP/2", major: 2},
	},
	{
		name: "an HTTP/2.0 status line",
		in:   "HTTP/2.0 200\r\n\r\nok",
		want: want{code: 200, status: "200 OK", proto: "HTTP/2.0", major: 2, body: "ok"},
	},
	{
		name: "an HTTP/3 status line",
		in:   "HTTP/3 429\r\n\r\n",
		want: want{code: 429, status: "429 Too Many Requests", proto: "HTTP/3", major: 3},
	},
	{
		name: "an HTTP/3 status line with a reason phrase",
		in:   "HTTP/3 429 Slow Down\r\n\r\n",
		want: want{code: 429, status: "429 Slow Down", proto: "HTTP/3", major: 3},
	},
	{
		name: "a UTF-8 reason phrase is kept verbatim",
		in:   "HTTP/1.1 404 Não Encontrado\r\n\r\n",
		want: want{code: 404, status: "404 Não Encontrado", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "an unregistered code without a reason has a bare status",
		in:   "HTTP/1.1 599\r\n\r\n",
		want: want{code: 599, status: "599", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "the highest three-digit code is accepted",
		in:   "HTTP/1.1 999 Odd\r\n\r\n",
		want: want{code: 999, status: "999 Odd", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "LF line endings as pasted on Unix",
		in:   "HTTP/1.1 403 Forbidden\nContent-Type: text/plain\n\ndenied\n",
		want: want{code: 403, status: "403 Forbidden", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"Content-Type": {"text/plain"}}, body: "denied\n"},
	},
	{
		name: "mixed CRLF and LF line endings",
		in:   "HTTP/1.1 403 Forbidden\nA: 1\r\nB: 2\n\r\nbody\r\n",
		want: want{code: 403, status: "403 Forbidden", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"A": {"1"}, "B": {"2"}}, body: "body\r\n"},
	},
	{
		name: "a leading UTF-8 BOM is skipped",
		in:   "\xef\xbb\xbfHTTP/1.1 500 Internal Server Error\r\n\r\n",
		want: want{code: 500, status: "500 Internal Server Error", proto: "HTTP/1.1",
			major: 1, minor: 1},
	},
	{
		name: "a BOM then blank lines and indentation are skipped",
		in:   "\xef\xbb\xbf\r\n\n  \t\r\n   HTTP/1.1 502 Bad Gateway\n\n",
		want: want{code: 502, status: "502 Bad Gateway", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "100 Continue is skipped in favour of the final response",
		in: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 413 Payload Too Large\r\n" +
			"Connection: close\r\n\r\ntoo big",
		want: want{code: 413, status: "413 Payload Too Large", proto: "HTTP/1.1", major: 1,
			minor: 1, header: http.Header{"Connection": {"close"}}, body: "too big"},
	},
	{
		name: "blank lines after 100 Continue are tolerated",
		in:   "HTTP/1.1 100 Continue\n\n\n\nHTTP/1.1 201 Created\n\n",
		want: want{code: 201, status: "201 Created", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "103 Early Hints headers do not leak into the final response",
		in: "HTTP/2 103\r\nlink: </a.css>; rel=preload\r\n\r\n" +
			"HTTP/2 404\r\ncontent-type: application/json\r\n\r\n{\"error\":\"not_found\"}",
		want: want{code: 404, status: "404 Not Found", proto: "HTTP/2", major: 2,
			header: http.Header{"Content-Type": {"application/json"}},
			body:   `{"error":"not_found"}`},
	},
	{
		name: "a curl -L chain of 301 and 302 redirects ends at the final response",
		in: "HTTP/1.1 301 Moved Permanently\r\nLocation: https://a/x\r\n\r\n" +
			"HTTP/1.1 302 Found\r\nLocation: /y\r\n\r\n" +
			"HTTP/2 503\r\nretry-after: 5\r\n\r\ndown",
		want: want{code: 503, status: "503 Service Unavailable", proto: "HTTP/2", major: 2,
			header: http.Header{"Retry-After": {"5"}}, body: "down"},
	},
	{
		name: "a redirect followed by its own body is the final response",
		in:   "HTTP/1.1 302 Found\r\nLocation: /x\r\n\r\n<a href=\"/x\">moved</a>",
		want: want{code: 302, status: "302 Found", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"Location": {"/x"}}, body: "<a href=\"/x\">moved</a>"},
	},
	{
		name: "a redirect followed by a malformed status line keeps it as the body",
		in:   "HTTP/1.1 302 Found\r\n\r\nHTTP/1.1 abc\r\n",
		want: want{code: 302, status: "302 Found", proto: "HTTP/1.1", major: 1, minor: 1,
			body: "HTTP/1.1 abc\r\n"},
	},
	{
		name: "a proxy's Connection established block is skipped",
		in: "HTTP/1.1 200 Connection established\r\n\r\n" +
			"HTTP/2 401\r\nwww-authenticate: Bearer\r\n\r\n",
		want: want{code: 401, status: "401 Unauthorized", proto: "HTTP/2", major: 2,
			header: http.Header{"Www-Authenticate": {"Bearer"}}},
	},
	{
		name: "a 401 from digest negotiation followed by a status line is skipped",
		in: "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\"\r\n\r\n" +
			"HTTP/1.1 200 OK\r\n\r\nsecret",
		want: want{code: 200, status: "200 OK", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{}, body: "secret"},
	},
	{
		name: "a 200 whose body merely starts with HTTP/ is final",
		in:   "HTTP/1.1 200 OK\r\n\r\nHTTP/ is a protocol\n",
		want: want{code: 200, status: "200 OK", proto: "HTTP/1.1", major: 1, minor: 1,
			body: "HTTP/ is a protocol\n"},
	},
	{
		name: "a 1xx at the end of the input is returned as final",
		in:   "HTTP/1.1 100 Continue\r\n\r\n\r\n",
		want: want{code: 100, status: "100 Continue", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "several WWW-Authenticate headers are kept in order",
		in: "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n" +
			"Content-Length: 0\r\nwww-authenticate: Basic realm=\"api\"\r\n" +
			"WWW-AUTHENTICATE: Negotiate\r\n\r\n",
		want: want{code: 401, status: "401 Unauthorized", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{
				"Www-Authenticate": {`Bearer error="invalid_token"`, `Basic realm="api"`, "Negotiate"},
				"Content-Length":   {"0"},
			}},
	},
	{
		name: "obsolete line folding is joined with a single space",
		in:   "HTTP/1.1 400 Bad Request\r\nX-Error: first\r\n   second\r\n\tthird  \r\nA: b\r\n\r\n",
		want: want{code: 400, status: "400 Bad Request", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"X-Error": {"first second third"}, "A": {"b"}}},
	},
	{
		name: "values are trimmed and may be empty",
		in:   "HTTP/1.1 400 Bad Request\r\nX-A:\t spaced \t\r\nX-B:\r\nX-C:tight\r\n\r\n",
		want: want{code: 400, status: "400 Bad Request", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"X-A": {"spaced"}, "X-B": {""}, "X-C": {"tight"}}},
	},
	{
		name: "a chunked header with a body curl already decoded is kept byte for byte",
		in: "HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n" +
			"{\"code\":\"E1\"}\r\n0\r\n",
		want: want{code: 500, status: "500 Internal Server Error", proto: "HTTP/1.1", major: 1,
			minor: 1, header: http.Header{"Transfer-Encoding": {"chunked"}},
			body: "{\"code\":\"E1\"}\r\n0\r\n"},
	},
	{
		name: "a Content-Length shorter than the body is ignored",
		in:   "HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{\"error\":\"x\"}",
		want: want{code: 400, status: "400 Bad Request", proto: "HTTP/1.1", major: 1, minor: 1,
			body: `{"error":"x"}`},
	},
	{
		name: "a Content-Length longer than the body is ignored",
		in:   "HTTP/1.1 400 Bad Request\r\nContent-Length: 9999\r\n\r\nshort",
		want: want{code: 400, status: "400 Bad Request", proto: "HTTP/1.1", major: 1, minor: 1,
			body: "short"},
	},
	{
		name: "input ending right after the headers has an empty body",
		in:   "HTTP/1.1 204 No Content\r\nX-A: 1\r\n",
		want: want{code: 204, status: "204 No Content", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"X-A": {"1"}}},
	},
	{
		name: "input that is only a status line without a newline",
		in:   "HTTP/2 404",
		want: want{code: 404, status: "404 Not Found", proto: "HTTP/2", major: 2,
			header: http.Header{}},
	},
	{
		name: "binary body bytes are kept verbatim",
		in:   "HTTP/1.1 200 OK\r\n\r\n\x00\xff\xfe\r\n\r\nHTTP/1.1 200 OK\r\n\x1b",
		want: want{code: 200, status: "200 OK", proto: "HTTP/1.1", major: 1, minor: 1,
			body: "\x00\xff\xfe\r\n\r\nHTTP/1.1 200 OK\r\n\x1b"},
	},
	{
		name: "a line of only white space ends the header block",
		in:   "HTTP/1.1 409 Conflict\nA: 1\n  \t\nbody",
		want: want{code: 409, status: "409 Conflict", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"A": {"1"}}, body: "body"},
	},
}

func TestReadResponse(t *testing.T) {
	for _, tc := range readCases {
		t.Run(tc.name, func(t *testing.T) { checkRead(t, tc.in, tc.want) })
	}
}

// checkRead reads in and compares the response with want.
func checkRead(t *testing.T, in string, want want) {
	t.Helper()
	resp, err := rawhttp.ReadResponse(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, want.code, resp.StatusCode)
	assert.Equal(t, want.status, resp.Status)
	assert.Equal(t, want.proto, resp.Proto)
	assert.Equal(t, want.major, resp.ProtoMajor)
	assert.Equal(t, want.minor, resp.ProtoMinor)
	if want.header != nil {
		assert.Equal(t, want.header, resp.Header)
	}
	assert.NotNil(t, resp.Header)
	assert.Nil(t, resp.Request)
	require.NotNil(t, resp.Body)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, want.body, string(body))
	if want.body == "" {
		assert.Equal(t, http.NoBody, resp.Body)
		assert.Equal(t, int64(0), resp.ContentLength)
	} else {
		assert.Equal(t, int64(-1), resp.ContentLength)
	}
	assert.NoError(t, resp.Body.Close())
}

func redirects(n int) string {
	return strings.Repeat("HTTP/1.1 302 Found\r\nLocation: /next\r\n\r\n", n)
}

func TestReadResponseErrors(t *testing.T) {
	const (
		line1      = "rawhttp: line 1: "
		badCode    = "expected 3-digit status code 100-999 in status line, got "
		badVersion = `expected "HTTP/<version> <code> [reason]" status line, got `
	)
	tests := []struct {
		name string
		in   string
		err  string // exact message, or "" when only errors.Is(ErrNoStatusLine) matters
	}{
		{name: "a bare JSON body has no status line", in: `{"error":"invalid_token"}`},
		{name: "an indented JSON body has no status line", in: "\n  {\"code\": 1}\n"},
		{name: "empty input has no status line", in: ""},
		{name: "white space alone has no status line", in: "\xef\xbb\xbf \r\n\t\n"},
		{name: "prose has no status line", in: "Error 403: AuthorizationFailed\n"},
		{name: "a lowercase protocol name is not a status line", in: "http/1.1 200 OK\r\n"},
		{name: "a truncated protocol name is not a status line", in: "HTTP"},
		{
			name: "a two-digit status code is rejected",
			in:   "HTTP/1.1 20 OK\r\n\r\n",
			err:  line1 + badCode + `"HTTP/1.1 20 OK"`,
		},
		{
			name: "a four-digit status code is rejected",
			in:   "HTTP/1.1 2000\r\n",
			err:  line1 + badCode + `"HTTP/1.1 2000"`,
		},
		{
			name: "a status code below 100 is rejected",
			in:   "HTTP/2 099\r\n",
			err:  line1 + badCode + `"HTTP/2 099"`,
		},
		{
			name: "a missing status code is rejected",
			in:   "HTTP/1.1\r\n\r\n",
			err:  line1 + badCode + `"HTTP/1.1"`,
		},
		{
			name: "a non-numeric status code is rejected",
			in:   "HTTP/1.1 abc Nope\r\n",
			err:  line1 + badCode + `"HTTP/1.1 abc Nope"`,
		},
		{
			name: "a malformed version is rejected",
			in:   "HTTP/11 200 OK\r\n",
			err:  line1 + badVersion + `"HTTP/11 200 OK"`,
		},
		{
			name: "line numbers count the leading blank lines",
			in:   "\r\n\r\nHTTP/x 200\r\n",
			err:  "rawhttp: line 3: " + badVersion + `"HTTP/x 200"`,
		},
		{
			name: "a header line without a colon is rejected",
			in:   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nfoo\r\n\r\n",
			err:  `rawhttp: line 3: expected "Name: value" header, got "foo"`,
		},
		{
			name: "a header name with a space is rejected",
			in:   "HTTP/1.1 200 OK\nBad Name: x\n\n",
			err:  `rawhttp: line 2: invalid header name "Bad Name"`,
		},
		{
			name: "a pseudo-header is rejected",
			in:   "HTTP/2 200\n:status: 200\n\n",
			err:  `rawhttp: line 2: expected "Name: value" header, got ":status: 200"`,
		},
		{
			name: "a continuation line before any header is rejected",
			in:   "HTTP/1.1 200 OK\r\n  folded\r\n\r\n",
			err:  `rawhttp: line 2: expected "Name: value" header, got continuation "  folded"`,
		},
		{
			name: "long garbage is truncated in the message",
			in:   "HTTP/1.1 200 OK\r\n" + strings.Repeat("é", 40) + "\r\n",
			err: `rawhttp: line 2: expected "Name: value" header, got "` +
				strings.Repeat("é", 20) + `..."`,
		},
		{
			name: "control bytes are escaped and truncated in the message",
			in:   "HTTP/1.1 200 OK\r\n" + strings.Repeat("\x05", 100) + "\r\n",
			err: `rawhttp: line 2: expected "Name: value" header, got "` +
				strings.Repeat(`\x05`, 10) + `..."`,
		},
		{
			name: "text after a 1xx that is not a status line is rejected",
			in:   "HTTP/1.1 100 Continue\r\n\r\n{\"a\":1}",
			err:  `rawhttp: line 3: expected status line after 100 response, got "{\"a\":1}"`,
		},
		{
			name: "a malformed status line after a 1xx is rejected",
			in:   "HTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 2OO OK\r\n",
			err:  "rawhttp: line 3: " + badCode + `"HTTP/1.1 2OO OK"`,
		},
		{
			name: "too many interim blocks are rejected",
			in:   redirects(rawhttp.MaxInterimBlocks+1) + "HTTP/1.1 200 OK\r\n\r\n",
			err: fmt.Sprintf("rawhttp: line %d: more than %d interim header blocks",
				3*(rawhttp.MaxInterimBlocks+1)+1, rawhttp.MaxInterimBlocks),
		},
		{
			name: "one oversized header line is rejected",
			in:   "HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("a", rawhttp.MaxHeaderBytes) + "\r\n",
			err: fmt.Sprintf("rawhttp: line 2: header section exceeds %d bytes",
				rawhttp.MaxHeaderBytes),
		},
		{
			name: "many header lines together are rejected",
			in:   "HTTP/1.1 200 OK\r\n" + strings.Repeat("X-A: 123456789\r\n", rawhttp.MaxHeaderBytes/16),
			err: fmt.Sprintf("rawhttp: line %d: header section exceeds %d bytes",
				rawhttp.MaxHeaderBytes/16, rawhttp.MaxHeaderBytes),
		},
		{
			name: "header blocks that are large only together are rejected",
			in: strings.Repeat("HTTP/1.1 302 Found\r\nX-Pad: "+strings.Repeat("p", 30000)+
				"\r\n\r\n", 40) + "HTTP/1.1 200 OK\r\n\r\n",
			err: fmt.Sprintf("rawhttp: line 104: header section exceeds %d bytes",
				rawhttp.MaxHeaderBytes),
		},
		{
			name: "leading white space beyond the limit is rejected",
			in:   strings.Repeat(" ", rawhttp.MaxHeaderBytes+1) + "HTTP/1.1 200 OK\r\n\r\n",
			err:  line1 + fmt.Sprintf("header section exceeds %d bytes", rawhttp.MaxHeaderBytes),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := rawhttp.ReadResponse(strings.NewReader(tc.in))
			require.Error(t, err)
			assert.Nil(t, resp)
			if tc.err == "" {
				assert.ErrorIs(t, err, rawhttp.ErrNoStatusLine)
				return
			}
			assert.NotErrorIs(t, err, rawhttp.ErrNoStatusLine)
			assert.EqualError(t, err, tc.err)
		})
	}
}

func TestReadResponseAcceptsTheMaximumNumberOfInterimBlocks(t *testing.T) {
	in := "HTTP/1.1 100 Continue\r\n\r\n" + redirects(rawhttp.MaxInterimBlocks-1) +
		"HTTP/1.1 200 OK\r\n\r\ndone"
	resp, err := rawhttp.ReadResponse(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "done", string(body))
}

func TestReadResponseLeavesABufferedReaderUnconsumedWithoutAStatusLine(t *testing.T) {
	const in = "\xef\xbb\xbf\n  {\"error\":\"invalid_request\"}"
	br := bufio.NewReader(strings.NewReader(in))
	_, err := rawhttp.ReadResponse(br)
	require.ErrorIs(t, err, rawhttp.ErrNoStatusLine)
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	assert.Equal(t, in, string(rest), "the caller can still read the input as a bare body")
}

func TestReadResponseReadsTheBodyLazily(t *testing.T) {
	broken := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader("HTTP/1.1 500 Oops\r\n\r\npartial"), errReader{broken})
	resp, err := rawhttp.ReadResponse(r)
	require.NoError(t, err, "the header must not depend on reading the whole body")
	assert.Equal(t, 500, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, broken)
	assert.Equal(t, "partial", string(body))
}

func TestReadResponseReportsReadErrorsInTheHeader(t *testing.T) {
	broken := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader("HTTP/1.1 500 Oops\r\nX-A: 1"), errReader{broken})
	_, err := rawhttp.ReadResponse(r)
	assert.ErrorIs(t, err, broken)
	assert.EqualError(t, err, "rawhttp: line 2: connection reset")
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func FuzzReadResponse(f *testing.F) {
	for _, tc := range readCases {
		f.Add([]byte(tc.in))
	}
	for _, tc := range traceCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte(`{"error":"invalid_token"}`))
	f.Add([]byte("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n"))
	f.Add([]byte("HTTP/1.1 100 Continue\r\n\r\nnot a status line"))
	f.Add([]byte(redirects(rawhttp.MaxInterimBlocks+1) + "HTTP/2 500\r\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		resp, err := rawhttp.ReadResponse(bytes.NewReader(in))
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "rawhttp: ") || strings.ContainsAny(msg, "\r\n") ||
				len(msg) > 200 {
				t.Fatalf("error is not a short one-line rawhttp message: %q", msg)
			}
			return
		}
		if resp.StatusCode < 100 || resp.StatusCode > 999 {
			t.Fatalf("StatusCode = %d, want 100..999", resp.StatusCode)
		}
		if !strings.HasPrefix(resp.Status, fmt.Sprint(resp.StatusCode)) {
			t.Fatalf("Status %q does not start with StatusCode %d", resp.Status, resp.StatusCode)
		}
		if !strings.HasPrefix(resp.Proto, "HTTP/") || resp.Header == nil || resp.Body == nil {
			t.Fatalf("incomplete response: %+v", resp)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, int64(len(in))+1))
		if err != nil {
			t.Fatalf("reading body: %v", err)
		}
		plain := bytes.TrimLeft(bytes.TrimPrefix(in, []byte("\xef\xbb\xbf")), " \t\r\n")
		if bytes.HasPrefix(plain, []byte("HTTP/")) {
			if !bytes.HasSuffix(in, body) {
				t.Fatalf("body %q is not the tail of the input", body)
			}
		} else if !isSubsequence(body, in) {
			t.Fatalf("body %q of a trace is not made of the input's bytes in order", body)
		}
		if (len(body) == 0) != (resp.ContentLength == 0) {
			t.Fatalf("ContentLength = %d with a %d-byte body", resp.ContentLength, len(body))
		}
	})
}

// isSubsequence reports whether the bytes of sub stand in s in order.
func isSubsequence(sub, s []byte) bool {
	for _, c := range sub {
		i := bytes.IndexByte(s, c)
		if i < 0 {
			return false
		}
		s = s[i+1:]
	}
	return true
}

func ExampleReadResponse() {
	// As printed by: curl -si https://api.example.com/v1/orders
	raw := "HTTP/2 503 \r\n" +
		"content-type: application/problem+json\r\n" +
		"retry-after: 30\r\n" +
		"\r\n" +
		`{"title":"Service Unavailable","detail":"try again later"}`

	resp, err := rawhttp.ReadResponse(strings.NewReader(raw))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))

	fmt.Println(resp.Proto, resp.Status)
	fmt.Println("Retry-After:", resp.Header.Get("Retry-After"))
	fmt.Println(string(body))
	// Output:
	// HTTP/2 503 Service Unavailable
	// Retry-After: 30
	// {"title":"Service Unavailable","detail":"try again later"}
}
