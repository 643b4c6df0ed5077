// The golden-file harness: each command line's whole output, kept in
// testdata/NAME.golden and rewritten by -update.

package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Paths from this package to its golden files and the repository's test data.
const (
	goldenDir    = "testdata"
	responsesDir = "../../testdata/responses"
	capturesDir  = "../../testdata/captures"
	seedsDir     = "../../testdata/seeds"
)

// response is the path of a raw response file, as a command argument.
func response(name string) string { return filepath.Join(responsesDir, name) }

// result is what one in-process run of the command produced.
type result struct {
	stdout, stderr string
	exit           int
}

// runCLI runs the command in-process, as main would, with stdin as given.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runWith(t, nil, stdin, args...)
}

// runWith is runCLI with the invocation changed by set first, when given.
func runWith(t *testing.T, set func(*cli), stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	c := newCLI(strings.NewReader(stdin), &out, &errOut)
	if set != nil {
		set(c)
	}
	exit := c.run(args)
	return result{stdout: out.String(), stderr: errOut.String(), exit: exit}
}

// goldenCase is one command line whose whole output is kept in
// testdata/NAME.golden.
type goldenCase struct {
	name      string
	args      []string
	stdin     string // literal standard input
	stdinFile string // or a file fed to standard input
	exit      int
}

// transcript is a golden file's text: the command, its exit status and
// both streams, so that a reviewer reads each file on its own.
func (tc goldenCase) transcript(r result) string {
	var b strings.Builder
	b.WriteString("$ apierr")
	for _, a := range tc.args {
		b.WriteString(" " + shellQuote(a))
	}
	if tc.stdinFile != "" {
		b.WriteString(" < " + tc.stdinFile)
	}
	b.WriteString("\n")
	if tc.stdin != "" {
		fmt.Fprintf(&b, "stdin: %q\n", tc.stdin)
	}
	fmt.Fprintf(&b, "exit %d\n-- stdout --\n%s-- stderr --\n%s", r.exit, r.stdout, r.stderr)
	return b.String()
}

// checkGolden runs every case and compares its transcript with its golden
// file; -update rewrites the files, which must then be read before commit.
func checkGolden(t *testing.T, cases []goldenCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdin := tc.stdin
			if tc.stdinFile != "" {
				b, err := os.ReadFile(tc.stdinFile)
				require.NoError(t, err)
				stdin = string(b)
			}
			r := runCLI(t, stdin, tc.args...)
			assert.Equal(t, tc.exit, r.exit, "exit status; stderr: %s", r.stderr)
			if r.exit == exitUsage {
				assert.NotEmpty(t, r.stderr, "a failure says why on stderr")
			}
			assert.NotContains(t, r.stdout+r.stderr, "goroutine ", "no stack trace")

			got := tc.transcript(r)
			path := filepath.Join(goldenDir, tc.name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./cmd/apierr -update to create it")
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s differs (-want +got):\n%s", path, diff)
			}
		})
	}
}
