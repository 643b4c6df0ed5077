// Package apierr gives API servers and clients one error model for the APIs
// of Brick Bank (Open Finance Brasil), TrustedX and RFC 6750 bearer tokens.
//
// The catalog maps every documented error [Code] to its [Entry]: HTTP status,
// title, default detail, wire [Format] and [RetryClass]. Servers return
// [New] errors and write them with [Write]; clients turn any error response
// into an [*Error] with [FromResponse]; [Transport] resends what the catalog
// calls transient, on the documented schedule.
package apierr

import (
	"fmt"
	"iter"
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
func (c RetryClass) String() string {
	if int(c) < len(retryClassNames) {
		return retryClassNames[c]
	}
	return fmt.Sprintf("RetryClass(%d)", uint8(c))
}

// MarshalText encodes c as its [RetryClass.String] name; an undefined class
// is an error rather than a name no reader could decode.
func (c RetryClass) MarshalText() ([]byte, error) {
	if int(c) >= len(retryClassNames) {
		return nil, fmt.Errorf("apierr: cannot marshal undefined RetryClass(%d)", uint8(c))
	}
	return []byte(retryClassNames[c]), nil
}

// UnmarshalText decodes a name written by [RetryClass.MarshalText].
func (c *RetryClass) UnmarshalText(text []byte) error {
	for i, name := range retryClassNames {
		if string(text) == name {
			*c = RetryClass(i)
			return nil
		}
	}
	return fmt.Errorf("apierr: unknown retry class %q (want no-retry, backoff or reauthenticate)",
		text)
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
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// MarshalText encodes f as its [Format.String] name.
func (f Format) MarshalText() ([]byte, error) {
	if int(f) >= len(formatNames) {
		return nil, fmt.Errorf("apierr: cannot marshal undefined Format(%d)", uint8(f))
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText decodes a name written by [Format.MarshalText].
func (f *Format) UnmarshalText(text []byte) error {
	for i, name := range formatNames {
		if string(text) == name {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("apierr: unknown format %q", text)
}

// Entry is one documented error: what a server sends and what a client
// should make of it. Texts are the seeds' own, character for character.
type Entry struct {
	Code     Code
	Status   int
	Title    string
	Detail   string // the default detail written on the wire
	Retry    RetryClass
	Format   Format
	Source   string // "Brick Bank", "TrustedX", "RFC 6750"
	Cause    string // why it happens, in the seed's language; may be empty
	Solution string // the documented fix; may be empty
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

// GatewayMessage is a message an API gateway sends in place of a documented
// error body ({"message":"no Route matched with those values"}), with the
// cause and fix the documents give for it. [FromResponse] puts the message in
// [Error.Detail] with an empty code; [LookupMessage] explains it.
type GatewayMessage struct {
	Message  string // the body's "message", verbatim
	Status   int    // the status the gateway sends it with
	Gateway  string // "Kong"
	Cause    string
	Solution string
}

// LookupMessage returns what the documents say of a gateway's message,
// matched exactly.
func LookupMessage(message string) (GatewayMessage, bool) {
	for _, m := range gatewayMessages {
		if m.Message == message {
			return m, true
		}
	}
	return GatewayMessage{}, false
}

// GatewayMessages yields every known gateway message.
func GatewayMessages() iter.Seq[GatewayMessage] {
	return func(yield func(GatewayMessage) bool) {
		for _, m := range gatewayMessages {
			if !yield(m) {
				return
			}
		}
	}
}
