// Tests of the program as a whole: help, unknown commands, version.

package main

import (
	"encoding/json"
	"runtime/debug"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGoldenMain(t *testing.T) {
	checkGolden(t, []goldenCase{
		{name: "help", args: []string{"help"}, exit: exitOK},
		{name: "help-flag", args: []string{"--help"}, exit: exitOK},
		{name: "help-command", args: []string{"help", "classify"}, exit: exitOK},
		{name: "help-unknown-command", args: []string{"help", "frob"}, exit: exitUsage},
		{name: "no-arguments", args: nil, exit: exitUsage},
		{name: "unknown-command", args: []string{"frob"}, exit: exitUsage},
		{name: "flags-only", args: []string{"--format", "json"}, exit: exitUsage},
	})
}

func TestVersionPrintsTheModuleVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"a release", &debug.BuildInfo{GoVersion: "go1.26.0",
			Main: debug.Module{Path: "github.com/apierr/apierr", Version: "v1.2.0"}},
			"apierr v1.2.0 (go1.26.0)\n"},
		{"a build from a checkout", &debug.BuildInfo{GoVersion: "go1.26.0",
			Main: debug.Module{Path: "github.com/apierr/apierr", Version: "(devel)"}},
			"apierr (devel) (go1.26.0)\n"},
		{"a build without a module version", &debug.BuildInfo{GoVersion: "go1.26.0"},
			"apierr (devel) (go1.26.0)\n"},
		{"a binary without build information", nil, "apierr (devel) (unknown)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, func(c *cli) {
				c.buildInfo = func() (*debug.BuildInfo, bool) { return tt.bi, tt.bi != nil }
			}, "", "version")
			assert.Equal(t, exitOK, r.exit)
			assert.Equal(t, tt.want, r.stdout)
			assert.Empty(t, r.stderr)
		})
	}
}

func TestVersionInJSON(t *testing.T) {
	r := runWith(t, func(c *cli) {
		c.buildInfo = func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{GoVersion: "go1.26.0",
				Main: debug.Module{Path: "github.com/apierr/apierr", Version: "v1.2.0"}}, true
		}
	}, "", "version", "--format", "json")
	var got versionJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, versionJSON{Module: "github.com/apierr/apierr", Version: "v1.2.0",
		Go: "go1.26.0"}, got)
}

// The test binary is built from this checkout, as "go build" would build
// the command: its version is Go's record of that, whatever it is.
func TestVersionReadsTheBinarysBuildInformation(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	require.True(t, ok)
	r := runCLI(t, "", "version")
	assert.Equal(t, exitOK, r.exit)
	assert.Contains(t, r.stdout, "("+bi.GoVersion+")")
}

func TestVersionTakesNoArguments(t *testing.T) {
	r := runCLI(t, "", "version", "now")
	assert.Equal(t, exitUsage, r.exit)
	assert.Contains(t, r.stderr, `version takes no arguments, got "now"`)
}

// Users read the help and the output, not the seeds: the documents are
// named as DESIGN's "Naming the documents" says.
func TestNoUserFacingTextSaysSeed(t *testing.T) {
	outputs := map[string]string{"help": runCLI(t, "", "help").stdout}
	for _, cmd := range commands() {
		outputs[cmd.name+" --help"] = runCLI(t, "", cmd.name, "--help").stdout
	}
	outputs["list"] = runCLI(t, "", "list").stdout
	outputs["list --format markdown"] = runCLI(t, "", "list", "--format", "markdown").stdout
	for e := range apierr.Entries() {
		outputs["explain "+string(e.Code)] = runCLI(t, "", "explain", string(e.Code)).stdout
	}
	outputs["explain with no name"] = runCLI(t, "", "explain").stderr
	for name, out := range outputs {
		require.NotEmpty(t, out, name)
		assert.NotRegexp(t, `(?i)\bseeds?\b`, out, name)
	}
}
