// This file reads command lines: flags wherever they stand, the command
// word among them, and the values the flags take.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apierr/apierr"
)

// takesValue reports whether a flag of some command takes the next
// argument as its value. splitCommand needs it to see that in "--format
// json explain" json is a value, not the command. It asks the commands'
// own flag definitions, so a new flag needs no word here.
func takesValue(name string) bool {
	for _, cmd := range commands() {
		fs := newFlagSet(cmd.name)
		cmd.define(fs)
		if f := fs.Lookup(name); f != nil {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			return !ok || !b.IsBoolFlag()
		}
	}
	return false
}

// splitCommand finds the command word among args, so that flags may come
// before it ("apierr --format json explain X"); the flags are kept, in
// order, for the command's own parsing.
func splitCommand(args []string) (name string, rest []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 == len(args) {
				return "", nil, false
			}
			i++
		} else if strings.HasPrefix(a, "-") && a != "-" {
			flagName := strings.TrimLeft(a, "-")
			if !strings.Contains(flagName, "=") && takesValue(flagName) {
				i++ // skip the flag's value
			}
			continue
		}
		rest = append(append(rest, args[:i]...), args[i+1:]...)
		return args[i], rest, true
	}
	return "", nil, false
}

// newFlagSet returns a flag set that reports errors to the caller only: the
// commands print one line of their own rather than the flag package's
// usage dump.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags wherever they stand among args and returns the
// positional arguments. The flag package stops at the first non-flag, so
// parsing resumes after each positional; everything after "--" is
// positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// Parse consumes a "--" and stops: then all of rest is positional.
		// A rest that starts with a flag can only come after a "--".
		if endedByDashes(args, len(args)-len(rest)) || isFlag(rest[0]) {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func isFlag(arg string) bool { return len(arg) > 1 && arg[0] == '-' }

// endedByDashes reports whether the flag package stopped after consuming
// args[consumed-1] as the "--" terminator rather than as a flag's value
// ("--source --").
func endedByDashes(args []string, consumed int) bool {
	if consumed < 1 || args[consumed-1] != "--" {
		return false
	}
	if consumed >= 2 {
		prev := args[consumed-2]
		name := strings.TrimLeft(prev, "-")
		return !(isFlag(prev) && !strings.Contains(name, "=") && takesValue(name))
	}
	return true
}

// outputFormat is the --format flag: one spelling for every command.
type outputFormat string

const (
	formatText     outputFormat = "text"
	formatJSON     outputFormat = "json"
	formatMarkdown outputFormat = "markdown"
)

func (f *outputFormat) String() string { return string(*f) }

func (f *outputFormat) Set(s string) error {
	switch v := outputFormat(strings.ToLower(s)); v {
	case formatText, formatJSON, formatMarkdown:
		*f = v
		return nil
	}
	return errors.New("want text, json or markdown")
}

// formatFlag registers --format on fs, text by default.
func formatFlag(fs *flag.FlagSet) *outputFormat {
	f := formatText
	fs.Var(&f, "format", "`FORMAT` text (default), json or markdown; -format works too")
	return &f
}

// outFlag registers -o on fs: the file a command writes in place of
// standard output.
func outFlag(fs *flag.FlagSet, out *string) {
	fs.StringVar(out, "o", "", "`FILE` write to FILE instead of standard output "+
		"(go generate, which runs no shell, cannot redirect)")
}

// statusFlag is a --status value: unset (0) or an HTTP status.
type statusFlag int

func (s *statusFlag) String() string { return strconv.Itoa(int(*s)) }

func (s *statusFlag) Set(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 100 || n > 599 {
		return errors.New("want an HTTP status, a number from 100 to 599")
	}
	*s = statusFlag(n)
	return nil
}

// retryFlag is a --retry filter: nil until set.
type retryFlag struct{ class *apierr.RetryClass }

func (r *retryFlag) String() string {
	if r.class == nil {
		return ""
	}
	return r.class.String()
}

func (r *retryFlag) Set(v string) error {
	var c apierr.RetryClass
	if err := c.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(v)))); err != nil {
		return errors.New("want no-retry, backoff or reauthenticate")
	}
	r.class = &c
	return nil
}

// helpOr turns the flag package's ErrHelp into the command's usage on
// stdout (exit 0) and any other error into a one-line report (exit 2).
func (c *cli) helpOr(cmd command, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, cmd.usage())
		return exitOK
	}
	return c.fail(cmd.name, err)
}
