package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apierr/apierr"
)

const explainUsage = `Usage: apierr explain [--format text|json|markdown] NAME...

Explains each NAME from the catalog: status and reason phrase, source, wire
format, title, detail, what to do (with the resend schedule), cause and fix.

A NAME is any of:
  a code                CONSENTIMENTO_INVALIDO, NotSupportedException, invalid_token
  a seed 003 heading    "QRCode Inválido" (VALOR_INVALIDO); "422 Data de Expiração
                        Inválida" picks one of the codes sharing that heading
  a title               "Erro na chamada da API"
  a status              423: its reason phrase, retry class and catalog codes
  a gateway message     "no Route matched with those values"

Matching ignores case, spaces, hyphens, underscores and accents; unquoted
words are one name when together they name something and the first word
alone does not (apierr explain qrcode invalido). A name that
matches several codes explains them all; one that matches nothing exits 2
and suggests the closest codes.

Flags (before or after names):
  --format text|json|markdown   output format (default text); -format works too

JSON: one object per result, each with a "kind":
  "code"             {"kind","code","status","status_text","source","format","title",
                      "detail","retry","advice","schedule","cause","solution"}
  "status"           {"kind","status","status_text","is_error","retry","advice",
                      "schedule","codes","gateway_messages"}
  "gateway-message"  {"kind","message","gateway","status","status_text","retry",
                      "advice","schedule","cause","solution"}
  "retry" is no-retry, backoff or reauthenticate; "schedule" is the wait in
  seconds before each resend ([3,6,12,24,48] for backoff, else []).

Exit status: 0 every name found; 2 bad usage or a name not found.
`

// entryJSON is the JSON form of a catalog entry, for explain and list.
type entryJSON struct {
	Kind       string    `json:"kind"` // "code"
	Code       string    `json:"code"`
	Status     int       `json:"status"`
	StatusText string    `json:"status_text"`
	Source     string    `json:"source"`
	Format     string    `json:"format"`
	Title      string    `json:"title"`
	Detail     string    `json:"detail"`
	Retry      string    `json:"retry"`
	Advice     string    `json:"advice"`
	Schedule   []float64 `json:"schedule"` // seconds before each resend
	Cause      string    `json:"cause"`
	Solution   string    `json:"solution"`
}

// statusJSON is the JSON form of a bare status.
type statusJSON struct {
	Kind            string    `json:"kind"` // "status"
	Status          int       `json:"status"`
	StatusText      string    `json:"status_text"`
	IsError         bool      `json:"is_error"`
	Retry           string    `json:"retry"` // the status alone; "" below 400
	Advice          string    `json:"advice"`
	Schedule        []float64 `json:"schedule"`
	Codes           []string  `json:"codes"`
	GatewayMessages []string  `json:"gateway_messages"`
}

// gatewayJSON is the JSON form of a known gateway message.
type gatewayJSON struct {
	Kind       string    `json:"kind"` // "gateway-message"
	Message    string    `json:"message"`
	Gateway    string    `json:"gateway"`
	Status     int       `json:"status"`
	StatusText string    `json:"status_text"`
	Retry      string    `json:"retry"`
	Advice     string    `json:"advice"`
	Schedule   []float64 `json:"schedule"`
	Cause      string    `json:"cause"`
	Solution   string    `json:"solution"`
}

// explain runs "apierr explain".
func (c *cli) explain(args []string) int {
	fs := newFlagSet("explain")
	format := formatFlag(fs)
	names, err := parseArgs(fs, args)
	if err != nil {
		return c.helpOr("explain", explainUsage, err)
	}
	if len(names) == 0 {
		return c.fail("explain",
			usagef("name a code, a seed 003 heading, a status or a gateway message"))
	}
	m := newMatcher()
	if len(names) > 1 {
		// An unquoted heading arrives as several words: take the words as
		// one name when that names something and a word alone does not.
		if phrase := strings.Join(names, " "); m.find(phrase).found() && !m.find(names[0]).found() {
			names = []string{phrase}
		}
	}
	exit, first := exitOK, true
	for _, name := range names {
		res := m.find(name)
		if !res.found() {
			fmt.Fprintf(c.stderr, "apierr explain: %s\n", notFound(m, name))
			exit = exitUsage
			continue
		}
		for _, v := range views(res) {
			if *format != formatJSON && !first {
				fmt.Fprintln(c.stdout)
			}
			first = false
			if err := v.write(c.stdout, *format); err != nil {
				return c.fail("explain", err)
			}
		}
	}
	return exit
}

// notFound says that name matched nothing, and what it may have meant.
func notFound(m *matcher, name string) string {
	if n, err := strconv.Atoi(strings.TrimSpace(name)); err == nil {
		return fmt.Sprintf("%d is not an HTTP status (want 100 to 599) nor a code", n)
	}
	msg := fmt.Sprintf("no code, heading, title or gateway message is named %q", name)
	if s := m.suggest(name); len(s) > 0 {
		return msg + "; did you mean " + orList(s) + "?"
	}
	return msg + "; run 'apierr list' for every code"
}

// orList joins names as prose: "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// view is one explained thing in every output format.
type view struct {
	note string // text and Markdown only: said before the block
	blk  block
	json any
}

func (v view) write(w io.Writer, format outputFormat) error {
	switch format {
	case formatJSON:
		return writeJSON(w, v.json)
	case formatMarkdown:
		if v.note != "" {
			fmt.Fprintf(w, "%s\n\n", mdCell(v.note))
		}
		writeMarkdown(w, v.blk)
	default:
		if v.note != "" {
			fmt.Fprintf(w, "%s\n\n", strings.Join(wrap(v.note, textWidth), "\n"))
		}
		writeText(w, v.blk)
	}
	return nil
}

// views turns a match into what explain prints.
func views(res match) []view {
	switch {
	case res.status != 0:
		return []view{statusView(res.status)}
	case res.gateway != nil:
		return []view{gatewayView(*res.gateway)}
	}
	out := make([]view, len(res.entries))
	for i, e := range res.entries {
		out[i] = entryView(e)
	}
	if len(out) > 1 {
		out[0].note = ambiguityNote(res)
	}
	return out
}

// ambiguityNote says that a name matched several codes and, when their
// statuses differ, how to pick one.
func ambiguityNote(res match) string {
	codes := make([]string, len(res.entries))
	statuses := map[int]bool{}
	for i, e := range res.entries {
		codes[i] = fmt.Sprintf("%s (%d)", e.Code, e.Status)
		statuses[e.Status] = true
	}
	note := fmt.Sprintf("%q names %d codes: %s.", res.query, len(codes),
		strings.Join(codes, ", "))
	if len(statuses) == len(codes) {
		note += fmt.Sprintf(" Put the status first to pick one: apierr explain \"%d %s\".",
			res.entries[0].Status, strings.TrimSpace(res.query))
	}
	return note
}

// entryView is a catalog entry, every field of it.
func entryView(e apierr.Entry) view {
	b := block{heading: string(e.Code), mdHeading: mdCode(string(e.Code))}
	b.add("status", statusLine(e.Status))
	b.add("source", e.Source)
	b.add("format", e.Format.String())
	b.add("title", e.Title)
	b.add("detail", e.Detail)
	b.add("retry", verdict(e.Retry))
	b.add("cause", e.Cause)
	b.add("solution", e.Solution)
	return view{blk: b, json: toEntryJSON(e)}
}

func toEntryJSON(e apierr.Entry) entryJSON {
	return entryJSON{
		Kind: "code", Code: string(e.Code), Status: e.Status,
		StatusText: apierr.StatusText(e.Status), Source: e.Source, Format: e.Format.String(),
		Title: e.Title, Detail: e.Detail, Retry: e.Retry.String(), Advice: advice(e.Retry),
		Schedule: scheduleSeconds(e.Retry), Cause: e.Cause, Solution: e.Solution,
	}
}

// statusView is a bare status: what the status alone says, and which codes
// and gateway messages the catalog documents under it.
func statusView(status int) view {
	j := statusJSON{Kind: "status", Status: status, StatusText: apierr.StatusText(status),
		IsError: status >= 400, Schedule: []float64{}, Codes: []string{},
		GatewayMessages: []string{}}
	b := block{heading: statusLine(status)}
	if status < 400 {
		b.add("retry", "not an error status: nothing to resend")
	} else {
		class := apierr.StatusRetry(status)
		j.Retry, j.Advice, j.Schedule = class.String(), advice(class), scheduleSeconds(class)
		b.add("retry", verdict(class))
		b.add("note", "what the status alone says; a code in the catalog brings its own class")
	}
	var entries []apierr.Entry
	for e := range apierr.Entries() {
		if e.Status == status {
			entries = append(entries, e)
			j.Codes = append(j.Codes, string(e.Code))
		}
	}
	width := 0
	for _, e := range entries {
		width = max(width, len(e.Code))
	}
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = fmt.Sprintf("%-*s  %-14s  %s", width, e.Code, e.Retry, e.Source)
	}
	if len(lines) == 0 {
		lines = append(lines, "none in the catalog")
	}
	b.add("codes", strings.Join(lines, "\n"))
	var msgs []string
	for g := range apierr.GatewayMessages() {
		if g.Status == status {
			j.GatewayMessages = append(j.GatewayMessages, g.Message)
			msgs = append(msgs, fmt.Sprintf("%q (%s)", g.Message, g.Gateway))
		}
	}
	b.add("gateway", strings.Join(msgs, "\n"))
	return view{blk: b, json: j}
}

// gatewayView is a gateway's message sent in place of a documented error.
func gatewayView(g apierr.GatewayMessage) view {
	class := apierr.StatusRetry(g.Status)
	b := block{heading: strconv.Quote(g.Message)}
	b.add("gateway", g.Gateway)
	b.add("status", statusLine(g.Status))
	b.add("retry", verdict(class))
	b.add("cause", g.Cause)
	b.add("solution", g.Solution)
	return view{blk: b, json: gatewayJSON{
		Kind: "gateway-message", Message: g.Message, Gateway: g.Gateway, Status: g.Status,
		StatusText: apierr.StatusText(g.Status), Retry: class.String(), Advice: advice(class),
		Schedule: scheduleSeconds(class), Cause: g.Cause, Solution: g.Solution,
	}}
}
