package apierr

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var soak = flag.Duration("soak", 0, "run TestSoak for this long (e.g. -soak 30s); 0 skips it")

// soakServer is an API that fails in every documented way, by request id:
// 200, 503, 429 with Retry-After, 401 with and without a challenge, an
// upstream's 401 handed back (written as ERRO_INTERNO), a body that stalls
// past the peek's grace, and a connection reset after reading the request.
// It counts, per id, the attempts that executed.
type soakServer struct {
	mu       sync.Mutex
	executed map[string]int
	requests atomic.Int64
}

func (s *soakServer) handler() http.Handler {
	upstream := func() error {
		resp, _ := response(401, `{"error":"invalid_token","error_description":"ledger db down"}`,
			"WWW-Authenticate", `Bearer realm="internal", error="invalid_token"`)
		return fmt.Errorf("ledger: %w", FromResponse(resp))
	}
	return quietWriter.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		s.requests.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		id := r.URL.Query().Get("id")
		attempt := r.Header.Get("Authorization") // "Bearer renewed" after a refresh
		kind := soakKind(id)
		if kind == 4 && attempt == "Bearer renewed" {
			kind = 0 // the renewed token works
		}
		if kind != 4 && kind != 5 {
			s.mu.Lock()
			s.executed[id]++
			s.mu.Unlock()
		}
		switch kind {
		case 0:
			_, _ = io.WriteString(w, `{"ok":true}`)
			return nil
		case 1:
			return New(ErroInterno)
		case 2:
			return New(TooManySessions).WithRetryAfter(time.Second)
		case 3:
			return upstream()
		case 4:
			return New(InvalidToken)
		case 5:
			return Unauthenticated()
		case 6:
			w.WriteHeader(503)
			_, _ = io.WriteString(w, `{"code":"ERRO_INTERNO",`)
			w.(http.Flusher).Flush()
			time.Sleep(2 * peekGrace) // a body that stalls past the peek's grace
			_, _ = io.WriteString(w, `"title":"Erro interno"}`)
			return nil
		default:
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				_ = conn.Close() // a reset after the request was read
			}
			return nil
		}
	})
}

// soakKind picks a request's answer from its id: most succeed.
func soakKind(id string) int {
	h := fnv.New32a()
	_, _ = io.WriteString(h, id)
	switch v := h.Sum32() % 100; {
	case v < 55:
		return 0
	case v < 95:
		return 1 + int(v-55)/6 // 1..6
	default:
		return 7
	}
}

func TestSoak(t *testing.T) {
	if *soak == 0 {
		t.Skip("run with -soak 30s")
	}
	s := &soakServer{executed: map[string]int{}}
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	base := &http.Transport{MaxIdleConnsPerHost: 64}
	tr := &Transport{Base: base, IdempotencyKeys: false,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
		Refresh: func(r *http.Request, e *Error) error {
			r.Header.Set("Authorization", "Bearer renewed")
			return nil
		}}
	client := &http.Client{Transport: tr}
	var sent, keyless, duplicates atomic.Int64
	run := func(until time.Time, prefix string) {
		var wg sync.WaitGroup
		for g := range 32 {
			wg.Go(func() {
				for i := 0; time.Now().Before(until); i++ {
					id := fmt.Sprintf("%s-%d-%d", prefix, g, i)
					method := []string{"GET", "POST", "POST", "PATCH"}[i%4]
					req, _ := http.NewRequest(method, srv.URL+"/pay?id="+id,
						strings.NewReader(`{"amount":1}`))
					isKeyless := method != "GET" && i%8 >= 4
					if isKeyless {
						keyless.Add(1)
					} else if method != "GET" {
						req.Header.Set("Idempotency-Key", id)
					}
					sent.Add(1)
					resp, err := client.Do(req)
					if err == nil {
						_, _ = io.Copy(io.Discard, resp.Body)
						_ = resp.Body.Close()
					}
					if s.done(id) > 1 && isKeyless {
						duplicates.Add(1)
					}
				}
			})
		}
		wg.Wait()
	}
	goroutines := runtime.NumGoroutine()
	run(time.Now().Add(*soak/10), "warm")
	heapBefore := heapAlloc()
	run(time.Now().Add(*soak), "soak")
	heapAfter := heapAlloc()

	t.Logf("%d requests (%d keyless POST/PATCH), %d reached the server; %d executed twice; "+
		"heap %d KiB before, %d KiB after", sent.Load(), keyless.Load(), s.requests.Load(),
		duplicates.Load(), heapBefore>>10, heapAfter>>10)
	assert.Zero(t, duplicates.Load(), "no keyless POST or PATCH executed twice")
	assert.Less(t, int64(heapAfter)-int64(heapBefore), int64(4<<20), "the heap stays flat")
	base.CloseIdleConnections()
	srv.Close()
	require.Eventually(t, func() bool { return runtime.NumGoroutine() <= goroutines+2 },
		5*time.Second, 10*time.Millisecond, "no goroutine left behind")
}

// done forgets request id and returns how many of its attempts executed,
// so that the server's memory follows the requests in flight.
func (s *soakServer) done(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.executed[id]
	delete(s.executed, id)
	return n
}
