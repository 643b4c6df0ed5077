// Tests of ReadBody: the codings, the limit, the bomb, the damage.

package rawhttp_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr/internal/rawhttp"
)

const errorBody = `{"error":"insufficient_scope","error_description":"more scope"}`

// compressed is s written through the compressor w makes.
func compressed(t testing.TB, s string, w func(io.Writer) (io.WriteCloser, error)) string {
	var b bytes.Buffer
	c, err := w(&b)
	require.NoError(t, err)
	_, err = io.WriteString(c, s)
	require.NoError(t, err)
	require.NoError(t, c.Close())
	return b.String()
}

func gzipped(t testing.TB, s string) string {
	return compressed(t, s, func(w io.Writer) (io.WriteCloser, error) {
		return gzip.NewWriter(w), nil
	})
}

func zlibbed(t testing.TB, s string) string {
	return compressed(t, s, func(w io.Writer) (io.WriteCloser, error) {
		return zlib.NewWriter(w), nil
	})
}

func rawDeflated(t testing.TB, s string) string {
	return compressed(t, s, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
}

func response(encoding, body string) *http.Response {
	h := http.Header{}
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
	}
	return &http.Response{Header: h, Body: io.NopCloser(strings.NewReader(body))}
}

func TestReadBody(t *testing.T) {
	tests := []struct {
		name, encoding, body string
		want                 rawhttp.Body
	}{
		{"a body without a coding is read as printed", "", errorBody,
			rawhttp.Body{Data: []byte(errorBody)}},
		{"a gzip body is decoded", "gzip", gzipped(t, errorBody),
			rawhttp.Body{Data: []byte(errorBody), Coding: "gzip"}},
		{"x-gzip is gzip", "X-GZIP", gzipped(t, errorBody),
			rawhttp.Body{Data: []byte(errorBody), Coding: "x-gzip"}},
		{"a deflate body in zlib's format is decoded", "deflate", zlibbed(t, errorBody),
			rawhttp.Body{Data: []byte(errorBody), Coding: "deflate"}},
		{"a raw deflate body is decoded", "deflate", rawDeflated(t, "\x00"+errorBody),
			rawhttp.Body{Data: []byte("\x00" + errorBody), Coding: "deflate"}},
		{"two codings are undone in reverse order", "deflate, gzip",
			gzipped(t, zlibbed(t, errorBody)),
			rawhttp.Body{Data: []byte(errorBody), Coding: "deflate, gzip"}},
		{"identity is no coding", "identity", errorBody, rawhttp.Body{Data: []byte(errorBody)}},
		{"a gzip header over a body curl --compressed decoded", "gzip", errorBody,
			rawhttp.Body{Data: []byte(errorBody), Printed: true}},
		{"a deflate header over a decoded body", "deflate", errorBody,
			rawhttp.Body{Data: []byte(errorBody), Printed: true}},
		{"an empty gzip body is empty", "gzip", "", rawhttp.Body{Data: []byte{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rawhttp.ReadBody(response(tt.encoding, tt.body), 1<<10)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadBodyCutsAtTheLimit(t *testing.T) {
	long := strings.Repeat("x", 100)
	for _, enc := range []string{"", "gzip"} {
		t.Run("coding "+enc, func(t *testing.T) {
			body := long
			if enc == "gzip" {
				body = gzipped(t, long)
			}
			got := rawhttp.ReadBody(response(enc, body), 64)
			assert.True(t, got.Cut)
			assert.Equal(t, long[:64], string(got.Data))
			assert.NoError(t, got.Err)

			got = rawhttp.ReadBody(response(enc, body), 100)
			assert.False(t, got.Cut, "a body of exactly the limit is whole")
			assert.Equal(t, long, string(got.Data))
		})
	}
}

func TestReadBodyReportsWhatItCannotDecode(t *testing.T) {
	whole := gzipped(t, errorBody)
	corrupt := []byte(whole)
	corrupt[len(corrupt)-5] ^= 0xff // the CRC-32
	tests := []struct {
		name, encoding, body, err, data string
	}{
		{"a truncated gzip body keeps what was decoded", "gzip", whole[:len(whole)-8],
			"rawhttp: gzip body ends early", errorBody},
		{"a gzip body with a wrong checksum", "gzip", string(corrupt),
			"rawhttp: gzip body: gzip: invalid checksum", errorBody},
		{"brotli is not decoded", "br", "\x8b\x03\x80", `rawhttp: content coding "br" ` +
			"cannot be decoded", ""},
		{"more than four codings are refused", "gzip, gzip, gzip, gzip, gzip", "x",
			"rawhttp: more than 4 content codings", ""},
		{"a gzip magic without a header", "gzip", "\x1f\x8b",
			"rawhttp: gzip body: unexpected EOF", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rawhttp.ReadBody(response(tt.encoding, tt.body), 1<<10)
			assert.EqualError(t, got.Err, tt.err)
			assert.Equal(t, tt.data, string(got.Data))
		})
	}
}

// zeros reads as n zero bytes without holding them.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), z.n)
	clear(p[:n])
	z.n -= n
	return int(n), nil
}

// A gzip bomb decodes to 256 MiB; ReadBody keeps 64 KiB and reads about as
// much input as those need.
func TestReadBodyCostsNothingOnACompressionBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 256 MiB bomb")
	}
	var bomb bytes.Buffer
	w, err := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	require.NoError(t, err)
	_, err = io.Copy(w, &zeros{n: 256 << 20})
	require.NoError(t, err)
	require.NoError(t, w.Close())
	input := bytes.NewReader(bomb.Bytes())

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := rawhttp.ReadBody(&http.Response{Header: http.Header{"Content-Encoding": {"gzip"}},
		Body: io.NopCloser(input)}, 64<<10)
	runtime.ReadMemStats(&after)

	assert.True(t, got.Cut)
	assert.Len(t, got.Data, 64<<10)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(2<<20), "bytes allocated")
	assert.Greater(t, input.Len(), bomb.Len()/2, "most of the bomb is never read")
}

func TestReadBodyDecodesTheGzipCapture(t *testing.T) {
	got := rawhttp.ReadBody(readCapture(t, "nginx-gzip-api-scope-raw-gzip.http"), 64<<10)

	require.NoError(t, got.Err)
	assert.Equal(t, "gzip", got.Coding)
	assert.Equal(t, `{"error":"insufficient_scope","error_description":"The request requires `+
		`higher privileges than provided by the access token."}`, string(got.Data))
}
