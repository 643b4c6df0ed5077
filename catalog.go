// This file holds the catalog's types: codes, entries, retry classes and
// wire formats, and the lookups over the documented entries.

package apierr

import (
	"fmt"
	"iter"
	"strings"
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
	Source   string     `json:"source,omitempty"`  // "Brick Bank", "TrustedX", "RFC 6750", "RFC 6749", or the app's
	Summary  string     `json:"summary,omitempty"` // one English sentence; never written on the wire
	Cause    string     `json:"cause,omitempty"`   // why it happens, in its document's language
	Solution string     `json:"solution,omitempty"`
}

// catalogIndex finds an entry's place in catalog. Built once from the
// literal table, so the table stays the only place a code is written.
var catalogIndex = func() map[Code]int {
	m := make(map[Code]int, len(catalog))
	for i, e := range catalog {
		m[e.Code] = i
	}
	return m
}()

// Lookup returns the catalog entry for code. It does not allocate.
func Lookup(code Code) (Entry, bool) {
	i, ok := catalogIndex[code]
	if !ok {
		return Entry{}, false
	}
	return catalog[i], true
}

// Entries yields every catalog entry, ordered by status then code.
func Entries() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range catalog {
			if !yield(e) {
				return
			}
		}
	}
}
