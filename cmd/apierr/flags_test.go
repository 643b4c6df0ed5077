// Tests of reading command lines: flags anywhere, the command word, flag values.

package main

import (
	"errors"
	"flag"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArgsTakesFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args       []string
		positional []string
		format     outputFormat
	}{
		{[]string{"A", "B"}, []string{"A", "B"}, formatText},
		{[]string{"--format", "json", "A"}, []string{"A"}, formatJSON},
		{[]string{"A", "--format", "json", "B"}, []string{"A", "B"}, formatJSON},
		{[]string{"A", "B", "-format=markdown"}, []string{"A", "B"}, formatMarkdown},
		{[]string{"A", "--", "--format", "B"}, []string{"A", "--format", "B"}, formatText},
		{[]string{"-", "--format", "JSON"}, []string{"-"}, formatJSON},
	}
	for _, tt := range tests {
		fs := newFlagSet("test")
		format := formatFlag(fs)
		got, err := parseArgs(fs, tt.args)
		require.NoError(t, err, tt.args)
		assert.Equal(t, tt.positional, got, tt.args)
		assert.Equal(t, tt.format, *format, tt.args)
	}

	fs := newFlagSet("test")
	source := fs.String("source", "", "")
	got, err := parseArgs(fs, []string{"--source", "--", "A"})
	require.NoError(t, err)
	assert.Equal(t, "--", *source, "a flag's value is not the terminator")
	assert.Equal(t, []string{"A"}, got)

	_, err = parseArgs(newFlagSet("test"), []string{"A", "-h"})
	assert.True(t, errors.Is(err, flag.ErrHelp))
	_, err = parseArgs(newFlagSet("test"), []string{"A", "--nope"})
	var ue *usageError
	assert.True(t, errors.As(err, &ue))
}

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		args []string
		name string
		rest []string
		ok   bool
	}{
		{[]string{"explain", "X"}, "explain", []string{"X"}, true},
		{[]string{"--format", "json", "explain", "X"}, "explain",
			[]string{"--format", "json", "X"}, true},
		{[]string{"--format=json", "list"}, "list", []string{"--format=json"}, true},
		{[]string{"-o", "out.md", "list"}, "list", []string{"-o", "out.md"}, true},
		{[]string{"--format", "json"}, "", nil, false},
	}
	for _, tt := range tests {
		name, rest, ok := splitCommand(tt.args)
		assert.Equal(t, tt.ok, ok, tt.args)
		assert.Equal(t, tt.name, name, tt.args)
		assert.Equal(t, tt.rest, rest, tt.args)
	}
}

// splitCommand's view of which flags take a value comes from the commands'
// own definitions: every flag of every command, none forgotten.
func TestTakesValueKnowsEveryCommandsFlags(t *testing.T) {
	for _, cmd := range commands() {
		fs := newFlagSet(cmd.name)
		cmd.define(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				assert.False(t, takesValue(f.Name), "%s --%s is a switch", cmd.name, f.Name)
				name, rest, ok := splitCommand([]string{"--" + f.Name, cmd.name})
				assert.True(t, ok)
				assert.Equal(t, cmd.name, name, "the word after a switch is the command")
				assert.Equal(t, []string{"--" + f.Name}, rest)
				return
			}
			assert.True(t, takesValue(f.Name), "%s --%s", cmd.name, f.Name)
			name, rest, ok := splitCommand([]string{"--" + f.Name, cmd.name, cmd.name})
			assert.True(t, ok)
			assert.Equal(t, cmd.name, name, "the flag's value is not the command")
			assert.Equal(t, []string{"--" + f.Name, cmd.name}, rest)
		})
	}
	assert.False(t, takesValue("h"))
	assert.False(t, takesValue("no-such-flag"))
}

func TestEveryFlagIsInItsCommandsHelp(t *testing.T) {
	for _, cmd := range commands() {
		fs := newFlagSet(cmd.name)
		cmd.define(fs)
		help := cmd.usage()
		fs.VisitAll(func(f *flag.Flag) {
			name, placeholder, _ := describeFlag(f)
			word := strings.TrimSpace(name + " " + placeholder)
			if !slices.Contains(cmd.required, f.Name) {
				word = "[" + word + "]"
			}
			assert.Contains(t, help, word, "%s synopsis", cmd.name)
			assert.Regexp(t, `(?m)^  `+regexp.QuoteMeta(strings.TrimSpace(name+" "+placeholder))+
				`\s{2,}\S`, help, "%s flag list", cmd.name)
		})
	}
}
