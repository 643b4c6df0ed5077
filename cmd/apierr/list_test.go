// Tests of "apierr list" and of the freshness of CATALOG.md.

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apierr/apierr"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGoldenList(t *testing.T) {
	checkGolden(t, []goldenCase{
		{name: "list", args: []string{"list"}},
		{name: "list-source-rfc-6750", args: []string{"list", "--source", "rfc 6750"}},
		{name: "list-trustedx-403", args: []string{"list", "--status", "403",
			"--source", "TRUSTEDX"}},
		{name: "list-backoff", args: []string{"list", "--retry", "backoff"}},
		{name: "list-json-reauthenticate", args: []string{"list", "--retry=reauthenticate",
			"--format", "json"}},
		{name: "list-markdown-filtered", args: []string{"list", "--format", "markdown",
			"--source", "brick-bank", "--status", "423"}},
		{name: "list-nothing-passes", args: []string{"list", "--status", "418"}},
		{name: "list-unknown-source", args: []string{"list", "--source", "acme"},
			exit: exitUsage},
		{name: "list-bad-retry", args: []string{"list", "--retry", "sometimes"},
			exit: exitUsage},
		{name: "list-bad-status", args: []string{"list", "--status", "4xx"}, exit: exitUsage},
		{name: "list-argument", args: []string{"list", "TOKEN_INATIVO"}, exit: exitUsage},
		{name: "list-help", args: []string{"list", "--help"}},
	})
}

// CATALOG.md is what "go generate" writes: rendered here in-process and
// compared, so a catalog change without a regenerated page fails.
func TestCatalogMarkdownIsFresh(t *testing.T) {
	r := runCLI(t, "", "list", "--format", "markdown")
	require.Equal(t, exitOK, r.exit, r.stderr)

	committed, err := os.ReadFile("../../CATALOG.md")
	require.NoError(t, err)
	if diff := cmp.Diff(string(committed), r.stdout); diff != "" {
		t.Errorf("CATALOG.md is stale: run go generate at the repository root "+
			"(-committed +catalog):\n%s", diff)
	}
}

func TestListWritesTheFileNamedByO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "CATALOG.md")

	r := runCLI(t, "", "list", "--format", "markdown", "-o", path)

	require.Equal(t, exitOK, r.exit, r.stderr)
	assert.Empty(t, r.stdout, "the file, not stdout, gets the page")
	written, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, runCLI(t, "", "list", "--format", "markdown").stdout, string(written))
}

func TestListFilters(t *testing.T) {
	count := func(keep func(apierr.Entry) bool) int {
		n := 0
		for e := range apierr.Entries() {
			if keep(e) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name string
		args []string
		keep func(apierr.Entry) bool
	}{
		{"no filter lists all 113", nil, func(apierr.Entry) bool { return true }},
		{"brick bank in any case", []string{"--source", "brick bank"},
			func(e apierr.Entry) bool { return e.Source == "Brick Bank" }},
		{"trustedx", []string{"--source", "trustedx"},
			func(e apierr.Entry) bool { return e.Source == "TrustedX" }},
		{"rfc6750 without its space", []string{"--source", "rfc6750"},
			func(e apierr.Entry) bool { return e.Source == "RFC 6750" }},
		{"a status", []string{"--status", "401"},
			func(e apierr.Entry) bool { return e.Status == 401 }},
		{"backoff", []string{"--retry", "backoff"},
			func(e apierr.Entry) bool { return e.Retry == apierr.Backoff }},
		{"every filter at once", []string{"--retry", "no-retry", "--status", "400",
			"--source", "Brick Bank"}, func(e apierr.Entry) bool {
			return e.Retry == apierr.NoRetry && e.Status == 400 && e.Source == "Brick Bank"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"list", "--format", "json"}, tt.args...)...)
			require.Equal(t, exitOK, r.exit, r.stderr)
			var got []entryJSON
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
			assert.Len(t, got, count(tt.keep))
			for _, g := range got {
				e, ok := apierr.Lookup(apierr.Code(g.Code))
				require.True(t, ok)
				assert.True(t, tt.keep(e), g.Code)
			}
		})
	}
	assert.Equal(t, 113, count(func(apierr.Entry) bool { return true }))
}
