// Tests of the output formats.

package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
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
