// Package apierrtest proves an HTTP client against every failure the APIs
// of Brick Bank, TrustedX and RFC 6750 document, and an API server against
// what those documents say its errors look like. Nothing leaves loopback
// and nothing sleeps.
//
// For a client:
//
//   - [NewServer] starts a server that answers with a script of steps —
//     [Respond] with a catalog error, [Status] with anything, [Reset] the
//     connection, a [Truncated] body, or a gateway's own page such as
//     [NginxBadGateway] or [KongNoRoute], byte for byte as those gateways
//     send it — and records every request ([Server.Requests]);
//   - a [Sleeper] stands in for [apierr.Transport]'s Sleep and Now: it
//     records each wait and returns at once, so the documented 3 s, 6 s,
//     12 s, 24 s, 48 s schedule is an assertion, not 93 seconds, and its
//     clock advances by those waits for the Transport's budget;
//   - [Failures] lists every documented failure with what a client that
//     follows the documents does about it: one table test covers them all.
//
// For a server, [CheckResponse] judges an error response against the
// documents' rules and reports every rule it breaks.
//
// The files: step.go (steps), pages.go (gateway pages, with the captures
// under captures/), server.go and conn.go (the server), sleeper.go,
// failures.go, check.go and checkbody.go (the conformance check).
package apierrtest
