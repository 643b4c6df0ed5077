// Package apierr gives API servers and clients one error model for the APIs
// of Brick Bank (an Open Finance Brasil platform), Izenpe's TrustedX, and
// OAuth 2.0 bearer tokens and token endpoints (RFC 6750, RFC 6749).
//
// Every documented error code is in a typed catalog ([Documented]): its
// HTTP status, title, default detail, wire [Format], [RetryClass], and the
// cause and fix its document gives, quoted character for character. An
// application adds its own codes to it ([Catalog.With], [ReadEntries]) and
// gets the same guarantees for them.
//
// Servers return catalog errors from their handlers and let [Write] send
// the documented body, status and headers; nothing of an internal error,
// or of another server's, ever reaches the wire:
//
//	func getConsent(w http.ResponseWriter, r *http.Request) error {
//		c, err := store.Consent(r.Context(), r.PathValue("id"))
//		if errors.Is(err, sql.ErrNoRows) {
//			return apierr.Wrap(apierr.ConsentimentoNaoEncontrado, err) // 404, documented texts
//		}
//		if err != nil {
//			return err // 500 ERRO_INTERNO; err goes to the log
//		}
//		return json.NewEncoder(w).Encode(c)
//	}
//
//	http.Handle("GET /consents/{id}", apierr.HandlerFunc(getConsent))
//
// Clients turn any error response, a gateway's page included, into an
// [*Error] with [FromResponse], which says what to do about it: resend on
// the backoff schedule, renew credentials, or give up. [Transport] does it
// for them: an [http.RoundTripper] that resends what the documents call
// transient, 3 s, 6 s, 12 s, 24 s and 48 s apart, within a per-host
// [Budget], and never sends a payment twice:
//
//	client := &http.Client{Transport: &apierr.Transport{}}
//
// Where things are:
//
//	catalog.go       Code, Entry, RetryClass, Format, Catalog, ReadEntries
//	catalog_data.go  the documented entries: one literal table
//	errors.go        Error, New, Wrap, the With… methods, CodeOf, StatusOf, RetryOf
//	status.go        reason phrases, each status's retry class, the method × status matrix
//	wwwauth.go       WWW-Authenticate: Challenge, ParseChallenges, the one challenge writer
//	http.go          the server side: Writer, Write, HandlerFunc, Recover, Unauthenticated
//	body.go          the bodies Write sends, and Accept negotiation
//	responsewriter.go the writer HandlerFunc and Recover give a handler
//	read.go          the client side: FromResponse, its rules, ParseRetryAfter
//	gateway.go       what gateways send in the API's place, and how it is told apart
//	json.go          the JSON string encoder and the lenient body scanner
//	retry.go         the schedule (Policy, Delay, Retry) and the per-host Budget
//	transport.go     Transport: one judged outcome per attempt, idempotency rules
//	peek.go          the Transport's bounded look at an error body
//	events.go        RetryEvent and Reason: every decision, for logs and metrics
//
// The package apierrtest proves a client against every documented failure
// and a server against the documents; the command apierr explains a code
// or a captured response to an integrator.
package apierr
