// Tests of ReadResponse on curl -v traces.

package rawhttp_test

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr/internal/rawhttp"
)

// A curl -v trace of a 401, as curl 8 prints it with 2>&1: the body, on
// stdout, comes after curl's lines.
const traced = "*   Trying 127.0.0.1:8080...\n" +
	"* Connected to localhost (127.0.0.1) port 8080\n" +
	"> GET /v1/consents HTTP/1.1\r\n" +
	"> Host: localhost:8080\r\n" +
	"> User-Agent: curl/8.5.0\r\n" +
	"> \r\n" +
	"< HTTP/1.1 401 Unauthorized\r\n" +
	"< Content-Type: application/json\r\n" +
	"< WWW-Authenticate: Bearer error=\"invalid_token\"\r\n" +
	"< \r\n" +
	"{ [66 bytes data]\n" +
	"* Connection #0 to host localhost left intact\n" +
	`{"error":"invalid_token","error_description":"token not provided"}` + "\n"

var traceCases = []struct {
	name string
	in   string
	want want
}{
	{
		name: "a curl -v trace gives the response lines without their prefix",
		in:   traced,
		want: want{code: 401, status: "401 Unauthorized", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"Content-Type": {"application/json"},
				"Www-Authenticate": {`Bearer error="invalid_token"`}},
			body: `{"error":"invalid_token","error_description":"token not provided"}` + "\n"},
	},
	{
		name: "a trace with no body has an empty body",
		in:   "< HTTP/2 503 \r\n< retry-after: 7\r\n< \r\n* Connection #0 to host x left intact\n",
		want: want{code: 503, status: "503 Service Unavailable", proto: "HTTP/2", major: 2,
			header: http.Header{"Retry-After": {"7"}}},
	},
	{
		name: "curl's line stuck to a body without a final newline is dropped",
		in: "< HTTP/1.1 500 Internal Server Error\r\n< \r\n" +
			`{"code":"ERRO_INTERNO"}* Connection #0 to host localhost left intact` + "\n",
		want: want{code: 500, status: "500 Internal Server Error", proto: "HTTP/1.1",
			major: 1, minor: 1, body: `{"code":"ERRO_INTERNO"}`},
	},
	{
		name: "a body printed before curl's closing lines keeps its lines",
		in: "< HTTP/1.1 404 Not Found\n<\n<html>\n<title>x</title>\n</html>\n" +
			"* Closing connection\n",
		want: want{code: 404, status: "404 Not Found", proto: "HTTP/1.1", major: 1, minor: 1,
			body: "<html>\n<title>x</title>\n</html>\n"},
	},
	{
		name: "curl's lines inside a header block are skipped",
		in: "< HTTP/1.1 429 Too Many Requests\r\n< Set-Cookie: a=1\r\n" +
			"* Added cookie a=\"1\" for domain localhost, path /, expire 0\r\n" +
			"< Retry-After: 30\r\n< \r\n",
		want: want{code: 429, status: "429 Too Many Requests", proto: "HTTP/1.1", major: 1,
			minor: 1, header: http.Header{"Set-Cookie": {"a=1"}, "Retry-After": {"30"}}},
	},
	{
		name: "a curl -vL trace ends at the final response",
		in: "> GET /a HTTP/1.1\r\n> \r\n< HTTP/1.1 302 Found\r\n< Location: /b\r\n< \r\n" +
			"* Ignoring the response-body\n* Issue another request to this URL: '/b'\n" +
			"> GET /b HTTP/1.1\r\n> \r\n< HTTP/1.1 503 Service Unavailable\r\n< \r\ndown",
		want: want{code: 503, status: "503 Service Unavailable", proto: "HTTP/1.1", major: 1,
			minor: 1, header: http.Header{}, body: "down"},
	},
	{
		name: "a curl -vi trace, which prints the response twice, is read once",
		in: "< HTTP/1.1 400 Bad Request\r\n< A: 1\r\n< \r\n* Connection #0 left intact\n" +
			"HTTP/1.1 400 Bad Request\r\nA: 1\r\n\r\n{\"error\":\"invalid_request\"}",
		want: want{code: 400, status: "400 Bad Request", proto: "HTTP/1.1", major: 1, minor: 1,
			header: http.Header{"A": {"1"}}, body: `{"error":"invalid_request"}`},
	},
	{
		name: "curl's notes before the trace are skipped",
		in: "Note: Unnecessary use of -X or --request, GET is already inferred.\n" +
			"* Host x:80 was resolved.\n< HTTP/1.1 502 Bad Gateway\n<\n",
		want: want{code: 502, status: "502 Bad Gateway", proto: "HTTP/1.1", major: 1, minor: 1},
	},
	{
		name: "a 100 Continue inside a trace is skipped",
		in: "> POST / HTTP/1.1\r\n> Expect: 100-continue\r\n> \r\n< HTTP/1.1 100 Continue\r\n" +
			"< \r\n} [5 bytes data]\n* We are completely uploaded and fine\n" +
			"< HTTP/1.1 413 Payload Too Large\r\n< \r\nbig",
		want: want{code: 413, status: "413 Payload Too Large", proto: "HTTP/1.1", major: 1,
			minor: 1, body: "big"},
	},
}

func TestReadResponseReadsACurlVerboseTrace(t *testing.T) {
	for _, tc := range traceCases {
		t.Run(tc.name, func(t *testing.T) { checkRead(t, tc.in, tc.want) })
	}
}

func TestReadResponseReadsTheVerboseCapture(t *testing.T) {
	resp := readCapture(t, "nginx-curl-verbose-invalid-token.txt")

	assert.Equal(t, 401, resp.StatusCode)
	assert.Equal(t, "nginx/1.22.1", resp.Header.Get("Server"))
	assert.Equal(t, `Bearer realm="brickbank", error="invalid_token", `+
		`error_description="token expirado as 10h ? ?x?"`, resp.Header.Get("Www-Authenticate"))
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, http.NoBody, resp.Body, "curl -v printed no body")
}

// readCapture reads one of the real captures, which must parse.
func readCapture(t *testing.T, name string) *http.Response {
	t.Helper()
	f, err := os.Open("../../testdata/captures/" + name)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	resp, err := rawhttp.ReadResponse(f)
	require.NoError(t, err)
	return resp
}

func TestReadResponseTraceErrorsNameTheInputLine(t *testing.T) {
	in := "* Trying\n> GET / HTTP/1.1\n< HTTP/1.1 200 OK\n< not a header\n<\n"
	_, err := rawhttp.ReadResponse(strings.NewReader(in))
	assert.EqualError(t, err, `rawhttp: line 4: expected "Name: value" header, got "not a header"`)
}

// A body that only looks like curl's lines is no trace: the caller can
// still read it as a bare body.
func TestReadResponseTakesTraceLookalikesForBareBodies(t *testing.T) {
	for _, in := range []string{"* one\n* two\n", "> quoted\n", "< less\n", "Note: x\n"} {
		t.Run(in, func(t *testing.T) {
			br := bufio.NewReaderSize(strings.NewReader(in), 64<<10)
			_, err := rawhttp.ReadResponse(br)
			require.ErrorIs(t, err, rawhttp.ErrNoStatusLine)
			rest, err := io.ReadAll(br)
			require.NoError(t, err)
			assert.Equal(t, in, string(rest))
		})
	}
}

func TestReadResponseBoundsTheLinesOfATrace(t *testing.T) {
	in := "< HTTP/1.1 200 OK\n" + strings.Repeat("* chatter\n", rawhttp.MaxHeaderBytes/10+1)
	_, err := rawhttp.ReadResponse(strings.NewReader(in))
	assert.ErrorContains(t, err, "header section exceeds")
}
