// This file holds the catalog's types: codes, entries, retry classes and
// wire formats, and the lookups over the documented entries.

package apierr

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"
)

// Code is a documented error code as it appears on the wire: a Brick Bank
// code ("CONSENTIMENTO_INVALIDO"), a TrustedX exception name
// ("NotSupportedException") or an RFC 6750 bearer error ("invalid_token").
type Code string

// RetryClass says what a client should do with a failed request.
type RetryClass uint8

const (
	// NoRetry: the request is wrong; resending it fails again.
	NoRetry RetryClass = iota
	// Backoff: the failure is transient; resend on the [Policy] schedule.
	Backoff
	// Reauthenticate: credentials are missing or expired; get a new token,
	// then resend once.
	Reauthenticate
)

var retryClassNames = [...]string{
	NoRetry:        "no-retry",
	Backoff:        "backoff",
	Reauthenticate: "reauthenticate",
}

// String returns "no-retry", "backoff" or "reauthenticate".
func (c RetryClass) String() string { return enumString(retryClassNames[:], c, "RetryClass") }

// MarshalText encodes c as its [RetryClass.String] name; an undefined class
// is an error rather than a name no reader could decode.
func (c RetryClass) MarshalText() ([]byte, error) {
	return enumMarshal(retryClassNames[:], c, "RetryClass")
}

// UnmarshalText decodes a name written by [RetryClass.MarshalText].
func (c *RetryClass) UnmarshalText(text []byte) error {
	return enumUnmarshal(retryClassNames[:], text, c, "retry class")
}

// Format is the shape of an error on the wire.
type Format uint8

const (
	// FormatUnknown: no documented format matched.
	FormatUnknown Format = iota
	// FormatCodeTitleDetail: a {"code","title","detail"} body (Brick Bank).
	FormatCodeTitleDetail
	// FormatOAuth: an {"error","error_description","error_details"} body
	// (TrustedX, OAuth 2.0).
	FormatOAuth
	// FormatBearer: a WWW-Authenticate: Bearer error="…" challenge plus an
	// OAuth body (RFC 6750).
	FormatBearer
	// FormatProblem: an application/problem+json body (RFC 9457).
	FormatProblem
)

var formatNames = [...]string{
	FormatUnknown:         "unknown",
	FormatCodeTitleDetail: "code-title-detail",
	FormatOAuth:           "oauth",
	FormatBearer:          "bearer",
	FormatProblem:         "problem",
}

// String returns "unknown", "code-title-detail", "oauth", "bearer" or
// "problem".
func (f Format) String() string { return enumString(formatNames[:], f, "Format") }

// MarshalText encodes f as its [Format.String] name.
func (f Format) MarshalText() ([]byte, error) { return enumMarshal(formatNames[:], f, "Format") }

// UnmarshalText decodes a name written by [Format.MarshalText].
func (f *Format) UnmarshalText(text []byte) error {
	return enumUnmarshal(formatNames[:], text, f, "format")
}

// enumString, enumMarshal and enumUnmarshal give RetryClass and Format their
// names: one table each, read the same way.
func enumString[E ~uint8](names []string, v E, typ string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

func enumMarshal[E ~uint8](names []string, v E, typ string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("apierr: cannot marshal undefined %s(%d)", typ, uint8(v))
	}
	return []byte(names[v]), nil
}

func enumUnmarshal[E ~uint8](names []string, text []byte, v *E, what string) error {
	for i, name := range names {
		if string(text) == name {
			*v = E(i)
			return nil
		}
	}
	return fmt.Errorf("apierr: unknown %s %q (want one of %s)", what, text,
		strings.Join(names, ", "))
}

// Entry is one error code: what a server sends and what a client should
// make of it. The documented entries' texts are their documents' own,
// character for character; an application's entries are its own.
type Entry struct {
	Code     Code       `json:"code"`
	Status   int        `json:"status"`
	Title    string     `json:"title"`
	Detail   string     `json:"detail,omitempty"` // the default detail written on the wire
	Retry    RetryClass `json:"retry"`
	Format   Format     `json:"format"`
	Source   string     `json:"source,omitempty"`  // "Brick Bank", "TrustedX", "RFC 6750", "RFC 6749", an app's
	Summary  string     `json:"summary,omitempty"` // one English sentence; never written on the wire
	Cause    string     `json:"cause,omitempty"`   // why it happens, in its document's language
	Solution string     `json:"solution,omitempty"`
}

// A Catalog is an immutable set of entries: the documented ones
// ([Documented]), an application's own ([NewCatalog]), or both
// ([Catalog.With]). Lookups never allocate. A Catalog is safe for
// concurrent use; the zero Catalog and a nil *Catalog are empty.
type Catalog struct {
	entries []Entry      // ordered by status then code
	index   map[Code]int // code → its place in entries
}

// documented is built once from the literal table, so the table stays the
// only place a documented code is written.
var documented = func() *Catalog {
	c, err := NewCatalog(catalog[:]...)
	if err != nil {
		panic("apierr: the documented catalog does not validate: " + err.Error())
	}
	return c
}()

// Documented returns the catalog of every documented entry: the Brick Bank,
// TrustedX, RFC 6750 and RFC 6749 codes. It is the same *Catalog on every
// call, and the one the package-level functions ([Lookup], [New],
// [FromResponse]) use.
func Documented() *Catalog { return documented }

// NewCatalog returns a catalog of entries. It validates every entry and
// reports every problem at once (joined with [errors.Join]), each naming its
// entry: an empty code, a code given twice, a status outside 400–599, an
// empty title, an undefined Retry or Format.
func NewCatalog(entries ...Entry) (*Catalog, error) {
	return (*Catalog)(nil).With(entries...)
}

// With returns a new catalog holding c's entries and these. c is unchanged.
// The new entries are validated as by [NewCatalog]; a code c already holds
// is a problem too, so an application cannot silently redefine a
// documented code:
//
//	cat, err := apierr.Documented().With(apierr.Entry{
//		Code: "SALDO_INSUFICIENTE", Status: 422, Title: "Saldo insuficiente",
//	})
func (c *Catalog) With(entries ...Entry) (*Catalog, error) {
	var old []Entry
	if c != nil {
		old = c.entries
	}
	all := make([]Entry, 0, len(old)+len(entries))
	all = append(all, old...)
	index := make(map[Code]int, len(old)+len(entries))
	for i, e := range old {
		index[e.Code] = i
	}
	var problems []error
	for i, e := range entries {
		if err := checkEntry(e, index, old); err != nil {
			problems = append(problems, fmt.Errorf("apierr: entry %d (%q): %w", i, e.Code, err))
			continue
		}
		index[e.Code] = len(all)
		all = append(all, e)
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	slices.SortStableFunc(all, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Status, b.Status), strings.Compare(string(a.Code), string(b.Code)))
	})
	for i, e := range all {
		index[e.Code] = i
	}
	return &Catalog{entries: all, index: index}, nil
}

// checkEntry returns every rule e breaks, or nil; seen holds the codes
// already in the catalog being built, at their place: those below
// len(old) came from the catalog With was called on.
func checkEntry(e Entry, seen map[Code]int, old []Entry) error {
	var problems []string
	if i, dup := seen[e.Code]; e.Code == "" {
		problems = append(problems, "empty code")
	} else if dup && i < len(old) {
		problems = append(problems, fmt.Sprintf("code already in the catalog (%s): "+
			"an application cannot redefine it", cmp.Or(old[i].Source, "an earlier entry")))
	} else if dup {
		problems = append(problems, "code given twice")
	}
	if !validStatus(e.Status) {
		problems = append(problems, fmt.Sprintf("status %d is outside 400–599", e.Status))
	}
	if strings.TrimSpace(e.Title) == "" {
		problems = append(problems, "empty title")
	}
	if int(e.Retry) >= len(retryClassNames) {
		problems = append(problems, fmt.Sprintf("undefined retry class %d", e.Retry))
	}
	if int(e.Format) >= len(formatNames) {
		problems = append(problems, fmt.Sprintf("undefined format %d", e.Format))
	}
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "; "))
}

// Lookup returns the entry for code. It does not allocate.
func (c *Catalog) Lookup(code Code) (Entry, bool) {
	if c == nil {
		return Entry{}, false
	}
	i, ok := c.index[code]
	if !ok {
		return Entry{}, false
	}
	return c.entries[i], true
}

// Entries yields every entry, ordered by status then code.
func (c *Catalog) Entries() iter.Seq[Entry] {
	var entries []Entry
	if c != nil {
		entries = c.entries
	}
	return slices.Values(entries)
}

// Len returns the number of entries.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.entries)
}

// Lookup returns the documented entry for code: Documented().Lookup. It
// does not allocate.
func Lookup(code Code) (Entry, bool) { return documented.Lookup(code) }

// Entries yields every documented entry, ordered by status then code:
// Documented().Entries.
func Entries() iter.Seq[Entry] { return documented.Entries() }

// maxEntriesInput bounds what [ReadEntries] reads: a catalog of 10 000
// entries with long texts fits many times over.
const maxEntriesInput = 32 << 20

// entryJSON is an [Entry] as [ReadEntries] reads it: retry and format may
// be left out, and are parsed here so that a bad name gets its position.
type entryJSON struct {
	Code     Code    `json:"code"`
	Status   int     `json:"status"`
	Title    string  `json:"title"`
	Detail   string  `json:"detail"`
	Retry    *string `json:"retry"`
	Format   *string `json:"format"`
	Source   string  `json:"source"`
	Summary  string  `json:"summary"`
	Cause    string  `json:"cause"`
	Solution string  `json:"solution"`
}

// ReadEntries reads a JSON array of entries, each an object with [Entry]'s
// JSON member names ("code", "status", "title", "retry": "backoff", …). A
// missing "retry" is [StatusRetry] of the status; a missing "format" is
// "code-title-detail". An unknown member (a misspelt "stauts") is an
// error, as is anything but one array; every error gives its line and
// column. The entries are not validated here: [NewCatalog] and
// [Catalog.With] do that, reporting every problem at once.
func ReadEntries(r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxEntriesInput+1))
	if err != nil {
		return nil, fmt.Errorf("apierr: reading entries: %w", err)
	}
	if len(data) > maxEntriesInput {
		return nil, fmt.Errorf("apierr: entries: more than %d MiB", maxEntriesInput>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, entriesError(data, skipSpace(data, 0), -1, "want a JSON array of entries")
	}
	var entries []Entry
	for i := 0; dec.More(); i++ {
		start := skipSpace(data, int(dec.InputOffset()))
		if start < len(data) && data[start] == ',' {
			start = skipSpace(data, start+1)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, entriesError(data, start, i, syntaxText(err))
		}
		e, off, err := decodeEntry(raw)
		if err != nil {
			return nil, entriesError(data, start+off, i, err.Error())
		}
		entries = append(entries, e)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != nil { // the closing ']'
		return nil, entriesError(data, skipSpace(data, end), -1, "want ']' to close the array")
	}
	if rest := skipSpace(data, int(dec.InputOffset())); rest < len(data) {
		return nil, entriesError(data, rest, -1, "data after the array")
	}
	return entries, nil
}

// decodeEntry decodes one array element, and on failure says where in it
// the fault is.
func decodeEntry(raw json.RawMessage) (Entry, int, error) {
	if len(raw) == 0 || raw[0] != '{' {
		return Entry{}, 0, errors.New("want an object")
	}
	at, err := memberOffsets(raw)
	if err != nil {
		return Entry{}, at[""], err
	}
	var j entryJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		if typeErr, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			return Entry{}, at[typeErr.Field], fmt.Errorf("member %q: want %s, found %s",
				typeErr.Field, typeErr.Type, typeErr.Value)
		}
		return Entry{}, 0, errors.New(strings.TrimPrefix(err.Error(), "json: "))
	}
	e := Entry{
		Code: j.Code, Status: j.Status, Title: j.Title, Detail: j.Detail,
		Retry: StatusRetry(j.Status), Format: FormatCodeTitleDetail,
		Source: j.Source, Summary: j.Summary, Cause: j.Cause, Solution: j.Solution,
	}
	if j.Retry != nil {
		if err := e.Retry.UnmarshalText([]byte(*j.Retry)); err != nil {
			return Entry{}, at["retry"], errors.New(strings.TrimPrefix(err.Error(), "apierr: "))
		}
	}
	if j.Format != nil {
		if err := e.Format.UnmarshalText([]byte(*j.Format)); err != nil {
			return Entry{}, at["format"], errors.New(strings.TrimPrefix(err.Error(), "apierr: "))
		}
	}
	return e, 0, nil
}

// entryMembers are the member names [ReadEntries] accepts.
var entryMembers = map[string]bool{
	"code": true, "status": true, "title": true, "detail": true, "retry": true,
	"format": true, "source": true, "summary": true, "cause": true, "solution": true,
}

// memberOffsets returns where each member of the object raw starts. A
// member [ReadEntries] does not accept is an error, its offset under "".
// Names match exactly: encoding/json would take "Status" for "status",
// which would hide a misspelling in a file meant for other readers too.
func memberOffsets(raw json.RawMessage) (map[string]int, error) {
	at := make(map[string]int, len(entryMembers))
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // '{'
		return at, nil // json.Unmarshal reports the syntax
	}
	for dec.More() {
		off := skipSpace(raw, int(dec.InputOffset()))
		if off < len(raw) && raw[off] == ',' {
			off = skipSpace(raw, off+1)
		}
		tok, err := dec.Token()
		if err != nil {
			return at, nil
		}
		name, _ := tok.(string)
		if !entryMembers[name] {
			at[""] = off
			return at, fmt.Errorf("unknown member %q", name)
		}
		if _, dup := at[name]; dup {
			at[""] = off
			return at, fmt.Errorf("member %q given twice", name)
		}
		at[name] = off
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return at, nil
		}
	}
	return at, nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// syntaxText is a JSON error without encoding/json's prefix.
func syntaxText(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the array ends early"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// entriesError names the line and column of data[off] and, when entry is
// not negative, the array element.
func entriesError(data []byte, off, entry int, msg string) error {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
	if entry >= 0 {
		return fmt.Errorf("apierr: entries: line %d, column %d: entry %d: %s", line, col, entry, msg)
	}
	return fmt.Errorf("apierr: entries: line %d, column %d: %s", line, col, msg)
}
