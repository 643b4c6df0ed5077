package apierr

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reply is one scripted answer of a test server.
type reply struct {
	status int
	body   string
	header []string // name, value pairs
}

// recorded is what the server saw of one request.
type recorded struct {
	method string
	header http.Header
	body   string
}

// scripted is a test server that answers requests in script order (the last
// reply repeats) and records each request.
type scripted struct {
	*httptest.Server
	mu       sync.Mutex
	script   []reply
	requests []recorded
	conns    atomic.Int32
}

func newScripted(t *testing.T, script ...reply) *scripted {
	t.Helper()
	s := &scripted{script: script}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		n := len(s.requests)
		s.requests = append(s.requests, recorded{r.Method, r.Header.Clone(), string(body)})
		rep := s.script[min(n, len(s.script)-1)]
		s.mu.Unlock()
		for i := 0; i+1 < len(rep.header); i += 2 {
			w.Header().Add(rep.header[i], rep.header[i+1])
		}
		w.WriteHeader(rep.status)
		_, _ = io.WriteString(w, rep.body)
	}))
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *scripted) seen() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.requests...)
}

// sleeper records the waits a Transport asks for and returns at once; it
// is also the Transport's clock, which each wait moves on, so that the
// budget and Retry-After holds run in virtual time.
type sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
	now   time.Duration // since virtualEpoch
}

var virtualEpoch = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.now += d
	s.mu.Unlock()
	return ctx.Err()
}

// Now is the virtual time: the epoch plus every wait so far.
func (s *sleeper) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return virtualEpoch.Add(s.now)
}

func (s *sleeper) got() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

func secs(n ...int) []time.Duration {
	d := make([]time.Duration, len(n))
	for i, s := range n {
		d[i] = time.Duration(s) * time.Second
	}
	return d
}

// client returns a client whose Transport sleeps through sl and uses its
// own connection pool, closed at the end of the test.
func client(t *testing.T, sl *sleeper, configure ...func(*Transport)) (*http.Client, *Transport) {
	t.Helper()
	base := &http.Transport{}
	t.Cleanup(base.CloseIdleConnections)
	tr := &Transport{Base: base, Sleep: sl.Sleep, Now: sl.Now}
	for _, c := range configure {
		c(tr)
	}
	return &http.Client{Transport: tr}, tr
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

var (
	unavailable = reply{status: 503, body: `{"code":"ERRO_INTERNO"}`}
	ok200       = reply{status: 200, body: `{"data":"ok"}`}
)

func TestTransportSchedule(t *testing.T) {
	t.Run("503 six times is six requests on the 3 s doubling schedule and the last response",
		func(t *testing.T) {
			srv := newScripted(t, reply{503, "first", nil}, reply{503, "2", nil}, reply{503, "3", nil},
				reply{503, "4", nil}, reply{503, "5", nil}, reply{503, "last", nil})
			sl := &sleeper{}
			c, _ := client(t, sl)
			resp, err := c.Get(srv.URL)
			require.NoError(t, err)
			assert.Equal(t, 503, resp.StatusCode)
			assert.Equal(t, "last", readAll(t, resp), "the last response, unread")
			assert.Len(t, srv.seen(), 6)
			assert.Equal(t, secs(3, 6, 12, 24, 48), sl.got())
			assert.Equal(t, 6, Attempts(resp))
			assert.LessOrEqual(t, srv.conns.Load(), int32(2), "connections are reused")
		})
	t.Run("503 then 200 is two requests and the 200", func(t *testing.T) {
		srv := newScripted(t, unavailable, ok200)
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, `{"data":"ok"}`, readAll(t, resp))
		assert.Equal(t, 2, Attempts(resp))
		assert.Equal(t, secs(3), sl.got())
	})
	t.Run("a first success is one attempt", func(t *testing.T) {
		srv := newScripted(t, ok200)
		c, _ := client(t, &sleeper{})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, 1, Attempts(resp))
		readAll(t, resp)
	})
	t.Run("a partly filled Policy takes the documented schedule for its zero fields",
		func(t *testing.T) {
			for _, tc := range []struct {
				policy Policy
				waits  []time.Duration
			}{
				{Policy{MaxRetries: 3}, secs(3, 6, 12)},
				{Policy{MaxRetries: 2}, secs(3, 6)},
				{Policy{Base: time.Second, Factor: 2}, secs(1, 2, 4, 8, 16)},
				{Policy{MaxWait: 10 * time.Second}, secs(3, 6, 10, 10, 10)},
			} {
				srv := newScripted(t, unavailable)
				sl := &sleeper{}
				c, _ := client(t, sl, func(tr *Transport) { tr.Policy = tc.policy })
				resp, err := c.Get(srv.URL)
				require.NoError(t, err)
				readAll(t, resp)
				assert.Equal(t, tc.waits, sl.got(), "%+v", tc.policy)
				assert.Len(t, srv.seen(), 1+len(tc.waits), "%+v", tc.policy)
			}
		})
	t.Run("MaxRetries -1 never resends", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		sl := &sleeper{}
		c, _ := client(t, sl, func(tr *Transport) { tr.Policy = Policy{MaxRetries: -1} })
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Len(t, srv.seen(), 1)
		assert.Empty(t, sl.got())
	})
	t.Run("assigning DefaultPolicy changes no Transport", func(t *testing.T) {
		saved := DefaultPolicy
		t.Cleanup(func() { DefaultPolicy = saved })
		DefaultPolicy = Policy{Base: time.Millisecond, Factor: 1, MaxRetries: 1}
		srv := newScripted(t, unavailable)
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, secs(3, 6, 12, 24, 48), sl.got())
	})
	t.Run("jitter spreads each wait and never passes MaxWait", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		sl := &sleeper{}
		draws := []float64{0, 0.999999, 0.5, 0, 0.999999}
		var i atomic.Int32
		c, _ := client(t, sl, func(tr *Transport) {
			tr.Policy = DefaultPolicy
			tr.Policy.Jitter = 0.2
			tr.Rand = func() float64 { return draws[i.Add(1)-1] }
		})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		got := sl.got()
		require.Len(t, got, 5)
		assert.Equal(t, 2400*time.Millisecond, got[0], "3 s − 20%")
		assert.InDelta(t, float64(7200*time.Millisecond), float64(got[1]), float64(time.Millisecond))
		assert.Equal(t, 12*time.Second, got[2], "a draw of 0.5 is the schedule")
		assert.Equal(t, 19200*time.Millisecond, got[3])
		assert.Equal(t, 48*time.Second, got[4], "+20% of 48 s is capped at MaxWait")
	})
}

func TestTransportClassification(t *testing.T) {
	for _, tc := range []struct {
		name     string
		reply    reply
		attempts int
	}{
		{"400 is sent once", reply{status: 400, body: `{"code":"CONSENTIMENTO_INVALIDO"}`}, 1},
		{"501 is sent once", reply{status: 501}, 1},
		{"505 is sent once", reply{status: 505}, 1},
		{"404 is sent once", reply{status: 404, body: `{"message":"no Route matched with those values"}`}, 1},
		{"a plain 429 is sent once", reply{status: 429, body: `{"code":"RATE_LIMIT"}`}, 1},
		{"429 Too Many Sessions is resent", reply{status: 429, body: `{"code":"TOO_MANY_SESSIONS"}`}, 6},
		{"ERRO_CHAMADA_API is resent, as its solution says", reply{status: 400,
			body: `{"code":"ERRO_CHAMADA_API"}`}, 6},
		{"a known 4xx code on a 503 is sent once", reply{status: 503,
			body: `{"code":"CONSENTIMENTO_INVALIDO"}`}, 1},
		{"LIMITE_OPERACIONAL_EXCEDIDO is sent once", reply{status: 423,
			body: `{"code":"LIMITE_OPERACIONAL_EXCEDIDO"}`}, 1},
		{"an expired token without Refresh is returned as it is", reply{status: 401,
			header: []string{"WWW-Authenticate", `Bearer error="invalid_token"`}}, 1},
		{"an HTML 502 is resent", reply{status: 502, body: "<html>bad gateway</html>"}, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newScripted(t, tc.reply)
			c, _ := client(t, &sleeper{})
			resp, err := c.Get(srv.URL)
			require.NoError(t, err)
			assert.Equal(t, tc.reply.body, readAll(t, resp), "the caller reads every byte")
			assert.Len(t, srv.seen(), tc.attempts)
			assert.Equal(t, tc.attempts, Attempts(resp))
		})
	}
	t.Run("a large error body is put back whole", func(t *testing.T) {
		big := `{"code":"ERRO_INTERNO","detail":"` + strings.Repeat("x", 3*peekLimit) + `"}`
		srv := newScripted(t, reply{status: 400, body: big})
		c, _ := client(t, &sleeper{})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, big, readAll(t, resp))
	})
}

func TestTransportIdempotency(t *testing.T) {
	payment := `{"data":{"payment":{"amount":"100.00"}}}`
	post := func(t *testing.T, c *http.Client, url string, header ...string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(payment))
		require.NoError(t, err)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		return resp
	}
	t.Run("a POST without a key is sent once", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		c, _ := client(t, &sleeper{})
		post(t, c, srv.URL)
		assert.Len(t, srv.seen(), 1)
	})
	t.Run("a PATCH without a key is sent once", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		c, _ := client(t, &sleeper{})
		req, _ := http.NewRequest(http.MethodPatch, srv.URL, strings.NewReader("{}"))
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Len(t, srv.seen(), 1)
	})
	for _, header := range []string{"Idempotency-Key", "X-Idempotency-Key"} {
		t.Run("a POST with "+header+" is resent with the same body and headers", func(t *testing.T) {
			srv := newScripted(t, unavailable, unavailable, ok200)
			c, _ := client(t, &sleeper{})
			resp := post(t, c, srv.URL, header, "k-123", "X-Fapi-Interaction-Id", "id-1")
			assert.Equal(t, 3, Attempts(resp))
			seen := srv.seen()
			require.Len(t, seen, 3)
			for _, r := range seen {
				assert.Equal(t, payment, r.body, "replayed byte for byte")
				assert.Equal(t, "k-123", r.header.Get(header))
				assert.Equal(t, "id-1", r.header.Get("X-Fapi-Interaction-Id"))
			}
		})
	}
	t.Run("minted keys are one per logical request, the same on every attempt", func(t *testing.T) {
		srv := newScripted(t, unavailable, ok200)
		c, _ := client(t, &sleeper{}, func(tr *Transport) { tr.IdempotencyKeys = true })
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(payment))
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Empty(t, req.Header.Get("X-Idempotency-Key"), "the caller's request is untouched")
		post(t, c, srv.URL) // a second logical request: 503 then… the script repeats 200
		seen := srv.seen()
		require.Len(t, seen, 3)
		first := seen[0].header.Get("X-Idempotency-Key")
		assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, first)
		assert.Equal(t, first, seen[1].header.Get("X-Idempotency-Key"))
		assert.NotEqual(t, first, seen[2].header.Get("X-Idempotency-Key"))
	})
	t.Run("a caller's own key is kept, not replaced", func(t *testing.T) {
		srv := newScripted(t, ok200)
		c, _ := client(t, &sleeper{}, func(tr *Transport) { tr.IdempotencyKeys = true })
		post(t, c, srv.URL, "Idempotency-Key", "mine")
		seen := srv.seen()
		assert.Equal(t, "mine", seen[0].header.Get("Idempotency-Key"))
		assert.Empty(t, seen[0].header.Get("X-Idempotency-Key"))
	})
	t.Run("a body without GetBody is sent once", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		c, _ := client(t, &sleeper{})
		req, _ := http.NewRequest(http.MethodPut, srv.URL, io.NopCloser(strings.NewReader("x")))
		require.Nil(t, req.GetBody)
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Len(t, srv.seen(), 1)
	})
}

func TestTransportRetryAfter(t *testing.T) {
	t.Run("a longer Retry-After wins over the schedule", func(t *testing.T) {
		srv := newScripted(t, reply{status: 503, header: []string{"Retry-After", "7"}}, ok200)
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, secs(7), sl.got())
	})
	t.Run("a shorter Retry-After loses to the schedule", func(t *testing.T) {
		srv := newScripted(t, reply{status: 503, header: []string{"Retry-After", "1"}}, ok200)
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, secs(3), sl.got())
	})
	t.Run("an HTTP-date Retry-After is measured from the response's Date", func(t *testing.T) {
		srv := newScripted(t, reply{status: 503, header: []string{
			"Date", "Sun, 22 Nov 2026 10:00:00 GMT", "Retry-After", "Sun, 22 Nov 2026 10:00:20 GMT"}},
			ok200)
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, secs(20), sl.got())
	})
	t.Run("a Retry-After above MaxWait stops at once with the response", func(t *testing.T) {
		srv := newScripted(t, reply{status: 503, body: "later", header: []string{"Retry-After", "3600"}})
		sl := &sleeper{}
		c, _ := client(t, sl)
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, "later", readAll(t, resp))
		assert.Empty(t, sl.got(), "never a one-hour sleep")
		assert.Len(t, srv.seen(), 1)
	})
	t.Run("a wait past the context's deadline stops at once", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		sl := &sleeper{}
		c, _ := client(t, sl)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Empty(t, sl.got(), "3 s would end after the 2 s deadline")
		assert.Len(t, srv.seen(), 1)
	})
}

func TestTransportFailures(t *testing.T) {
	closedAddr := func(t *testing.T) string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := l.Addr().String()
		require.NoError(t, l.Close())
		return "http://" + addr
	}
	t.Run("a refused connection is resent, then its error returned", func(t *testing.T) {
		sl := &sleeper{}
		c, _ := client(t, sl)
		_, err := c.Get(closedAddr(t))
		require.Error(t, err)
		assert.Equal(t, Backoff, RetryOf(err))
		assert.Equal(t, secs(3, 6, 12, 24, 48), sl.got())
	})
	t.Run("a POST whose connection was refused is resent: nothing reached the server",
		func(t *testing.T) {
			sl := &sleeper{}
			var events []RetryEvent
			c, _ := client(t, sl, func(tr *Transport) {
				tr.OnRetry = func(ev RetryEvent) { events = append(events, ev) }
			})
			_, err := c.Post(closedAddr(t), "application/json", strings.NewReader("{}"))
			require.Error(t, err)
			assert.Len(t, sl.got(), 5)
			require.Len(t, events, 6, "five resends and the give-up")
			assert.Equal(t, ReasonSchedule, events[0].Reason)
			assert.Equal(t, GiveUpRetriesSpent, events[5].Reason)
		})
	hangUp := func(t *testing.T, after int32) (*httptest.Server, *atomic.Int32) {
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) <= after {
				conn, _, err := http.NewResponseController(w).Hijack()
				if err == nil {
					_ = conn.Close()
				}
				return
			}
			w.WriteHeader(200)
		}))
		t.Cleanup(srv.Close)
		return srv, &n
	}
	t.Run("a GET the server hung up on is resent", func(t *testing.T) {
		srv, n := hangUp(t, 1)
		c, _ := client(t, &sleeper{})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 200, resp.StatusCode)
		assert.GreaterOrEqual(t, n.Load(), int32(2))
	})
	t.Run("a POST the server hung up on is not resent: it may have run", func(t *testing.T) {
		srv, n := hangUp(t, 100)
		sl := &sleeper{}
		c, _ := client(t, sl)
		_, err := c.Post(srv.URL, "application/json", strings.NewReader("{}"))
		require.Error(t, err)
		assert.Empty(t, sl.got())
		assert.Equal(t, int32(1), n.Load())
	})
	t.Run("a TLS verification failure is never resent", func(t *testing.T) {
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		srv.Config.ErrorLog = discardLog()
		srv.StartTLS()
		defer srv.Close()
		sl := &sleeper{}
		c, _ := client(t, sl)
		_, err := c.Get(srv.URL)
		require.Error(t, err)
		assert.Empty(t, sl.got())
	})
	t.Run("an attempt that runs out of AttemptTimeout is resent", func(t *testing.T) {
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				<-r.Context().Done() // hang until the client gives up on this attempt
				return
			}
			_, _ = io.WriteString(w, "second")
		}))
		defer srv.Close()
		c, _ := client(t, &sleeper{}, func(tr *Transport) { tr.AttemptTimeout = 50 * time.Millisecond })
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, "second", readAll(t, resp))
		assert.Equal(t, 2, Attempts(resp))
	})
}

func TestTransportRefresh(t *testing.T) {
	expired := reply{status: 401, body: `{"error":"invalid_token"}`,
		header: []string{"WWW-Authenticate", `Bearer error="invalid_token"`}}
	t.Run("a 401 is refreshed and resent once, even a POST", func(t *testing.T) {
		srv := newScripted(t, expired, ok200)
		var refreshed int
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.Refresh = func(r *http.Request, _ *Error) error {
				refreshed++
				r.Header.Set("Authorization", "Bearer new")
				return nil
			}
		})
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("pay"))
		req.Header.Set("Authorization", "Bearer old")
		resp, err := c.Do(req)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, 1, refreshed)
		assert.Equal(t, "Bearer old", req.Header.Get("Authorization"), "the caller's request is untouched")
		seen := srv.seen()
		require.Len(t, seen, 2)
		assert.Equal(t, "Bearer new", seen[1].header.Get("Authorization"))
		assert.Equal(t, "pay", seen[1].body)
		assert.Equal(t, 2, Attempts(resp))
	})
	t.Run("a second 401 is returned as it is", func(t *testing.T) {
		srv := newScripted(t, expired)
		var refreshed int
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.Refresh = func(*http.Request, *Error) error { refreshed++; return nil }
		})
		resp, err := c.Get(srv.URL)
		require.NoError(t, err)
		readAll(t, resp)
		assert.Equal(t, 401, resp.StatusCode)
		assert.Equal(t, 1, refreshed)
		assert.Len(t, srv.seen(), 2)
	})
	t.Run("a failing Refresh is the error returned", func(t *testing.T) {
		srv := newScripted(t, expired)
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.Refresh = func(*http.Request, *Error) error { return errors.New("token endpoint down") }
		})
		_, err := c.Get(srv.URL)
		require.ErrorContains(t, err, "token endpoint down")
		assert.Len(t, srv.seen(), 1)
	})
}

func TestTransportContext(t *testing.T) {
	t.Run("a context cancelled mid-wait ends the wait at once", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		ctx, cancel := context.WithCancel(context.Background())
		base := &http.Transport{}
		defer base.CloseIdleConnections()
		c := &http.Client{Transport: &Transport{Base: base, // real timer: a one-hour wait
			Policy:  Policy{Base: time.Hour, Factor: 2, MaxRetries: 5, MaxWait: 2 * time.Hour},
			OnRetry: func(RetryEvent) { go cancel() }}}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
		start := time.Now()
		_, err := c.Do(req)
		require.ErrorIs(t, err, context.Canceled)
		assert.Less(t, time.Since(start), 5*time.Second, "not the hour")
		assert.Len(t, srv.seen(), 1)
	})
	t.Run("a context already done sends nothing more", func(t *testing.T) {
		srv := newScripted(t, unavailable)
		ctx, cancel := context.WithCancel(context.Background())
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.OnRetry = func(RetryEvent) { cancel() }
		})
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
		_, err := c.Do(req)
		require.ErrorIs(t, err, context.Canceled)
		assert.Len(t, srv.seen(), 1)
	})
}

func TestTransportEvents(t *testing.T) {
	srv := newScripted(t, reply{status: 429, body: `{"code":"TOO_MANY_SESSIONS"}`,
		header: []string{"Retry-After", "10"}}, unavailable, ok200)
	var logs bytes.Buffer
	var events []RetryEvent
	log := LogRetries(slog.New(slog.NewTextHandler(&logs, nil)))
	c, _ := client(t, &sleeper{}, func(tr *Transport) {
		tr.OnRetry = func(ev RetryEvent) { events = append(events, ev); log(ev) }
	})
	resp, err := c.Get(srv.URL + "/consents?token=secret")
	require.NoError(t, err)
	readAll(t, resp)
	require.Len(t, events, 2)
	assert.Equal(t, 1, events[0].Attempt)
	assert.Equal(t, 429, events[0].Status)
	assert.Equal(t, TooManySessions, events[0].Code)
	assert.Equal(t, Backoff, events[0].Retry)
	assert.Equal(t, 10*time.Second, events[0].Wait)
	assert.Equal(t, ReasonRetryAfter, events[0].Reason)
	assert.Equal(t, 2, events[1].Attempt)
	assert.Equal(t, 6*time.Second, events[1].Wait)
	assert.Equal(t, ReasonSchedule, events[1].Reason)
	assert.Contains(t, logs.String(), "code=TOO_MANY_SESSIONS")
	assert.Contains(t, logs.String(), "/consents")
	assert.NotContains(t, logs.String(), "secret", "query strings stay out of logs")
}

// TestTransportAtScale shares one Transport among 200 goroutines sending
// 10 000 requests to a server that fails every third with 503: every request
// ends, none is sent more often than the policy allows, no goroutine is left
// behind and the heap does not grow with the number of requests.
func TestTransportAtScale(t *testing.T) {
	const goroutines, perGoroutine = 200, 50
	var hits [goroutines * perGoroutine]atomic.Int32 // per request id, allocated up front
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.URL.Query().Get("id"))
		if err == nil && id >= 0 {
			hits[id].Add(1)
		}
		if n.Add(1)%3 == 0 {
			w.WriteHeader(503)
			_, _ = io.WriteString(w, `{"code":"ERRO_INTERNO"}`)
			return
		}
		_, _ = io.WriteString(w, r.URL.Query().Get("id"))
	}))
	defer srv.Close()

	base := &http.Transport{MaxIdleConnsPerHost: goroutines}
	var giveUps [GiveUpRefreshFailed + 1]atomic.Int32
	c := &http.Client{Transport: &Transport{Base: base,
		Sleep: func(context.Context, time.Duration) error { return nil },
		OnRetry: func(ev RetryEvent) {
			if ev.Reason.GiveUp() {
				giveUps[ev.Reason].Add(1)
			}
		}}}
	send := func(id int) {
		resp, err := c.Get(srv.URL + "/?id=" + strconv.Itoa(id))
		if !assert.NoError(t, err) {
			return
		}
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode == 200 {
			assert.Equal(t, strconv.Itoa(id), string(body))
		} else {
			assert.LessOrEqual(t, Attempts(resp), 6, "a 503 is returned when retries or budget end")
		}
	}
	all := func(perGoroutine int, id func(g, i int) int) {
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for i := range perGoroutine {
					send(id(g, i))
				}
			})
		}
		wg.Wait()
	}

	goroutinesBefore := runtime.NumGoroutine()
	// A warm-up fills the connection pool and the buffer pools, which are
	// not a leak; the heap is then measured around the 10 000 requests.
	all(10, func(int, int) int { return -1 })
	n.Store(0)
	heapBefore := heapAlloc()
	all(perGoroutine, func(g, i int) int { return g*perGoroutine + i })
	heapAfter := heapAlloc()

	for id := range hits {
		require.NotZero(t, hits[id].Load(), "request %d reached the server", id)
		require.LessOrEqual(t, hits[id].Load(), int32(1+DefaultPolicy.MaxRetries),
			"request %d sent beyond the policy", id)
	}
	t.Logf("%d requests in %d attempts; %d gave up on the budget, %d with retries spent; "+
		"heap %d KiB before, %d KiB after", len(hits), n.Load(), giveUps[GiveUpBudget].Load(),
		giveUps[GiveUpRetriesSpent].Load(), heapBefore>>10, heapAfter>>10)
	assert.NotZero(t, giveUps[GiveUpBudget].Load(), "at this rate the budget is what stops resends")
	assert.Less(t, int64(heapAfter)-int64(heapBefore), int64(1<<20), "memory stays flat")

	base.CloseIdleConnections()
	srv.Close()
	assert.Eventually(t, func() bool { return runtime.NumGoroutine() <= goroutinesBefore+2 },
		5*time.Second, 10*time.Millisecond, "no goroutine left behind")
}

func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }

// roundTripFunc is a Base that answers from a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestTransportBaseContract(t *testing.T) {
	t.Run("a TLS verification failure is not resent under AttemptTimeout either", func(t *testing.T) {
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		srv.Config.ErrorLog = discardLog()
		srv.StartTLS()
		defer srv.Close()
		sl := &sleeper{}
		c, _ := client(t, sl, func(tr *Transport) { tr.AttemptTimeout = 5 * time.Second })
		_, err := c.Get(srv.URL)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), "attempt timed out")
		assert.Empty(t, sl.got())
	})
	t.Run("a Base returning neither response nor error is an error, not a panic", func(t *testing.T) {
		tr := &Transport{Base: roundTripFunc(func(*http.Request) (*http.Response, error) {
			return nil, nil
		})}
		req := httptest.NewRequest(http.MethodGet, "http://example.test/", nil)
		resp, err := tr.RoundTrip(req)
		assert.Nil(t, resp)
		assert.ErrorContains(t, err, "neither a response nor an error")
	})
	t.Run("a Base returning both has its response closed", func(t *testing.T) {
		body := &trackedBody{r: strings.NewReader("x")}
		tr := &Transport{Base: roundTripFunc(func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Body: body}, errors.New("odd base")
		}), Sleep: (&sleeper{}).Sleep}
		req := httptest.NewRequest(http.MethodPost, "http://example.test/", nil)
		resp, err := tr.RoundTrip(req)
		assert.Nil(t, resp)
		assert.ErrorContains(t, err, "odd base")
		assert.True(t, body.closed)
	})
	t.Run("an empty body under AttemptTimeout stays http.NoBody", func(t *testing.T) {
		tr := &Transport{AttemptTimeout: time.Second,
			Base: roundTripFunc(func(*http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: 204, Body: http.NoBody}, nil
			})}
		resp, err := tr.RoundTrip(httptest.NewRequest(http.MethodGet, "http://example.test/", nil))
		require.NoError(t, err)
		assert.Equal(t, http.NoBody, resp.Body)
	})
}
