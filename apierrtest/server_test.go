package apierrtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

func TestServerAnswersInScriptOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		script []Step
		want   []int
	}{
		{"each step answers once, the last one for ever",
			[]Step{Status(500, nil, ""), Status(503, nil, ""), Status(200, nil, "")},
			[]int{500, 503, 200, 200, 200}},
		{"a step with Times answers that many requests in a row",
			[]Step{Status(503, nil, "").Times(3), Status(200, nil, "")},
			[]int{503, 503, 503, 200, 200}},
		{"a last step with Times still repeats after its count",
			[]Step{Status(404, nil, ""), Status(502, nil, "").Times(2)},
			[]int{404, 502, 502, 502, 502}},
		{"a single step answers every request",
			[]Step{Status(429, nil, "")},
			[]int{429, 429, 429, 429, 429}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, tt.script...)
			c := newClient(t)
			var got []int
			for range tt.want {
				status, _ := get(t, c, srv.URL+"/x")
				got = append(got, status)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestStatusSendsWhatItIsGiven(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(418, http.Header{"X-Teapot": {"short", "stout"}}, "I'm a teapot"))
	resp, err := newClient(t).Get(srv.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, 418, resp.StatusCode)
	assert.Equal(t, []string{"short", "stout"}, resp.Header.Values("X-Teapot"))
	assert.Empty(t, resp.Header.Values("Content-Type"), "no content type was given, none is sniffed")
	assert.Equal(t, "I'm a teapot", string(body))
}

func TestStatusKeepsItsOwnCopyOfTheHeader(t *testing.T) {
	t.Parallel()
	h := http.Header{"X-Step": {"before"}}
	step := Status(200, h, "")
	h.Set("X-Step", "after")
	srv := NewServer(t, step)
	resp, err := newClient(t).Get(srv.URL)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, "before", resp.Header.Get("X-Step"))
}

func TestRespondWritesForTheRequestItAnswers(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Respond(apierr.New(apierr.ConsentimentoInvalido)))
	c := newClient(t)
	tests := []struct {
		name, accept, wantType string
	}{
		{"a plain request gets Brick Bank's body", "", "application/json; charset=utf-8"},
		{"a request preferring problem+json gets it", "application/problem+json",
			"application/problem+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/consents", nil)
			require.NoError(t, err)
			req.Header.Set("Accept", tt.accept)
			req.Header.Set("X-Fapi-Interaction-Id", "d0e3f8a4-6b2c-4e1a-9f57-2c8b1a0e7d65")
			resp, err := c.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, 400, resp.StatusCode)
			assert.Equal(t, tt.wantType, resp.Header.Get("Content-Type"))
			assert.Equal(t, "d0e3f8a4-6b2c-4e1a-9f57-2c8b1a0e7d65",
				resp.Header.Get("X-Fapi-Interaction-Id"))
		})
	}
}

func TestRespondOfAPlainErrorIsAnInternalError(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Respond(errors.New("ledger: dial tcp 10.0.0.7:5432: refused")))
	status, body := get(t, newClient(t), srv.URL)
	assert.Equal(t, 500, status)
	assert.Contains(t, body, `"code":"ERRO_INTERNO"`)
	assert.NotContains(t, body, "10.0.0.7", "the cause stays off the wire")
}

func TestHandleGivesAPatternItsOwnScript(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(200, nil, "fallback"))
	srv.Handle("GET /accounts/{id}", Status(503, nil, "accounts").Times(2), Status(200, nil, "up"))
	srv.Handle("POST /payments", Status(201, nil, "paid"))
	c := newClient(t)
	type answer struct {
		Status int
		Body   string
	}
	var got []answer
	for _, path := range []string{"/accounts/1", "/other", "/accounts/2", "/accounts/3"} {
		status, body := get(t, c, srv.URL+path)
		got = append(got, answer{status, body})
	}
	resp, err := c.Post(srv.URL+"/payments", "application/json", strings.NewReader("{}"))
	require.NoError(t, err)
	resp.Body.Close()
	got = append(got, answer{resp.StatusCode, ""})
	want := []answer{{503, "accounts"}, {200, "fallback"}, {503, "accounts"}, {200, "up"}, {201, ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
}

func TestAServerWithNoScriptAnswersOnlyItsPatterns(t *testing.T) {
	t.Parallel()
	rec := newRecordingTB(t)
	srv := NewServer(rec)
	srv.Handle("GET /known", Status(204, nil, ""))
	c := newClient(t)
	status, _ := get(t, c, srv.URL+"/known")
	assert.Equal(t, 204, status)
	status, _ = get(t, c, srv.URL+"/unknown")
	assert.Equal(t, 404, status)
	_, errs := rec.reports()
	assert.Equal(t, []string{"apierrtest: no script answers GET /unknown"}, errs)
}

func TestBadScriptsFailTheTest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		script []Step
		want   string
	}{
		{"an empty script given to Handle", nil, "a script needs at least one step"},
		{"the zero Step", []Step{{}}, "step 1: the zero Step answers nothing"},
		{"Times(0)", []Step{Status(200, nil, "").Times(0)},
			"step 1: Times(0): a step answers at least one request"},
		{"a negative Times", []Step{Status(500, nil, ""), Status(200, nil, "").Times(-2)},
			"step 2: Times(-2): a step answers at least one request"},
		{"Respond(nil)", []Step{Respond(nil)}, "step 1: Respond(nil): no error to write"},
		{"Truncated(nil)", []Step{Truncated(nil)}, "step 1: Respond(nil): no error to write"},
		{"a status below 200", []Step{Status(100, nil, "")},
			"step 1: Status(100): a final HTTP status is 200–599"},
		{"a status above 599", []Step{Status(600, nil, "")},
			"step 1: Status(600): a final HTTP status is 200–599"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecordingTB(t)
			srv := NewServer(rec, Status(200, nil, ""))
			srv.Handle("/bad", tt.script...)
			fatals, _ := rec.reports()
			require.Len(t, fatals, 1)
			assert.Contains(t, fatals[0], `apierrtest: Handle("/bad"): `+tt.want)
		})
	}
}

func TestNewServerReportsEveryBadStepAtOnce(t *testing.T) {
	t.Parallel()
	rec := newRecordingTB(t)
	srv := NewServer(rec, Step{}, Status(200, nil, ""), Respond(nil))
	assert.Nil(t, srv)
	fatals, _ := rec.reports()
	require.Len(t, fatals, 1)
	assert.Contains(t, fatals[0], "apierrtest: NewServer: step 1: the zero Step")
	assert.Contains(t, fatals[0], "step 3: Respond(nil)")
}

func TestAConflictingPatternFailsTheTest(t *testing.T) {
	t.Parallel()
	rec := newRecordingTB(t)
	srv := NewServer(rec)
	srv.Handle("GET /a", Status(200, nil, ""))
	srv.Handle("GET /a", Status(500, nil, ""))
	srv.Handle("GET /{", Status(500, nil, ""))
	fatals, _ := rec.reports()
	require.Len(t, fatals, 2)
	assert.Contains(t, fatals[0], `apierrtest: Handle("GET /a"): `)
	assert.Contains(t, fatals[0], "conflicts")
	assert.Contains(t, fatals[1], `apierrtest: Handle("GET /{"): `)
}

func TestRequestsRecordsWhatTheClientSent(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(503, nil, "").Times(2), Status(201, nil, ""))
	client := &http.Client{Transport: &apierr.Transport{
		Base:            newClient(t).Transport,
		IdempotencyKeys: true,
		NewKey:          func() string { return "key-1" },
		Sleep:           new(Sleeper).Sleep,
	}}
	resp, err := client.Post(srv.URL+"/payments?x=1", "application/json",
		strings.NewReader(`{"amount":"10.00"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 201, resp.StatusCode)

	got := srv.Requests()
	require.Len(t, got, 3, "sent three times")
	for i, r := range got {
		assert.Equal(t, "POST", r.Method, "request %d", i)
		assert.Equal(t, "/payments", r.Path, "request %d", i)
		assert.Equal(t, `{"amount":"10.00"}`, string(r.Body), "request %d: the same body", i)
		assert.Equal(t, "key-1", r.Header.Get("X-Idempotency-Key"), "request %d: the same key", i)
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"), "request %d", i)
	}
}

func TestRequestsReturnsCopies(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(200, nil, ""))
	resp, err := newClient(t).Post(srv.URL, "text/plain", strings.NewReader("abc"))
	require.NoError(t, err)
	resp.Body.Close()
	first := srv.Requests()
	first[0].Body[0] = 'X'
	first[0].Header.Set("Content-Type", "changed")
	again := srv.Requests()
	assert.Equal(t, "abc", string(again[0].Body))
	assert.Equal(t, "text/plain", again[0].Header.Get("Content-Type"))
}

func TestRequestsIsSafeUnderConcurrency(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(500, nil, "").Times(25), Status(200, nil, ""))
	c := newClient(t)
	var wg sync.WaitGroup
	statuses := make(chan int, 50)
	for range 50 {
		wg.Go(func() {
			resp, err := c.Get(srv.URL + "/concurrent")
			if !assert.NoError(t, err) {
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
			_ = srv.Requests() // read while others write
		})
	}
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	assert.Equal(t, map[int]int{500: 25, 200: 25}, count, "each request got one step")
	assert.Len(t, srv.Requests(), 50)
}

func TestABodyOverMaxBodyFailsTheTest(t *testing.T) {
	t.Parallel()
	rec := newRecordingTB(t)
	srv := NewServer(rec, Status(200, nil, ""))
	resp, err := newClient(t).Post(srv.URL+"/upload", "application/octet-stream",
		bytes.NewReader(make([]byte, MaxBody+10)))
	require.NoError(t, err)
	resp.Body.Close()
	_, errs := rec.reports()
	assert.Equal(t, []string{"apierrtest: POST /upload: body over MaxBody (8388608 bytes); " +
		"Requests keeps the first 8388608"}, errs)
	assert.Len(t, srv.Requests()[0].Body, MaxBody)
}

func TestResetGivesTheClientATransportError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		script []Step
		before int // requests answered before the reset
	}{
		{"a reset as the first answer", []Step{Reset(), Status(200, nil, "")}, 0},
		{"a reset after a response", []Step{Status(500, nil, ""), Reset(), Status(200, nil, "")}, 1},
		{"a reset after a reset", []Step{Reset().Times(2), Status(200, nil, "")}, 1},
		{"a reset after a POST", []Step{Respond(apierr.New(apierr.ErroInterno)), Reset()}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := NewServer(t, tt.script...)
			c := newClient(t)
			for range tt.before {
				if resp, err := c.Get(srv.URL); err == nil {
					resp.Body.Close()
				}
			}
			// A GET: Go's Transport resends one by itself when a reused
			// connection fails, which must not hide the reset.
			resp, err := c.Get(srv.URL + "/accounts")
			if resp != nil {
				resp.Body.Close()
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, syscall.ECONNRESET)
			assert.Equal(t, apierr.Backoff, apierr.RetryOf(err))
			reqs := srv.Requests()
			require.Len(t, reqs, tt.before+1, "the reset request was read, and once")
			assert.Equal(t, "/accounts", reqs[tt.before].Path)
		})
	}
}

func TestTruncatedCutsTheBodyMidway(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Truncated(apierr.New(apierr.ErroInterno)))
	resp, err := newClient(t).Get(srv.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, 500, resp.StatusCode)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	require.Positive(t, resp.ContentLength)
	assert.Len(t, body, int(resp.ContentLength)/2)
	assert.True(t, strings.HasPrefix(string(body), `{"code":"ERRO_INTERNO",`),
		"the body is the first half of ERRO_INTERNO's: %s", body)
}

func TestCloseMakesTheServerGoAway(t *testing.T) {
	t.Parallel()
	srv := NewServer(t, Status(200, nil, ""))
	srv.Close()
	srv.Close() // and again: nothing
	_, err := newClient(t).Get(srv.URL)
	require.Error(t, err)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
}

func TestNoGoroutineIsLeftAfterCleanup(t *testing.T) {
	// Not parallel: the goroutine count is the whole process's.
	noGoroutineLeft(t)
	srv := NewServer(t, Status(503, nil, ""), NginxBadGateway(), CaddyBadGateway(), Reset(),
		NginxPayloadTooLarge(), Truncated(apierr.New(apierr.ErroInterno)),
		Respond(apierr.New(apierr.InvalidToken)))
	srv.Handle("/pages", KongNoRoute().Times(3), EnvoyNoHealthyUpstream())
	client := &http.Client{Transport: &apierr.Transport{Base: newClient(t).Transport,
		Sleep: new(Sleeper).Sleep}}
	for _, path := range []string{"/a", "/pages", "/pages", "/b", "/pages", "/pages"} {
		resp, err := client.Get(srv.URL + path)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	assert.NotEmpty(t, srv.Requests())
}

func TestNoGoroutineIsLeftWhenAClientStopsMidway(t *testing.T) {
	noGoroutineLeft(t)
	srv := NewServer(t, NginxBadGateway())
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	_, err = io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	assert.Equal(t, 502, resp.StatusCode)
	// The connection went back to the server, which now waits on it: Close
	// must end it even though the client never sends another request.
	srv.Close()
	_, err = conn.Read(make([]byte, 1))
	assert.Error(t, err, "the server closed the connection")
}

func TestAContextCancelledClientDoesNotHangTheServer(t *testing.T) {
	noGoroutineLeft(t)
	srv := NewServer(t, Status(200, nil, ""))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	require.NoError(t, err)
	_, err = newClient(t).Do(req)
	assert.ErrorIs(t, err, context.Canceled)
}
