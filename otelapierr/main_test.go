package otelapierr_test

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain fails the run when a goroutine of net/http, OpenTelemetry or
// this package outlives the tests: every server, connection and provider a
// test opens, it closes.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if left := leftover(); left != "" {
			fmt.Fprintf(os.Stderr, "goroutines left after the tests:\n%s\n", left)
			code = 1
		}
	}
	os.Exit(code)
}

// leftover is the stacks of the goroutines still running that the tests
// could have started, once connections closing in the background had a
// moment to finish.
func leftover() string {
	var left []string
	for range 200 {
		left = left[:0]
		buf := make([]byte, 1<<20)
		stacks := strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n")
		for _, s := range stacks[1:] { // the first is this goroutine
			if strings.Contains(s, "net/http.") || strings.Contains(s, "go.opentelemetry.io/") ||
				strings.Contains(s, "/otelapierr") {
				left = append(left, s)
			}
		}
		if len(left) == 0 {
			return ""
		}
		// Closed connections end their goroutines asynchronously.
		time.Sleep(10 * time.Millisecond)
	}
	return strings.Join(left, "\n\n")
}
