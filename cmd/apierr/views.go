// This file turns what a name matched into views: a catalog entry, a bare
// status with its codes, a gateway message.

package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apierr/apierr"
)

// entryJSON is the JSON form of a catalog entry, for explain and list.
type entryJSON struct {
	Kind       string    `json:"kind"` // "code"
	Code       string    `json:"code"`
	Status     int       `json:"status"`
	StatusText string    `json:"status_text"`
	Source     string    `json:"source"`
	Format     string    `json:"format"`
	Summary    string    `json:"summary"` // in English, beside texts in Portuguese or Spanish
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
	Summary    string    `json:"summary"`
	Source     string    `json:"source"` // where it was seen
	Retry      string    `json:"retry"`
	Advice     string    `json:"advice"`
	Schedule   []float64 `json:"schedule"`
	Cause      string    `json:"cause"`
	Solution   string    `json:"solution"`
}

// views turns a match into what explain prints.
func (c *cli) views(res match) []view {
	switch {
	case res.status != 0:
		return []view{c.statusView(res.status)}
	case len(res.gateways) > 0:
		out := make([]view, len(res.gateways))
		for i, g := range res.gateways {
			out[i] = gatewayView(g)
		}
		return out
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
	b.add("summary", e.Summary)
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
		Summary: e.Summary, Title: e.Title, Detail: e.Detail, Retry: e.Retry.String(),
		Advice:   advice(e.Retry),
		Schedule: scheduleSeconds(e.Retry), Cause: e.Cause, Solution: e.Solution,
	}
}

// statusView is a bare status: what the status alone says, and which codes
// and gateway messages the catalog documents under it.
func (c *cli) statusView(status int) view {
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
	for e := range c.catalog.Entries() {
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
			if !slices.Contains(j.GatewayMessages, g.Message) {
				j.GatewayMessages = append(j.GatewayMessages, g.Message)
			}
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
	b.add("summary", g.Summary)
	b.add("seen", g.Source)
	b.add("retry", verdict(class))
	b.add("cause", g.Cause)
	b.add("solution", g.Solution)
	return view{blk: b, json: gatewayJSON{
		Kind: "gateway-message", Message: g.Message, Gateway: g.Gateway, Status: g.Status,
		StatusText: apierr.StatusText(g.Status), Summary: g.Summary, Source: g.Source,
		Retry: class.String(), Advice: advice(class), Schedule: scheduleSeconds(class),
		Cause: g.Cause, Solution: g.Solution,
	}}
}
