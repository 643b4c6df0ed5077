// Package apierr gives API servers and clients one error model for the APIs
// of Brick Bank (Open Finance Brasil), TrustedX and RFC 6750 bearer tokens.
//
// The catalog maps every documented error [Code] to its [Entry]: HTTP status,
// title, default detail, wire [Format] and [RetryClass]. Servers return
// [New] errors and write them with [Write]; clients turn any error response
// into an [*Error] with [FromResponse]; [Transport] resends what the catalog
// calls transient, on the documented schedule.
package apierr
