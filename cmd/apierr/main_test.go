// Tests of the program as a whole: help, unknown commands, version.

package main

import (
	"testing"
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
