// This file holds the Error type: what New and Wrap build for a server and
// FromResponse reads for a client, its With… methods, and the accessors
// (CodeOf, StatusOf, RetryOf) that read any error's chain.

package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr/internal/text"
)

// Error is an API error: built from a catalog by a server ([New], [Wrap],
// [Catalog.New]) and written by [Write], or read from a response by a
// client ([FromResponse], the [Transport]).
//
// An application's own codes belong in a [Catalog] ([Catalog.With]), so
// that clients and the command line know them too; an Error literal also
// works, and [Write] honours its fields:
//
//	&apierr.Error{Status: 409, Code: "SALDO_INSUFICIENTE", Title: "Saldo insuficiente",
//		Format: apierr.FormatCodeTitleDetail}
type Error struct {
	// Status is the HTTP status: the entry's on the server (Write sends
	// 500 for one outside 400–599), the response's on the client.
	Status int
	// Code is the error code: the body's, or the Bearer challenge's error
	// when the body has none; "" for a gateway's page or an empty body.
	Code Code
	// Title and Detail are the documented texts on the server (WithDetail
	// replaces the detail); on the client, the body's, filled in from the
	// catalog when the body lacks them and the code is known. Detail holds
	// a gateway's message or an HTML page's title.
	Title  string
	Detail string
	// Details is error_details, or a problem+json body's extension
	// members as one object; nil when absent. Set by WithDetails.
	Details json.RawMessage
	// Format is the wire format: the entry's on the server (WithFormat
	// changes it), what was seen on the client (FormatBearer when a Bearer
	// challenge carries an error).
	Format Format
	// Retry is what to do about it: the entry's class, or on the client
	// the class FromResponse's rules give the response.
	Retry RetryClass
	// RetryAfter is sent as Retry-After by a server (WithRetryAfter); on
	// the client, the wait the response's Retry-After asked for.
	RetryAfter time.Duration
	// Challenge is the Bearer challenge: the parameters a server adds
	// (WithScope), or the first Bearer challenge a client received, with
	// its realm, scope, service, error and the rest.
	Challenge *Challenge
	// Gateway is set on the client when a gateway or proxy answered in
	// the API's place ("nginx", "Kong", …): the request may not have
	// reached the API. "" when the API answered.
	Gateway string
	// Header is the response's headers, on the client side.
	Header http.Header
	// Raw is the body as received (before any gzip or deflate decoding),
	// at most MaxErrorBody bytes, on the client side.
	Raw []byte

	cause    error // Wrap's cause: for logs and errors.Is/As, never the wire
	received bool  // read from another server's response: never written as this server's
	// gatewayMessage is 1 + the index of the stock answer the response was
	// recognised as, 0 for none.
	gatewayMessage int
	unknown        Code  // a code New could not find, kept for Error and logs
	detailsErr     error // why WithDetails dropped its value, kept for logs
}

// New returns the documented error for code, ready to write:
// Documented().New(code).
//
// An unknown code is a programming error, but one that must not reach a
// client as a made-up status: the result is ERRO_INTERNO (500), and the
// unknown code shows in [Error.Error] and in logs.
func New(code Code) *Error { return documented.New(code) }

// New returns c's error for code, ready to write. An unknown code gives
// ERRO_INTERNO, as [New] does, with the unknown code kept for logs.
func (c *Catalog) New(code Code) *Error {
	if e, ok := c.Lookup(code); ok {
		return fromEntry(e)
	}
	internal, _ := documented.Lookup(ErroInterno)
	err := fromEntry(internal)
	err.unknown = code
	return err
}

func fromEntry(e Entry) *Error {
	return &Error{
		Status: e.Status,
		Code:   e.Code,
		Title:  e.Title,
		Detail: e.Detail,
		Format: e.Format,
		Retry:  e.Retry,
	}
}

// Wrap is [New] with the cause that led to it. The cause is for logs
// ([Error.LogValue]) and for [errors.Is] and [errors.As]; it is never
// written on the wire, nor part of [Error.Error].
func Wrap(code Code, cause error) *Error {
	e := New(code)
	e.cause = cause
	return e
}

// clone is a deep copy: no map or slice is shared with e, so a With…
// method can never change the receiver, another copy, or the catalog.
func (e *Error) clone() *Error {
	c := *e
	c.Details = bytes.Clone(e.Details)
	c.Raw = bytes.Clone(e.Raw)
	c.Header = e.Header.Clone()
	if e.Challenge != nil {
		ch := *e.Challenge
		ch.Params = maps.Clone(ch.Params)
		c.Challenge = &ch
	}
	return &c
}

// WithDetail returns a copy of e whose detail is detail.
func (e *Error) WithDetail(detail string) *Error {
	if e == nil {
		return nil
	}
	c := e.clone()
	c.Detail = detail
	return c
}

// WithDetails returns a copy of e with details marshalled at once into
// [Error.Details], written as error_details in an OAuth body or as
// extension members of a problem+json one; a {"code","title","detail"}
// body has no place for them, so they are not written there. A value that
// does not marshal is dropped; the marshalling error is kept for logs,
// never sent.
func (e *Error) WithDetails(details any) *Error {
	if e == nil {
		return nil
	}
	c := e.clone()
	c.Details, c.detailsErr = nil, nil
	raw, err := json.Marshal(details)
	if err != nil {
		c.detailsErr = err
		return c
	}
	c.Details = raw
	return c
}

// WithFormat returns a copy of e written in format f: a token endpoint
// answers New(InvalidRequest).WithFormat(FormatOAuth), an OAuth body with
// no challenge, where a resource server sends the Bearer challenge.
func (e *Error) WithFormat(f Format) *Error {
	if e == nil {
		return nil
	}
	c := e.clone()
	c.Format = f
	return c
}

// WithScope returns a copy of e whose Bearer challenge names the scopes the
// resource needs (RFC 6750 §3: scope="a b"), as insufficient_scope should.
// No scopes removes the parameter.
func (e *Error) WithScope(scope ...string) *Error {
	if e == nil {
		return nil
	}
	c := e.clone()
	if c.Challenge == nil {
		c.Challenge = &Challenge{Scheme: "Bearer"}
	}
	if len(scope) == 0 {
		delete(c.Challenge.Params, "scope")
		return c
	}
	if c.Challenge.Params == nil {
		c.Challenge.Params = make(map[string]string, 1)
	}
	c.Challenge.Params["scope"] = strings.Join(scope, " ")
	return c
}

// WithRetryAfter returns a copy of e that tells the client to wait d before
// resending (Retry-After, in whole seconds, rounded up). A negative d is 0.
func (e *Error) WithRetryAfter(d time.Duration) *Error {
	if e == nil {
		return nil
	}
	c := e.clone()
	c.RetryAfter = max(d, 0)
	return c
}

// InteractionID returns the response's x-fapi-interaction-id: the id to
// quote to a service desk (Brick Bank: "identifique o x-fapi-interaction-id e
// abra um chamado"). It is "" on the server side and when absent.
func (e *Error) InteractionID() string {
	if e == nil {
		return ""
	}
	return e.Header.Get("X-Fapi-Interaction-Id")
}

// Error returns the status, the code and the detail (the title when there is
// no detail). It never includes the raw body or the wrapped cause, so it is
// safe to show; control characters a server sent (CR, LF, ESC…) are quoted
// ("\r", "\x1b"), so they cannot forge a log line or drive a terminal.
func (e *Error) Error() string {
	if e == nil {
		return "apierr: <nil>"
	}
	b := make([]byte, 0, 32+len(e.Code)+len(e.Detail))
	b = append(b, "apierr: "...)
	b = strconv.AppendInt(b, int64(e.Status), 10)
	if e.Code != "" {
		b = append(b, ' ')
		b = text.AppendQuoted(b, string(e.Code))
	}
	if e.unknown != "" {
		b = append(b, " (unknown code "...)
		b = strconv.AppendQuote(b, string(e.unknown))
		b = append(b, ')')
	}
	msg := e.Detail
	if msg == "" {
		msg = e.Title
	}
	if msg != "" {
		b = append(b, ": "...)
		b = text.AppendQuoted(b, msg)
	}
	return string(b)
}

// Unwrap returns the cause given to [Wrap], if any.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.cause
}

// Is reports whether target is an *Error with the same non-empty code, so
// errors.Is(err, apierr.New(apierr.TokenInativo)) matches any TOKEN_INATIVO.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && e != nil && t != nil && t.Code != "" && t.Code == e.Code
}

// LogValue makes slog log e as a group: code, status, retry class, detail,
// the interaction id, the gateway that answered, Retry-After and the
// wrapped cause. Logs are where the cause belongs.
func (e *Error) LogValue() slog.Value {
	if e == nil {
		return slog.StringValue("<nil>")
	}
	attrs := make([]slog.Attr, 0, 10)
	attrs = append(attrs,
		slog.String("code", string(e.Code)),
		slog.Int("status", e.Status),
		slog.String("retry", e.Retry.String()),
	)
	if e.unknown != "" {
		attrs = append(attrs, slog.String("unknown_code", string(e.unknown)))
	}
	if e.Detail != "" {
		attrs = append(attrs, slog.String("detail", e.Detail))
	}
	if id := e.InteractionID(); id != "" {
		attrs = append(attrs, slog.String("interaction_id", id))
	}
	if e.Gateway != "" {
		attrs = append(attrs, slog.String("gateway", e.Gateway))
	}
	if e.RetryAfter > 0 {
		attrs = append(attrs, slog.Duration("retry_after", e.RetryAfter))
	}
	if e.cause != nil {
		attrs = append(attrs, slog.Any("cause", e.cause))
	}
	if e.detailsErr != nil {
		attrs = append(attrs, slog.String("details_error", e.detailsErr.Error()))
	}
	return slog.GroupValue(attrs...)
}

// CodeOf returns the code of the first *Error in err's chain: "" for nil,
// and ERRO_INTERNO for any other error, as a server would write it. An
// *Error read from a response keeps its own code here, for the client that
// reads it; [Write] answers it as ERRO_INTERNO all the same.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	if e, ok := errors.AsType[*Error](err); ok && e != nil {
		return e.Code
	}
	return ErroInterno
}

// StatusOf returns the status a server writes for err: 0 for nil, the
// *Error's status, and 500 for any other error or a status outside
// 400–599. An *Error read from a response keeps its own status here, for
// the client that reads it; [Write] answers it with 500.
func StatusOf(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := errors.AsType[*Error](err); ok && e != nil && validStatus(e.Status) {
		return e.Status
	}
	return http.StatusInternalServerError
}

// validStatus reports whether an error may be written with status s.
func validStatus(s int) bool { return s >= 400 && s <= 599 }

// RetryOf says what to do about err: the class of the first *Error in its
// chain; [Backoff] for a transport failure that no server acted on or that
// is worth another try (connection refused or reset, EOF before a response,
// a dial that failed, the [Transport]'s own per-attempt timeout); [NoRetry]
// for anything else, the caller's context and http.Client.Timeout included
// (the caller chose to stop), and TLS verification failures (they fail the
// same way again).
func RetryOf(err error) RetryClass {
	if err == nil {
		return NoRetry
	}
	if e, ok := errors.AsType[*Error](err); ok && e != nil {
		return e.Retry
	}
	return transportRetry(err)
}

// IsRetryable reports whether err is worth resending on the backoff
// schedule: RetryOf(err) == Backoff.
func IsRetryable(err error) bool { return RetryOf(err) == Backoff }

// IsReauthenticate reports whether err asks for new credentials before a
// resend: RetryOf(err) == Reauthenticate.
func IsReauthenticate(err error) bool { return RetryOf(err) == Reauthenticate }
