package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr"
)

const listUsage = `Usage: apierr list [--source S] [--status N] [--retry CLASS]
                   [--format text|json|markdown] [-o FILE]

Lists the catalog, ordered by status then code, keeping the entries that
pass every filter given.

Flags:
  --source S        Brick Bank, TrustedX or RFC 6750 (case, spaces and hyphens
                    ignored: "brick bank", "trustedx", "rfc6750")
  --status N        one HTTP status, e.g. 401
  --retry CLASS     no-retry, backoff or reauthenticate
  --format F        text (default), json (an array of explain's "code" objects)
                    or markdown (the CATALOG.md page); -format works too
  -o FILE           write to FILE instead of standard output; "go generate"
                    runs "apierr list --format markdown -o CATALOG.md", which
                    cannot redirect, as it runs no shell

Exit status: 0 listed (even when no entry passes the filters); 2 bad usage.
`

// list runs "apierr list".
func (c *cli) list(args []string) int {
	fs := newFlagSet("list")
	format := formatFlag(fs)
	var status statusFlag
	var retry retryFlag
	fs.Var(&status, "status", "keep entries with this HTTP status")
	fs.Var(&retry, "retry", "keep entries with this retry class")
	source := fs.String("source", "", "keep entries from this source")
	out := fs.String("o", "", "write to this file instead of standard output")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return c.helpOr("list", listUsage, err)
	}
	if len(rest) > 0 {
		return c.fail("list", usagef("list takes no arguments, got %q; filter with "+
			"--source, --status or --retry", strings.Join(rest, " ")))
	}
	f := filter{status: int(status), retry: retry.class}
	if *source != "" {
		if f.source, err = findSource(*source); err != nil {
			return c.fail("list", err)
		}
	}
	var entries []apierr.Entry
	for e := range apierr.Entries() {
		if f.keep(e) {
			entries = append(entries, e)
		}
	}

	var buf bytes.Buffer
	switch *format {
	case formatJSON:
		js := make([]entryJSON, len(entries))
		for i, e := range entries {
			js[i] = toEntryJSON(e)
		}
		err = writeJSON(&buf, js)
	case formatMarkdown:
		writeCatalogMarkdown(&buf, entries, f)
	default:
		writeListText(&buf, entries)
	}
	if err != nil {
		return c.fail("list", err)
	}
	if *out != "" {
		// Written only once rendered, so a failure never leaves half a file.
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return c.fail("list", err)
		}
	} else if _, err := c.stdout.Write(buf.Bytes()); err != nil {
		return c.fail("list", err)
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.stderr, "apierr list: no entry passes the filters")
	}
	return exitOK
}

// filter is list's --source, --status and --retry; zero values keep all.
type filter struct {
	source string
	status int
	retry  *apierr.RetryClass
}

func (f filter) keep(e apierr.Entry) bool {
	return (f.source == "" || e.Source == f.source) &&
		(f.status == 0 || e.Status == f.status) &&
		(f.retry == nil || e.Retry == *f.retry)
}

// String describes the filters for the Markdown page: "" when there are none.
func (f filter) String() string {
	var parts []string
	if f.source != "" {
		parts = append(parts, "source "+f.source)
	}
	if f.status != 0 {
		parts = append(parts, "status "+strconv.Itoa(f.status))
	}
	if f.retry != nil {
		parts = append(parts, "retry "+f.retry.String())
	}
	return strings.Join(parts, ", ")
}

// findSource returns the catalog's spelling of a source the user named in
// any case or spacing.
func findSource(name string) (string, error) {
	var sources []string
	for e := range apierr.Entries() {
		if !slices.Contains(sources, e.Source) {
			sources = append(sources, e.Source)
		}
	}
	for _, s := range sources {
		if normalize(s) == normalize(name) {
			return s, nil
		}
	}
	return "", usagef("unknown source %q: want %s", name, orList(sources))
}

// writeListText prints the entries grouped by source, one a line: status,
// code, retry class and, when it says more than the reason phrase, the
// title, cut to keep the line within listWidth. Grouping keeps the code
// column as narrow as each source's codes, which leaves room for titles.
func writeListText(w io.Writer, entries []apierr.Entry) {
	var sources []string
	bySource := map[string][]apierr.Entry{}
	for _, e := range entries {
		if _, ok := bySource[e.Source]; !ok {
			sources = append(sources, e.Source)
		}
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	for i, source := range sources {
		if i > 0 {
			fmt.Fprintln(w)
		}
		group := bySource[source]
		fmt.Fprintf(w, "%s: %d %s\n", source, len(group), plural(len(group), "code", "codes"))
		writeListGroup(w, group)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func writeListGroup(w io.Writer, entries []apierr.Entry) {
	const listWidth = 100
	codeWidth, hasTitle := len("CODE"), false
	for _, e := range entries {
		codeWidth = max(codeWidth, len(e.Code))
		hasTitle = hasTitle || listTitle(e) != ""
	}
	row := func(status, code, retry, title string) {
		line := fmt.Sprintf("  %-6s  %-*s  %-14s  %s", status, codeWidth, code, retry, title)
		line = strings.TrimRight(line, " ")
		if utf8.RuneCountInString(line) > listWidth {
			line = string([]rune(line)[:listWidth-1]) + "…"
		}
		fmt.Fprintln(w, line)
	}
	header := ""
	if hasTitle {
		header = "TITLE"
	}
	row("STATUS", "CODE", "RETRY", header)
	for _, e := range entries {
		row(strconv.Itoa(e.Status), string(e.Code), e.Retry.String(), listTitle(e))
	}
}

// listTitle is e's title unless it only repeats the reason phrase, as
// TrustedX's and RFC 6750's titles do.
func listTitle(e apierr.Entry) string {
	if e.Title == apierr.StatusText(e.Status) {
		return ""
	}
	return e.Title
}

// writeCatalogMarkdown writes the catalog page (CATALOG.md): a summary
// table linking to one section per entry, each with every field, so that
// the page reads on its own where the seeds are not at hand.
func writeCatalogMarkdown(w io.Writer, entries []apierr.Entry, f filter) {
	fmt.Fprint(w, "<!-- Code generated by \"apierr list --format markdown\"; DO NOT EDIT. -->\n\n")
	fmt.Fprint(w, "# Error catalog\n\n")
	scope := "Every documented error"
	if s := f.String(); s != "" {
		scope = "The documented errors with " + s
	}
	noun := "entries"
	if len(entries) == 1 {
		noun = "entry"
	}
	fmt.Fprintf(w, "%s of the apierr catalog: %d %s, ordered by status then code. "+
		"The texts are the source documents' own (`testdata/seeds/`), in their "+
		"languages. The file is generated from the catalog by `go generate`; "+
		"`apierr explain CODE` prints the same in a terminal.\n\n", scope, len(entries), noun)
	fmt.Fprintf(w, "Retry: **no-retry**: %s; **backoff**: %s; **reauthenticate**: %s.\n\n",
		advice(apierr.NoRetry), advice(apierr.Backoff), advice(apierr.Reauthenticate))
	fmt.Fprint(w, "| status | code | retry | source | title |\n|---|---|---|---|---|\n")
	for _, e := range entries {
		// GitHub's anchor for a heading "`CODE`" is the code in lower case.
		fmt.Fprintf(w, "| %d | [%s](#%s) | %s | %s | %s |\n", e.Status, mdCode(string(e.Code)),
			strings.ToLower(string(e.Code)), e.Retry, mdCell(e.Source), mdCell(e.Title))
	}
	for _, e := range entries {
		fmt.Fprintln(w)
		writeMarkdown(w, entryView(e).blk)
	}
	if f.String() == "" {
		writeGatewayMarkdown(w)
	}
}

// writeGatewayMarkdown adds the gateway messages to the full page: they are
// what an integrator sees in place of a code when a gateway answers first.
func writeGatewayMarkdown(w io.Writer) {
	fmt.Fprint(w, "\n# Gateway messages\n\nBodies an API gateway sends in place of a "+
		"documented error, with no code: `apierr explain \"MESSAGE\"` and "+
		"`apierr classify` recognise them.\n")
	for g := range apierr.GatewayMessages() {
		fmt.Fprintln(w)
		writeMarkdown(w, gatewayView(g).blk)
	}
}
