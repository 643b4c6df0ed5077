// Command apierr answers, from the catalog the apierr library uses, the two
// questions of an integrator debugging a failed call: what does this error
// code mean, and should the request be resent?
//
//	apierr explain CONSENTIMENTO_INVALIDO          # a code, a seed 003 heading, a status
//	curl -si https://api.example.com/… | apierr classify
//	apierr list --source "brick bank" --retry backoff
//
// Run "apierr help" for every command, flag and exit status.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses, the scheme "apierr --help" documents.
const (
	exitOK       = 0 // found; for classify, the response is not an error
	exitAPIError = 1 // classify only: the response is an error
	exitUsage    = 2 // bad usage or input, unknown code
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// cli is one invocation's streams, so that tests run commands in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand: its usage text and what it does with its
// arguments, which still hold their flags.
type command struct {
	usage string
	run   func(c *cli, args []string) int
}

// commands is looked up by name; a function rather than a variable so that
// the usage texts can mention each other without an initialisation cycle.
func commands() map[string]command {
	return map[string]command{
		"explain":  {usage: explainUsage, run: (*cli).explain},
		"classify": {usage: classifyUsage, run: (*cli).classify},
		"list":     {usage: listUsage, run: (*cli).list},
	}
}

// run is the whole program: main only adds os.Exit, so tests call run.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return c.help(args[1:])
	}
	name, rest, ok := splitCommand(args)
	if !ok {
		fmt.Fprintf(stderr, "apierr: no command in %q\n\n%s", strings.Join(args, " "), mainUsage)
		return exitUsage
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "apierr: unknown command %q\n\n%s", name, mainUsage)
		return exitUsage
	}
	return cmd.run(c, rest)
}

// help prints the usage of the program or of one command to stdout: asked
// for, it is the output, not a complaint.
func (c *cli) help(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stdout, mainUsage)
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(c.stderr, "apierr help: unknown command %q\n\n%s", args[0], mainUsage)
		return exitUsage
	}
	fmt.Fprint(c.stdout, cmd.usage)
	return exitOK
}

// usageError is a mistake in the command line: reported with a pointer to
// the command's help, exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// fail reports err on one line and returns the exit status for it: 2 for
// every error a command returns, which are all bad usage or bad input.
func (c *cli) fail(name string, err error) int {
	fmt.Fprintf(c.stderr, "apierr %s: %v\n", name, err)
	if ue := (*usageError)(nil); errors.As(err, &ue) {
		fmt.Fprintf(c.stderr, "Run 'apierr %s --help' for usage.\n", name)
	}
	return exitUsage
}

const mainUsage = `apierr explains the documented errors of Brick Bank (Open Finance Brasil),
TrustedX and RFC 6750 bearer tokens, and tells whether to resend a failed call,
from the catalog of github.com/apierr/apierr.

Usage:
  apierr explain CODE...     explain codes, seed 003 headings, statuses, gateway messages
  apierr classify [FILE]     classify a response as "curl -si" prints it (stdin: none or -)
  apierr list                list the catalog, optionally filtered
  apierr help [COMMAND]      show this help, or a command's

Flags go before or after arguments:
  --format text|json|markdown   output format (default text); -format works too
  -h, --help                    show a command's help

Exit status:
  0  found; for classify, the response is not an error
  1  classify only: the response is an error
  2  bad usage or input, unknown code

Examples:
  apierr explain CONSENTIMENTO_INVALIDO
  apierr explain "qrcode invalido" 423
  curl -si https://api.example.com/consents/42 | apierr classify
  apierr classify --status 503 body.json
  apierr list --source trustedx --status 403
`
