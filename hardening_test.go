package apierr

// The regressions of the attack review: each test here failed on the main
// of the first wave and names the finding it holds fixed.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Finding 1: a POST ran twice after a Reauthenticate outcome that was not
// a 401.
func TestRefreshResendsAPOSTOnlyAfterA401(t *testing.T) {
	invalidTokenChallenge := []string{"WWW-Authenticate",
		`Bearer realm="ledger", error="invalid_token", scope="payments", service="pix"`}
	for _, tc := range []struct {
		name     string
		first    reply
		resent   bool
		giveUp   Reason
		idemWays bool // would a GET be refreshed and resent?
	}{
		{"a 500 whose code is TOKEN_NAO_AUTORIZADO",
			reply{500, `{"code":"TOKEN_NAO_AUTORIZADO"}`, nil}, false, GiveUpNotIdempotent, true},
		{"a 409 whose code is TOKEN_NAO_AUTORIZADO",
			reply{409, `{"code":"TOKEN_NAO_AUTORIZADO"}`, nil}, false, GiveUpNotIdempotent, true},
		{"a 403 whose error is invalid_token",
			reply{403, `{"error":"invalid_token"}`, nil}, false, GiveUpNotIdempotent, true},
		{"a 502 with a Bearer invalid_token challenge",
			reply{502, "", invalidTokenChallenge}, false, GiveUpNotIdempotent, true},
		{"a 401 with a Bearer invalid_token challenge",
			reply{401, "", invalidTokenChallenge}, true, 0, true},
		{"a 401 with a bare challenge",
			reply{401, "", []string{"WWW-Authenticate", `Bearer realm="ledger"`}}, true, 0, true},
	} {
		t.Run(tc.name+": a POST without a key is sent "+map[bool]string{true: "twice, after a refresh",
			false: "once"}[tc.resent], func(t *testing.T) {
			srv := newScripted(t, tc.first, ok200)
			var refreshed []*Error
			var events []RetryEvent
			c, _ := client(t, &sleeper{}, func(tr *Transport) {
				tr.Refresh = func(r *http.Request, e *Error) error {
					refreshed = append(refreshed, e)
					r.Header.Set("Authorization", "Bearer new")
					return nil
				}
				tr.OnRetry = func(ev RetryEvent) { events = append(events, ev) }
			})
			resp, err := c.Post(srv.URL, "application/json", strings.NewReader(`{"amount":100}`))
			require.NoError(t, err)
			readAll(t, resp)
			if !tc.resent {
				assert.Len(t, srv.seen(), 1, "the server executed the POST once")
				assert.Empty(t, refreshed)
				require.NotEmpty(t, events)
				assert.Equal(t, tc.giveUp, events[len(events)-1].Reason)
				return
			}
			require.Len(t, srv.seen(), 2)
			assert.Equal(t, "Bearer new", srv.seen()[1].header.Get("Authorization"))
			assert.Equal(t, `{"amount":100}`, srv.seen()[1].body, "the body replayed byte for byte")
			require.Len(t, refreshed, 1)
			require.NotNil(t, refreshed[0].Challenge, "Refresh gets the challenge")
			assert.Equal(t, "ledger", refreshed[0].Challenge.Params["realm"])
			assert.Equal(t, ReasonRefresh, events[0].Reason)
		})
		if tc.idemWays && !tc.resent {
			t.Run(tc.name+": a GET may be refreshed and resent", func(t *testing.T) {
				srv := newScripted(t, tc.first, ok200)
				c, _ := client(t, &sleeper{}, func(tr *Transport) {
					tr.Refresh = func(*http.Request, *Error) error { return nil }
				})
				resp, err := c.Get(srv.URL)
				require.NoError(t, err)
				readAll(t, resp)
				assert.Len(t, srv.seen(), 2)
			})
		}
	}
	t.Run("a challenge's realm, scope and service reach Refresh for a token flow",
		func(t *testing.T) {
			srv := newScripted(t, reply{401, `{"errors":[{"code":"UNAUTHORIZED"}]}`,
				[]string{"WWW-Authenticate", `Bearer realm="https://auth/token",` +
					`service="registry",scope="repository:foo:pull",error="invalid_token"`}}, ok200)
			var got Challenge
			c, _ := client(t, &sleeper{}, func(tr *Transport) {
				tr.Refresh = func(_ *http.Request, e *Error) error { got = *e.Challenge; return nil }
			})
			resp, err := c.Get(srv.URL)
			require.NoError(t, err)
			readAll(t, resp)
			assert.Equal(t, map[string]string{"realm": "https://auth/token", "service": "registry",
				"scope": "repository:foo:pull", "error": "invalid_token"}, got.Params)
		})
	t.Run("a failing Refresh ends the exchange with its error", func(t *testing.T) {
		srv := newScripted(t, reply{401, "", []string{"WWW-Authenticate", `Bearer realm="x"`}})
		var last RetryEvent
		c, _ := client(t, &sleeper{}, func(tr *Transport) {
			tr.Refresh = func(*http.Request, *Error) error { return errors.New("token endpoint down") }
			tr.OnRetry = func(ev RetryEvent) { last = ev }
		})
		_, err := c.Get(srv.URL)
		require.ErrorContains(t, err, "token endpoint down")
		assert.Len(t, srv.seen(), 1)
		assert.Equal(t, GiveUpRefreshFailed, last.Reason)
	})
}

// Finding 2: a panic after the response started looked like a complete
// response, over HTTP/1.1 and HTTP/2.
func TestPanicAfterStartAbortsTheResponse(t *testing.T) {
	handler := quietWriter.Recover(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"data":[1,2,`)
		w.(http.Flusher).Flush()
		panic("ledger lost its connection")
	}))
	for _, proto := range []string{"HTTP/1.1", "HTTP/2"} {
		t.Run("over "+proto+" the client sees a broken response", func(t *testing.T) {
			srv := httptest.NewUnstartedServer(handler)
			srv.Config.ErrorLog = discardLog()
			if proto == "HTTP/2" {
				srv.EnableHTTP2 = true
				srv.StartTLS()
			} else {
				srv.Start()
			}
			defer srv.Close()
			resp, err := srv.Client().Get(srv.URL)
			if err != nil {
				return // broken before the headers: as good
			}
			defer resp.Body.Close()
			_, err = io.ReadAll(resp.Body)
			assert.Error(t, err, "a truncated body must not read as complete")
		})
	}
	t.Run("a panic after a hijack writes nothing on the connection", func(t *testing.T) {
		hijacked := make(chan []byte, 1)
		srv := httptest.NewServer(quietWriter.Recover(http.HandlerFunc(
			func(w http.ResponseWriter, r *http.Request) {
				conn, rw, err := w.(http.Hijacker).Hijack()
				require.NoError(t, err)
				_, _ = rw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\nhello")
				_ = rw.Flush()
				defer func() {
					_ = conn.Close()
				}()
				panic("websocket handler failed")
			})))
		defer srv.Close()
		go func() {
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				hijacked <- nil
				return
			}
			defer conn.Close()
			_, _ = io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
			b, _ := io.ReadAll(conn)
			hijacked <- b
		}()
		got := <-hijacked
		assert.Equal(t, "HTTP/1.1 101 Switching Protocols\r\n\r\nhello", string(got),
			"no error body after what the handler wrote")
	})
	t.Run("an error returned after the response started is not spliced in", func(t *testing.T) {
		srv := httptest.NewServer(quietWriter.HandlerFunc(
			func(w http.ResponseWriter, r *http.Request) error {
				w.Header().Set("Content-Type", "text/csv")
				_, _ = io.WriteString(w, "a,b\n")
				return New(ErroInterno)
			}))
		defer srv.Close()
		resp, err := http.Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, 200, resp.StatusCode)
		body := readAll(t, resp)
		assert.Equal(t, "a,b\n", body)
		assert.NotContains(t, body, "ERRO_INTERNO")
	})
}

// Finding 3: another server's error was written as ours.
func TestAnotherServersErrorIsNotOurs(t *testing.T) {
	upstream, _ := response(401, `{"error":"invalid_token","error_description":"db at `+
		`postgres://ledger:hunter2@10.0.0.9/ledger down","error_details":{"host":"10.0.0.9"}}`,
		"WWW-Authenticate", `Bearer realm="internal-ledger", error="invalid_token"`)
	received := FromResponse(upstream)
	require.Error(t, received)
	for _, tc := range []struct {
		name, logged string
		err          error
	}{
		{"returned as it is", "hunter2", received},
		{"wrapped with %w", "hunter2", fmt.Errorf("ledger: %w", received)},
		{"changed with WithDetail", "still theirs", received.(*Error).WithDetail("still theirs")},
	} {
		t.Run(tc.name+", it is written as ERRO_INTERNO and logged", func(t *testing.T) {
			var logs bytes.Buffer
			rec := httptest.NewRecorder()
			Writer{Logger: slog.New(slog.NewTextHandler(&logs, nil))}.
				Write(rec, newRequest("POST", ""), tc.err)
			wire := dumpResponse(rec)
			assert.Equal(t, 500, rec.Code)
			assert.Contains(t, rec.Body.String(), `"ERRO_INTERNO"`)
			assert.Empty(t, rec.Header().Values("Www-Authenticate"), "our client must not renew")
			for _, leak := range []string{"hunter2", "10.0.0.9", "internal-ledger", "invalid_token",
				"still theirs"} {
				assert.NotContains(t, wire, leak)
			}
			assert.Contains(t, logs.String(), "another server's error")
			assert.Contains(t, logs.String(), tc.logged, "the received error belongs in the logs")
		})
	}
	t.Run("wrapped in an *Error of the handler's own, it is reported as that", func(t *testing.T) {
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, newRequest("GET", ""), Wrap(ErroChamadaAPI, received))
		assert.Equal(t, 400, rec.Code)
		assert.Contains(t, rec.Body.String(), `"ERRO_CHAMADA_API"`)
		assert.NotContains(t, dumpResponse(rec), "hunter2")
	})
}

// Finding 4: WWW-Authenticate cost about 100 times its size, on every
// attempt. Classifying keeps only the first Bearer challenge.
func TestHugeChallengeCostsWhatIsKept(t *testing.T) {
	for _, unit := range []string{"Basic, ", "Newauth realm=\"x\", ", "DPoP algs=\"ES256\", "} {
		header := strings.Repeat(unit, (4<<20)/len(unit)) + `Bearer realm="r", error="invalid_token"`
		resp := func() *http.Response {
			r, _ := response(401, "", "WWW-Authenticate", header)
			return r
		}
		var e *Error
		allocated := bytesAllocated(func() { e = classified(t, resp()) })
		t.Logf("%q × %d: %d KiB allocated for a %d KiB header", unit, len(header)/len(unit),
			allocated>>10, len(header)>>10)
		assert.Less(t, allocated, uint64(64<<10), "memory follows what is kept, not the header")
		require.NotNil(t, e.Challenge, "the Bearer challenge at the end is still found")
		assert.Equal(t, Reauthenticate, e.Retry)
	}
}

// heapAlloc is the live heap after a collection: what a leak would grow.
func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// bytesAllocated is how many bytes f allocates on the heap.
func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// stallingBody sends a prefix, then stalls: its next Read says it began
// (the peek has counted the prefix by then) and waits until the test
// releases the rest, or the body is closed.
type stallingBody struct {
	prefix  string
	stalled chan struct{} // closed when the read after the prefix begins
	rest    chan string
	closed  chan struct{}
	reads   int
}

func newStallingBody(prefix string) *stallingBody {
	return &stallingBody{prefix: prefix, stalled: make(chan struct{}),
		rest: make(chan string, 1), closed: make(chan struct{})}
}

func (b *stallingBody) Read(p []byte) (int, error) {
	b.reads++
	switch b.reads {
	case 1:
		return copy(p, b.prefix), nil
	case 2:
		close(b.stalled)
		select {
		case rest := <-b.rest:
			return copy(p, rest), nil
		case <-b.closed:
			return 0, errors.New("read on closed body")
		}
	}
	return 0, io.EOF
}

func (b *stallingBody) Close() error {
	select {
	case <-b.closed:
	default:
		close(b.closed)
	}
	return nil
}

// stallingBase answers every request with a 503 whose body stalls.
type stallingBase struct {
	bodies []*stallingBody
}

func (s *stallingBase) RoundTrip(req *http.Request) (*http.Response, error) {
	body := newStallingBody(`{"code":"ERRO_INTERNO","detail":"par`)
	s.bodies = append(s.bodies, body)
	return &http.Response{StatusCode: 503, Header: http.Header{}, Body: body,
		ContentLength: -1, Request: req}, nil
}

// graceAfterStall ends a peek's wait as soon as the newest body stalls.
func (s *stallingBase) graceAfterStall(time.Duration) (<-chan time.Time, func() bool) {
	c := make(chan time.Time, 1)
	<-s.bodies[len(s.bodies)-1].stalled
	c <- time.Time{}
	return c, func() bool { return true }
}

// Finding 5: a stalled error body held RoundTrip until the context ended.
func TestStalledBodyDoesNotHold(t *testing.T) {
	t.Run("RoundTrip returns after the grace period, classified on what arrived, "+
		"and the caller reads every byte", func(t *testing.T) {
		base := &stallingBase{}
		var last RetryEvent
		tr := &Transport{Base: base, grace: base.graceAfterStall, Policy: Policy{MaxRetries: -1},
			OnRetry: func(ev RetryEvent) { last = ev }}
		req, _ := http.NewRequest("GET", "http://api.test/", nil)
		resp, err := tr.RoundTrip(req)
		require.NoError(t, err)
		assert.Equal(t, ErroInterno, last.Code, "classified on the prefix")
		base.bodies[0].rest <- `tial"}`
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, `{"code":"ERRO_INTERNO","detail":"partial"}`, string(body))
		require.NoError(t, resp.Body.Close())
	})
	t.Run("a stalled response that is resent is closed, not waited for", func(t *testing.T) {
		base := &stallingBase{}
		tr := &Transport{Base: base, grace: base.graceAfterStall, Policy: Policy{MaxRetries: 2},
			Sleep: (&sleeper{}).Sleep}
		req, _ := http.NewRequest("GET", "http://api.test/", nil)
		resp, err := tr.RoundTrip(req)
		require.NoError(t, err)
		require.Len(t, base.bodies, 3)
		for _, b := range base.bodies[:2] {
			select {
			case <-b.closed:
			default:
				t.Error("a discarded body was left open")
			}
		}
		_ = resp.Body.Close()
	})
	t.Run("over the wire, headers then a stall", func(t *testing.T) {
		release := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(503)
			_, _ = io.WriteString(w, `{"code":"ERRO_INTERNO"`)
			w.(http.Flusher).Flush()
			<-release
			_, _ = io.WriteString(w, `}`)
		}))
		defer srv.Close()
		defer close(release)
		fire := func(time.Duration) (<-chan time.Time, func() bool) {
			c := make(chan time.Time, 1)
			c <- time.Time{}
			return c, func() bool { return true }
		}
		tr := &Transport{grace: fire, Policy: Policy{MaxRetries: -1}}
		resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, 503, resp.StatusCode)
		_ = resp.Body.Close()
	})
}

// Finding 6: with MaxWait unset the server decided the sleep.
func TestUnsetMaxWaitIsTheDocumented48s(t *testing.T) {
	srv := newScripted(t, reply{503, "", []string{"Retry-After", "99999999999"}})
	sl := &sleeper{}
	var last RetryEvent
	c, _ := client(t, sl, func(tr *Transport) {
		tr.Policy = Policy{Base: time.Second, Factor: 2, MaxRetries: 3}
		tr.OnRetry = func(ev RetryEvent) { last = ev }
	})
	resp, err := c.Get(srv.URL)
	require.NoError(t, err)
	readAll(t, resp)
	assert.Empty(t, sl.got(), "no wait of 876 000 hours")
	assert.Len(t, srv.seen(), 1)
	assert.Equal(t, GiveUpRetryAfterTooLong, last.Reason)
}

// Finding 7: problem+json extension members shadowed standard ones for
// readers that ignore case.
func TestProblemMembersCannotShadow(t *testing.T) {
	rec := httptest.NewRecorder()
	e := (&Error{Status: 422, Code: "VALOR_INVALIDO", Title: "Valor inválido", Detail: "d",
		Format: FormatCodeTitleDetail}).WithDetails(map[string]any{
		"CODE": "ERRO_INTERNO", "Status": 503, "Type": "x", "TITLE": "t", "Detail": "y",
		"Instance": "/i", "field": "amount"})
	quietWriter.Write(rec, newRequest("POST", "application/problem+json"), e)
	var members map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &members))
	assert.Equal(t, map[string]any{"type": "about:blank", "title": "Unprocessable Entity",
		"status": 422.0, "detail": "d", "code": "VALOR_INVALIDO", "field": "amount"}, members)
	back := classified(t, rec.Result())
	assert.Equal(t, Code("VALOR_INVALIDO"), back.Code)
	assert.Equal(t, NoRetry, back.Retry, "a 422 reads back as not resendable")
}

// Finding 8: error responses kept the success path's caching headers.
func TestErrorDropsCachingHeaders(t *testing.T) {
	for _, code := range []Code{ErroInterno, InvalidRequest, NotSupportedException} {
		rec := httptest.NewRecorder()
		h := rec.Header()
		h.Set("Cache-Control", "public, max-age=3600")
		h.Set("Expires", "Wed, 02 Dec 2026 10:00:00 GMT")
		h.Set("ETag", `"v1"`)
		h.Set("Last-Modified", "Tue, 01 Dec 2026 09:00:00 GMT")
		h.Set("Content-Disposition", `attachment; filename="report.csv"`)
		quietWriter.Write(rec, newRequest("GET", ""), New(code))
		got := rec.Result().Header
		for _, name := range []string{"Expires", "Etag", "Last-Modified", "Content-Disposition"} {
			assert.Empty(t, got.Values(name), "%s: %s", code, name)
		}
		entry, _ := Lookup(code)
		if entry.Format == FormatCodeTitleDetail {
			assert.Empty(t, got.Values("Cache-Control"), code)
		} else {
			assert.Equal(t, []string{"no-store"}, got.Values("Cache-Control"), code)
		}
	}
}

// Finding 10: Error() passed a server's CR, LF and ESC through.
func TestErrorStringQuotesControls(t *testing.T) {
	resp, _ := response(400, `{"code":"X\r\nY","title":"t","detail":"a\r\nlevel=ERROR msg=forged`+
		`\u001b]52;c;aGk=\u0007"}`)
	msg := classified(t, resp).Error()
	assert.NotContains(t, msg, "\r")
	assert.NotContains(t, msg, "\n")
	assert.NotContains(t, msg, "\x1b")
	assert.Equal(t, `apierr: 400 X\r\nY: a\r\nlevel=ERROR msg=forged\x1b]52;c;aGk=\a`, msg)
}

// noInterfaces is a ResponseWriter with none of the optional interfaces.
type noInterfaces struct{ h http.Header }

func (n *noInterfaces) Header() http.Header         { return n.h }
func (n *noInterfaces) Write(b []byte) (int, error) { return len(b), nil }
func (n *noInterfaces) WriteHeader(int)             {}

// Finding 11: behind Recover the writer lost http.Flusher and http.Hijacker.
func TestWrappedWriterKeepsItsInterfaces(t *testing.T) {
	srv := httptest.NewServer(Recover(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, flusher := w.(http.Flusher)
		_, hijacker := w.(http.Hijacker)
		deadline := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Minute))
		fmt.Fprintf(w, "flusher=%v hijacker=%v deadline=%v", flusher, hijacker, deadline == nil)
	})))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	require.NoError(t, err)
	assert.Equal(t, "flusher=true hijacker=true deadline=true", readAll(t, resp))

	var flusher, hijacker bool
	HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		_, flusher = w.(http.Flusher)
		_, hijacker = w.(http.Hijacker)
		return nil
	}).ServeHTTP(&noInterfaces{h: http.Header{}}, newRequest("GET", ""))
	assert.False(t, flusher, "no claim to flush what cannot be flushed")
	assert.False(t, hijacker)
}

// Finding 12: invalid UTF-8 in Details went onto the wire.
func TestDetailsAreRepairedToUTF8(t *testing.T) {
	for _, accept := range []string{"", "application/problem+json"} {
		rec := httptest.NewRecorder()
		e := New(InvalidAttributeValueException)
		e.Details = json.RawMessage("{\"attribute\":\"ma\xffil\",\"list\":[\"\xfe\"]}")
		quietWriter.Write(rec, newRequest("POST", accept), e)
		body := rec.Body.Bytes()
		assert.True(t, utf8.Valid(body), "%q", body)
		assert.True(t, json.Valid(body), "%q", body)
		assert.Contains(t, string(body), "ma\uFFFDil")
	}
}

// Finding 13: a panic with a wrapped *Error was logged without its cause.
func TestPanicLogsTheWrappedCause(t *testing.T) {
	var logs bytes.Buffer
	wr := Writer{Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	rec := httptest.NewRecorder()
	wr.Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(fmt.Errorf("settle: %w", Wrap(ErroInterno, errors.New("ledger: deadlock detected"))))
	})).ServeHTTP(rec, newRequest("POST", ""))
	assert.Equal(t, 500, rec.Code)
	assert.Contains(t, logs.String(), "ledger: deadlock detected")
	assert.NotContains(t, rec.Body.String(), "deadlock")
}

// Finding 14: only the first Accept line was read.
func TestEveryAcceptLineIsRead(t *testing.T) {
	req := newRequest("GET", "")
	req.Header.Add("Accept", "application/json;q=0.1")
	req.Header.Add("Accept", "application/problem+json")
	rec := httptest.NewRecorder()
	quietWriter.Write(rec, req, New(ConsentimentoInvalido))
	assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))
}

// Finding 15: five catalog 401 codes went out with no WWW-Authenticate.
func TestEvery401CarriesAChallenge(t *testing.T) {
	n := 0
	for entry := range Entries() {
		if entry.Status != 401 {
			continue
		}
		n++
		for _, accept := range []string{"", "application/problem+json"} {
			rec := httptest.NewRecorder()
			quietWriter.Write(rec, newRequest("GET", accept), New(entry.Code))
			values := rec.Header().Values("Www-Authenticate")
			require.Len(t, values, 1, "%s (%q)", entry.Code, accept)
			cs, err := ParseChallenges(values...)
			require.NoError(t, err, values[0])
			require.Len(t, cs, 1)
			assert.Equal(t, DefaultRealm, cs[0].Params["realm"], entry.Code)
		}
	}
	assert.GreaterOrEqual(t, n, 6, "the documented 401s")
}

// A token endpoint writes invalid_request as an OAuth body, no challenge.
func TestWithFormatForTokenEndpoints(t *testing.T) {
	rec := httptest.NewRecorder()
	quietWriter.Write(rec, newRequest("POST", ""), New(InvalidRequest).WithFormat(FormatOAuth))
	assert.Equal(t, 400, rec.Code)
	assert.Empty(t, rec.Header().Values("Www-Authenticate"))
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
	keyOrder(t, rec.Body.Bytes(), "error", "error_description")
	assert.Equal(t, FormatBearer, New(InvalidRequest).Format, "WithFormat made a copy")
}

// The invalid_client challenge names the scheme the client used.
func TestInvalidClientAnswersWithTheClientsScheme(t *testing.T) {
	for auth, scheme := range map[string]string{"": "Basic", "Basic Zm9vOmJhcg==": "Basic",
		"DPoP eyJ": "DPoP", "Bearer x": "Bearer"} {
		req := newRequest("POST", "")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		quietWriter.Write(rec, req, &Error{Status: 401, Code: "invalid_client",
			Title: "Unauthorized", Format: FormatOAuth})
		cs, err := ParseChallenges(rec.Header().Values("Www-Authenticate")...)
		require.NoError(t, err)
		require.Len(t, cs, 1)
		assert.Equal(t, scheme, cs[0].Scheme, "Authorization %q", auth)
	}
}

// A context that ends mid-peek ends the peek at once.
func TestPeekStopsWithTheAttempt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		pr, _ := io.Pipe() // a body that never sends a byte
		cancel()
		return &http.Response{StatusCode: 503, Header: http.Header{}, Body: pr, Request: req,
			ContentLength: -1}, nil
	})
	never := func(time.Duration) (<-chan time.Time, func() bool) { return nil, func() bool { return true } }
	tr := &Transport{Base: base, grace: never}
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://api.test/", nil)
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := tr.RoundTrip(req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		require.NoError(t, r.err, "the last response, as when any exchange gives up")
		require.NotNil(t, r.resp)
		_ = r.resp.Body.Close()
	case <-time.After(10 * time.Second): // a bound on a failure, not a wait: it returns at once
		t.Fatal("RoundTrip is still held by a body that never arrives")
	}
}

// A dial that times out (a blackholed host) is resent, even a POST: the
// connection was never made. Found by the second read.
func TestDialTimeoutIsResent(t *testing.T) {
	dials := 0
	base := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials++
		d := net.Dialer{Timeout: time.Nanosecond} // times out at once, as a blackhole does after 30 s
		return d.DialContext(ctx, network, "192.0.2.1:443")
	}}
	defer base.CloseIdleConnections()
	sl := &sleeper{}
	tr := &Transport{Base: base, Sleep: sl.Sleep, Now: sl.Now}
	req, _ := http.NewRequest("POST", "http://api.test/pay", strings.NewReader("{}"))
	_, err := tr.RoundTrip(req)
	require.Error(t, err)
	assert.Equal(t, Backoff, RetryOf(err), "%v", err)
	assert.Equal(t, 6, dials)
	assert.Equal(t, secs(3, 6, 12, 24, 48), sl.got())
}

// Under AttemptTimeout a 101's body stays writable: an upgraded connection.
func TestSwitchingProtocolsBodyStaysWritable(t *testing.T) {
	type rwc struct {
		io.Reader
		io.Writer
		io.Closer
	}
	var wrote bytes.Buffer
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 101, Header: http.Header{}, Request: req,
			Body: rwc{strings.NewReader(""), &wrote, io.NopCloser(nil)}}, nil
	})
	tr := &Transport{Base: base, AttemptTimeout: time.Minute}
	req, _ := http.NewRequest("GET", "http://api.test/ws", nil)
	resp, err := tr.RoundTrip(req)
	require.NoError(t, err)
	w, ok := resp.Body.(io.Writer)
	require.True(t, ok, "the upgraded connection is still an io.Writer")
	_, _ = w.Write([]byte("ping"))
	assert.Equal(t, "ping", wrote.String())
	require.NoError(t, resp.Body.Close())
}
