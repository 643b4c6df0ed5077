package apierrtest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// recordingTB is a testing.TB that records what the kit reports instead of
// failing the test that uses it, so that a test can assert on the report.
// What it does not override goes to the real test.
type recordingTB struct {
	testing.TB
	mu       sync.Mutex
	fatals   []string
	errs     []string
	cleanups []func()
}

func newRecordingTB(t *testing.T) *recordingTB {
	r := &recordingTB{TB: t}
	t.Cleanup(func() {
		for i := len(r.cleanups) - 1; i >= 0; i-- {
			r.cleanups[i]()
		}
	})
	return r
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Fatalf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

func (r *recordingTB) reports() (fatals, errs []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.fatals...), append([]string(nil), r.errs...)
}

// noGoroutineLeft fails t unless every goroutine started during t has
// ended once t's other cleanups have run. Call it before anything that
// registers a cleanup: cleanups run last in, first out. It waits on the
// goroutine list itself, up to a deadline, rather than for a fixed time.
func noGoroutineLeft(t *testing.T) {
	before := goroutines()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for {
			left := newSince(before)
			if len(left) == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("%d goroutines left:\n%s", len(left), strings.Join(left, "\n\n"))
				return
			}
			runtime.Gosched()
			time.Sleep(time.Millisecond) // poll the list; the deadline bounds it
		}
	})
}

// goroutines returns the stack of every goroutine, by id.
func goroutines() map[int]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[int]string{}
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		header, _, _ := strings.Cut(string(g), " [")
		if id, err := strconv.Atoi(strings.TrimPrefix(header, "goroutine ")); err == nil {
			out[id] = string(g)
		}
	}
	return out
}

func newSince(before map[int]string) []string {
	var left []string
	for id, stack := range goroutines() {
		if _, ok := before[id]; !ok {
			left = append(left, stack)
		}
	}
	return left
}

// newClient returns a client of its own, whose idle connections are closed
// at t's Cleanup.
func newClient(t *testing.T) *http.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// get sends a GET to url and returns the status and the body.
func get(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}
