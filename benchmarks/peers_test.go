package benchmarks

// Each benchmark runs every contender on the same exchange against its own
// loopback server, in the same run; compare with
//
//	go test -run '^$' -bench . -benchmem -count 5 | benchstat -col /impl -
//
// The allocations a benchmark reports are the whole process's: they include
// the server's side of the exchange, which is the same for every contender.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apierr/apierr"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// idempotencyKey is the key every contender's POST carries: apierr resends
// no POST without one, and retryablehttp resends any.
const idempotencyKey = "5f0c2a8e-3b1d-4c7a-9e6f-0d2b8a4c6e13"

const payloadSize = 1 << 10

var (
	// payload is the 1 KiB body of the POST benchmarks.
	payload = bytes.Repeat([]byte("0123456789abcdef"), payloadSize/16)

	// okBody answers every successful request.
	okBody = []byte(`{"id":"7d2f6c1e","status":"ACCEPTED","amount":"100.00","currency":"BRL"}`)

	// unavailableBody answers the first attempt of each request of the
	// 503-then-200 benchmarks: seed 003's ERRO_INTERNO body, which a Brick
	// Bank API sends with "aguarde uns instantes e refaça a operação", on a
	// 503. apierr classifies it (a JSON parse); retryablehttp only looks at
	// the status.
	unavailableBody = []byte(`{"code":"ERRO_INTERNO","title":"Erro interno","detail":` +
		`"Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça a operação."}`)

	// Response headers, built once: the server's work is not what is measured.
	jsonType          = []string{"application/json"}
	okLength          = []string{fmt.Sprint(len(okBody))}
	unavailableLength = []string{fmt.Sprint(len(unavailableBody))}
)

// peer is a loopback server that counts what it sees. A flaky peer answers
// every odd-numbered request (the 1st, 3rd, …) with a 503 and every even one
// with a 200: as requests are sent one at a time, a client that resends
// exactly once after the 503 sees 503-then-200 for every logical request,
// and one that does not gets a 503 back. A POST must carry the idempotency
// key (when requireKey is set) and exactly payload, with its Content-Length;
// anything else is counted in bad and answered 400, which no contender
// resends.
type peer struct {
	srv        *httptest.Server
	flaky      bool
	requireKey bool
	hits       atomic.Int64 // requests received
	conns      atomic.Int64 // connections accepted
	bad        atomic.Int64 // requests that were not what the scenario sends
}

func newPeer(tb testing.TB, flaky bool) *peer {
	p := &peer{flaky: flaky, requireKey: true}
	p.srv = httptest.NewUnstartedServer(http.HandlerFunc(p.serve))
	p.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			p.conns.Add(1)
		}
	}
	p.srv.Start()
	tb.Cleanup(p.srv.Close)
	return p
}

// bodyBuffers hold a POST body while the server checks it, without an
// allocation per request.
var bodyBuffers = sync.Pool{New: func() any { return new([payloadSize + 1]byte) }}

func (p *peer) serve(w http.ResponseWriter, r *http.Request) {
	hit := p.hits.Add(1)
	if !p.wellFormed(r) {
		p.bad.Add(1)
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h := w.Header()
	h["Content-Type"] = jsonType
	if p.flaky && hit%2 == 1 {
		h["Content-Length"] = unavailableLength
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(unavailableBody)
		return
	}
	h["Content-Length"] = okLength
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(okBody)
}

func (p *peer) wellFormed(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet:
		return r.ContentLength == 0
	case http.MethodPost:
		if p.requireKey && r.Header.Get("X-Idempotency-Key") != idempotencyKey {
			return false
		}
		if r.ContentLength != payloadSize {
			return false
		}
		buf := bodyBuffers.Get().(*[payloadSize + 1]byte)
		defer bodyBuffers.Put(buf)
		n, err := io.ReadFull(r.Body, buf[:])
		return n == payloadSize && err == io.ErrUnexpectedEOF && bytes.Equal(buf[:n], payload)
	}
	return false
}

// newTransport gives each contender a connection pool of its own, all with
// the same settings: http.DefaultTransport's, without the proxy lookup.
func newTransport(tb testing.TB) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	tr.MaxIdleConns = 100
	tr.MaxIdleConnsPerHost = 100
	tb.Cleanup(tr.CloseIdleConnections)
	return tr
}

// sendFunc builds one request, a fresh one each time (a GET, or a POST of
// body with the idempotency key and a *bytes.Reader body, so that GetBody is
// set), and sends it.
type sendFunc func(method, url string, body []byte) (*http.Response, error)

type contender struct {
	name    string
	retries bool // false: left out of the 503-then-200 benchmarks
	client  func(*http.Transport) sendFunc
}

var contenders = []contender{
	{"bare", false, func(tr *http.Transport) sendFunc {
		return stdSend(&http.Client{Transport: tr})
	}},
	// apierr as a user writes it: Budget nil is the default Budget, on,
	// counting every first attempt for the host.
	{"apierr", true, func(tr *http.Transport) sendFunc {
		return stdSend(&http.Client{Transport: newApierr(tr)})
	}},
	{"retryablehttp-standard", true, func(tr *http.Transport) sendFunc {
		return stdSend(newRetryable(tr).StandardClient())
	}},
	{"retryablehttp-do", true, func(tr *http.Transport) sendFunc {
		c := newRetryable(tr)
		return func(method, url string, body []byte) (*http.Response, error) {
			var raw any // nil, not a nil *bytes.Reader, for a GET
			if body != nil {
				raw = bytes.NewReader(body)
			}
			req, err := retryablehttp.NewRequest(method, url, raw)
			if err != nil {
				return nil, err
			}
			if body != nil {
				req.Header.Set("X-Idempotency-Key", idempotencyKey)
			}
			return c.Do(req)
		}
	}},
}

func stdSend(c *http.Client) sendFunc {
	return func(method, url string, body []byte) (*http.Response, error) {
		if body == nil {
			req, err := http.NewRequest(method, url, nil)
			if err != nil {
				return nil, err
			}
			return c.Do(req)
		}
		req, err := http.NewRequest(method, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("X-Idempotency-Key", idempotencyKey)
		return c.Do(req)
	}
}

// noSleep makes apierr's waits zero.
func noSleep(context.Context, time.Duration) error { return nil }

// newApierr is apierr's Transport over tr with zero waits that still pass
// in its own clock: a wait moves that clock on, so the default Budget sees
// each exchange's resend as spaced as the schedule spaces it, not a
// thousand a second, and judges it as it would in a real run.
func newApierr(tr *http.Transport) *apierr.Transport {
	var mu sync.Mutex
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	return &apierr.Transport{Base: tr,
		Sleep: func(_ context.Context, d time.Duration) error {
			mu.Lock()
			now = now.Add(d)
			mu.Unlock()
			return nil
		},
		Now: func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			return now
		}}
}

// newRetryable is retryablehttp's default client with zero waits, no
// logger, as many resends as apierr's DefaultPolicy, and tr underneath.
func newRetryable(tr *http.Transport) *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.HTTPClient = &http.Client{Transport: tr}
	c.Logger = nil
	c.RetryWaitMin, c.RetryWaitMax = 0, 0
	c.RetryMax = apierr.DefaultPolicy.MaxRetries
	c.Backoff = func(_, _ time.Duration, _ int, _ *http.Response) time.Duration { return 0 }
	return c
}

// exchange makes one logical request and reads and closes its response.
func exchange(tb testing.TB, send sendFunc, url, method string, body []byte) *http.Response {
	resp, err := send(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || n != int64(len(okBody)) {
		tb.Fatalf("%s: status %d, %d bytes, %v; want 200, %d bytes", method, resp.StatusCode,
			n, err, len(okBody))
	}
	return resp
}

type scenario struct {
	name   string
	method string
	body   []byte
	flaky  bool // a 503 before each 200
}

var (
	getOK     = scenario{name: "GET", method: http.MethodGet}
	postOK    = scenario{name: "POST1KiB", method: http.MethodPost, body: payload}
	getFlaky  = scenario{name: "503Then200GET", method: http.MethodGet, flaky: true}
	postFlaky = scenario{name: "503Then200POST", method: http.MethodPost, body: payload, flaky: true}
	allOfThem = []scenario{getOK, postOK, getFlaky, postFlaky}
)

func runPeers(b *testing.B, s scenario) {
	for _, c := range contenders {
		if s.flaky && !c.retries {
			continue
		}
		b.Run("impl="+c.name, func(b *testing.B) {
			p := newPeer(b, s.flaky)
			send := c.client(newTransport(b))
			url := p.srv.URL
			exchange(b, send, url, s.method, s.body) // dials the one connection
			n := int64(1)
			b.ReportAllocs()
			for b.Loop() {
				exchange(b, send, url, s.method, s.body)
				n++
			}
			b.StopTimer()
			perRequest := int64(1)
			if s.flaky {
				perRequest = 2
			}
			// A client that left bodies unread would dial once per
			// request; a rare second connection is net/http's own doing
			// (see reusedConnections).
			if hits, bad, conns := p.hits.Load(), p.bad.Load(), p.conns.Load(); hits != n*perRequest ||
				bad != 0 || conns > 1+n/1000 {
				b.Fatalf("%d requests: %d hits (want %d), %d bad, %d connections (want 1)",
					n, hits, n*perRequest, bad, conns)
			}
		})
	}
}

// BenchmarkGET is a successful GET.
func BenchmarkGET(b *testing.B) {
	runPeers(b, getOK)
}

// BenchmarkPOST1KiB is a successful POST of 1 KiB with an idempotency key.
func BenchmarkPOST1KiB(b *testing.B) {
	runPeers(b, postOK)
}

// Benchmark503Then200GET is a GET answered 503, resent at once, then 200.
func Benchmark503Then200GET(b *testing.B) {
	runPeers(b, getFlaky)
}

// Benchmark503Then200POST is a 1 KiB POST with an idempotency key answered
// 503, resent at once with the same body and key, then 200.
func Benchmark503Then200POST(b *testing.B) {
	runPeers(b, postFlaky)
}

// reusedConnections reports whether a test's requests shared their
// connection: a client that left a body unread would dial once per request.
// One more is allowed: net/http drops a connection, rather than reuse it,
// when its write loop has not reported the request written within 50 ms of
// the response being read (persistConn.wroteRequest), which a loaded
// machine can cause for any client.
func reusedConnections(conns int64) bool { return conns == 1 || conns == 2 }

// TestPeersDoEqualWork checks that every contender does in the benchmarks
// what the others do: a 200 with the whole body for each request, exactly
// one resend after a 503, the same 1 KiB body and idempotency key on every
// attempt of a POST, and the exchanges sharing one connection (every body
// read to the end, so the pools are used alike; see reusedConnections).
func TestPeersDoEqualWork(t *testing.T) {
	const requests = 8
	for _, s := range allOfThem {
		for _, c := range contenders {
			if s.flaky && !c.retries {
				continue
			}
			t.Run(s.name+"/impl="+c.name, func(t *testing.T) {
				p := newPeer(t, s.flaky)
				send := c.client(newTransport(t))
				attempts := 1
				if s.flaky {
					attempts = 2
				}
				for range requests {
					resp := exchange(t, send, p.srv.URL, s.method, s.body)
					if c.name == "apierr" {
						if got := apierr.Attempts(resp); got != attempts {
							t.Errorf("apierr.Attempts = %d, want %d", got, attempts)
						}
					}
				}
				if hits := p.hits.Load(); hits != int64(requests*attempts) {
					t.Errorf("server saw %d requests, want %d", hits, requests*attempts)
				}
				if bad := p.bad.Load(); bad != 0 {
					t.Errorf("%d requests lacked the key or the exact body", bad)
				}
				if conns := p.conns.Load(); !reusedConnections(conns) {
					t.Errorf("%d connections for %d requests, want 1", conns, requests)
				}
			})
		}
	}
}

// TestPeersPOSTWithoutKey shows why every contender's POST carries the key:
// without one apierr returns the 503 rather than risk running the POST
// twice, while retryablehttp resends it.
func TestPeersPOSTWithoutKey(t *testing.T) {
	want := map[string]struct {
		status int
		hits   int64
	}{
		"apierr":                 {http.StatusServiceUnavailable, 1},
		"retryablehttp-standard": {http.StatusOK, 2},
		"retryablehttp-do":       {http.StatusOK, 2},
	}
	for _, c := range contenders {
		w, ok := want[c.name]
		if !ok {
			continue
		}
		t.Run("impl="+c.name, func(t *testing.T) {
			p := newPeer(t, true)
			p.requireKey = false
			tr := newTransport(t)
			var resp *http.Response
			var err error
			if c.name == "retryablehttp-do" {
				req, rerr := retryablehttp.NewRequest(http.MethodPost, p.srv.URL, bytes.NewReader(payload))
				if rerr != nil {
					t.Fatal(rerr)
				}
				resp, err = newRetryable(tr).Do(req)
			} else {
				var client *http.Client
				if c.name == "apierr" {
					client = &http.Client{Transport: newApierr(tr)}
				} else {
					client = newRetryable(tr).StandardClient()
				}
				resp, err = client.Post(p.srv.URL, "application/octet-stream", bytes.NewReader(payload))
			}
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != w.status || p.hits.Load() != w.hits {
				t.Errorf("status %d after %d requests; want %d after %d",
					resp.StatusCode, p.hits.Load(), w.status, w.hits)
			}
		})
	}
}

// bodySpy is a Base that records the body each attempt carries.
type bodySpy struct{ bodies []io.ReadCloser }

func (s *bodySpy) RoundTrip(req *http.Request) (*http.Response, error) {
	s.bodies = append(s.bodies, req.Body)
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: req}, nil
}

// TestTransportSendsTheCallersBody checks the success path's "no copy of
// the request body", with the default Budget on: the first attempt hands
// Base the very body the caller built, not a buffer of it.
func TestTransportSendsTheCallersBody(t *testing.T) {
	spy := &bodySpy{}
	req, err := http.NewRequest(http.MethodPost, "http://api.example/payments",
		bytes.NewReader(payload))
	require.NoError(t, err)
	req.Header.Set("X-Idempotency-Key", idempotencyKey)
	callers := req.Body
	resp, err := (&apierr.Transport{Base: spy, Sleep: noSleep}).RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Len(t, spy.bodies, 1)
	// ==, not assert.Equal: a copy of the bytes in a reader of its own
	// would be deeply equal.
	assert.True(t, spy.bodies[0] == callers, "Base got the caller's own body, not a copy")
}
