// Tests of the output formats.

package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWrapKeepsWidthAndHangsListItems(t *testing.T) {
	text := "• " + strings.Repeat("palavra ", 30) + "\n1. curto\n" +
		strings.Repeat("x", 90)
	lines := wrap(text, 40)
	for _, l := range lines[:len(lines)-1] {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), 40, "%q", l)
	}
	assert.True(t, strings.HasPrefix(lines[1], "  palavra"), "continuation hangs: %q", lines[1])
	assert.Contains(t, lines, "1. curto")
	assert.Equal(t, strings.Repeat("x", 90), lines[len(lines)-1], "a long word is not cut")
}

func TestWrapHangsNestedStepsUnderTheirText(t *testing.T) {
	text := "1. first\n  1. " + strings.Repeat("nested ", 12) + "\n2. last"
	lines := wrap(text, 40)
	require.Greater(t, len(lines), 3)
	assert.Equal(t, "1. first", lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "  1. nested"), "the step keeps its indent: %q",
		lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "     nested"), "and its lines hang: %q", lines[2])
	assert.Equal(t, "2. last", lines[len(lines)-1])
}
