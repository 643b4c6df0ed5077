// Command apierr answers, from the catalog the apierr library uses, the two
// questions of an integrator debugging a failed call: what does this error
// code mean, and should the request be resent?
//
//	apierr explain CONSENTIMENTO_INVALIDO    # a code, a Brick Bank heading, a status
//	curl -si https://api.example.com/… | apierr classify
//	apierr list --source "brick bank" --retry backoff
//
// Run "apierr help" for every command, flag and exit status.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/internal/text"
)

// Exit statuses, the scheme "apierr --help" documents.
const (
	exitOK       = 0 // found; for classify, the response is not an error
	exitAPIError = 1 // classify only: the response is an error
	exitUsage    = 2 // bad usage or input, unknown code
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// cli is one invocation: its streams, so that tests run commands
// in-process, and what the commands read.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// catalog is every catalog read the commands make (see [catalog]).
	catalog catalog
	// app is what --catalog named, when it was given: its entries are in
	// catalog too.
	app *appCatalog
	// buildInfo is debug.ReadBuildInfo, for "apierr version".
	buildInfo func() (*debug.BuildInfo, bool)
}

func newCLI(stdin io.Reader, stdout, stderr io.Writer) *cli {
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr, catalog: apierr.Documented(),
		buildInfo: debug.ReadBuildInfo}
}

// run is the whole program: main only adds os.Exit, so tests call run.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newCLI(stdin, stdout, stderr).run(args)
}

func (c *cli) run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, c.mainUsage())
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return c.help(args[1:])
	}
	name, rest, ok := splitCommand(args)
	if !ok {
		fmt.Fprintf(c.stderr, "apierr: no command in %s\n\n%s",
			quoted(strings.Join(args, " ")), c.mainUsage())
		return exitUsage
	}
	cmd, ok := lookupCommand(name)
	if !ok {
		fmt.Fprintf(c.stderr, "apierr: unknown command %s\n\n%s", quoted(name), c.mainUsage())
		return exitUsage
	}
	fs := newFlagSet(name)
	runCommand := cmd.define(fs)
	positional, err := parseArgs(fs, rest)
	if err != nil {
		return c.helpOr(cmd, err)
	}
	if err := c.useCatalog(fs); err != nil {
		return c.fail(name, err)
	}
	return runCommand(c, positional)
}

// command is one subcommand.
type command struct {
	name     string
	operands string   // its arguments in the synopsis: "NAME...", "[FILE]"
	required []string // the flags it cannot run without, unbracketed in its synopsis
	summary  string   // its line in the main help
	about    string   // its help between the synopsis and the flags
	more     string   // its help after the flags: output formats, exit status
	// define registers the command's flags on fs and returns what runs it
	// with the positional arguments, once fs has parsed the command line.
	define func(fs *flag.FlagSet) func(c *cli, args []string) int
}

// commands are the subcommands, in the order the help lists them.
func commands() []command {
	return []command{explainCommand, classifyCommand, listCommand, genCommand, versionCommand}
}

func lookupCommand(name string) (command, bool) {
	i := slices.IndexFunc(commands(), func(cmd command) bool { return cmd.name == name })
	if i < 0 {
		return command{}, false
	}
	return commands()[i], true
}

// help prints the usage of the program or of one command to stdout: asked
// for, it is the output, not a complaint.
func (c *cli) help(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stdout, c.mainUsage())
		return exitOK
	}
	cmd, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(c.stderr, "apierr help: unknown command %s\n\n%s", quoted(args[0]),
			c.mainUsage())
		return exitUsage
	}
	fmt.Fprint(c.stdout, cmd.usage())
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
// every error a command returns, which are all bad usage or bad input. The
// line is quoted whole, so that no argument or input echoed in it (a file
// name, a flag the flag package names) acts on the terminal. A join of
// several problems ([errors.Join]) is one line each.
func (c *cli) fail(name string, err error) int {
	for _, line := range problems(err) {
		fmt.Fprintf(c.stderr, "apierr %s: %s\n", name, text.Quote(line))
	}
	if _, ok := errors.AsType[*usageError](err); ok {
		fmt.Fprintf(c.stderr, "Run 'apierr %s --help' for usage.\n", name)
	}
	return exitUsage
}

// problems is the text of each error err joins, or of err alone.
func problems(err error) []string {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []string{err.Error()}
	}
	var lines []string
	for _, e := range joined.Unwrap() {
		lines = append(lines, problems(e)...)
	}
	return lines
}
