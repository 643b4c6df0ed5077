// This file holds the conformance check: an API server's error response
// judged against the documents, every rule it breaks reported at once.

package apierrtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/apierr/apierr"
)

// Rule names one rule of the documents that [CheckResponse] judges.
type Rule string

// The rules CheckResponse judges.
const (
	// RuleMethod: the status is one Open Finance Brasil's table allows for
	// the request's method ([apierr.StatusAllowed]).
	RuleMethod Rule = "method and status"
	// RuleInteractionID: a request's x-fapi-interaction-id comes back on
	// the response, unchanged.
	RuleInteractionID Rule = "interaction id"
	// RuleChallenge: a 401 carries a WWW-Authenticate challenge (RFC 9110
	// §15.5.2), and every challenge sent parses.
	RuleChallenge Rule = "challenge"
	// RuleChallengeText: a Bearer challenge's error, error_description and
	// scope use only RFC 6750 §3's characters, %x20-21 / %x23-5B / %x5D-7E.
	RuleChallengeText Rule = "challenge characters"
	// RuleBody: the body is a documented one — Brick Bank's
	// {"code","title","detail"}, the OAuth {"error","error_description"}
	// with an optional "error_details", or problem+json — valid UTF-8, each
	// member a string, a catalog code with its catalog title.
	RuleBody Rule = "documented body"
	// RuleKeyOrder: the documented members come in the documented order.
	RuleKeyOrder Rule = "key order"
	// RuleContentType: a JSON body is application/json, a problem
	// application/problem+json; a charset, when given, is utf-8.
	RuleContentType Rule = "content type"
	// RuleNoStore: an OAuth body goes out with Cache-Control: no-store
	// (RFC 6749 §5.1).
	RuleNoStore Rule = "no-store"
	// RuleProblem: a request whose Accept prefers application/problem+json
	// gets it; a problem has type, title, status, detail and code (RFC
	// 9457), its status is the response's, under about:blank its title is
	// the status phrase, and no extension member shadows a standard one.
	RuleProblem Rule = "problem+json"
	// RuleStatus: a catalog code goes out with its catalog status.
	RuleStatus Rule = "catalog status"
)

// Violation is one rule a response breaks.
type Violation struct {
	Rule Rule
	Text string // what is wrong, in one sentence
}

// Error returns the rule and the sentence: "key order: …".
func (v *Violation) Error() string { return string(v.Rule) + ": " + v.Text }

// Violations returns the violations in an error [CheckResponse] returned.
func Violations(err error) []*Violation {
	var out []*Violation
	var walk func(error)
	walk = func(err error) {
		if v, ok := err.(*Violation); ok {
			out = append(out, v)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
		}
	}
	walk(err)
	return out
}

// CheckResponse judges resp, the response to req, against the documents
// and the catalog of [apierr.Documented]: it returns every rule resp breaks,
// joined ([errors.Join]), each a [*Violation] whose sentence names its
// rule, or nil when resp follows them all. A code the catalog does not know
// is judged by every rule but [RuleStatus]. A response below 400 is judged
// only by [RuleMethod] and [RuleInteractionID].
//
// It reads at most [apierr.MaxErrorBody] bytes of resp's body and puts them
// back: the caller can still read the whole body. A nil resp, or a nil req
// when resp.Request is nil too, is an error of its own, not a violation.
func CheckResponse(req *http.Request, resp *http.Response) error {
	return CheckResponseIn(apierr.Documented(), req, resp)
}

// CheckResponseIn is [CheckResponse] against cat, an application's catalog
// with its own codes beside the documented ones: their statuses and titles
// are judged too. A nil cat knows no code.
func CheckResponseIn(cat *apierr.Catalog, req *http.Request, resp *http.Response) error {
	if resp == nil {
		return errors.New("apierrtest: CheckResponse: no response to judge")
	}
	if req == nil {
		req = resp.Request
	}
	if req == nil {
		return errors.New("apierrtest: CheckResponse: no request; pass the one resp answers")
	}
	j := &judge{cat: cat, req: req, resp: resp}
	j.methodAndStatus()
	j.interactionID()
	if resp.StatusCode >= 400 {
		j.challenges()
		j.body(readBack(resp))
		j.catalogStatus()
	}
	return errors.Join(j.found...)
}

// readBack reads a bounded prefix of resp's body and puts it back.
func readBack(resp *http.Response) []byte {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, apierr.MaxErrorBody))
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(b), resp.Body), resp.Body}
	return b
}

type readCloser struct {
	io.Reader
	io.Closer
}

// judge holds one response under judgement and what it breaks.
type judge struct {
	cat   *apierr.Catalog
	req   *http.Request
	resp  *http.Response
	found []error

	code      string // the error's code: the body's, else the Bearer challenge's error
	codeFound bool

	bearerErr     bool   // whether a Bearer challenge carries an error parameter
	challengeCode string // the first such error
}

func (j *judge) fail(rule Rule, format string, args ...any) {
	j.found = append(j.found, &Violation{Rule: rule, Text: fmt.Sprintf(format, args...)})
}

func (j *judge) methodAndStatus() {
	if !apierr.StatusAllowed(j.req.Method, j.resp.StatusCode) {
		j.fail(RuleMethod, "Open Finance Brasil's table does not allow %d for a %s request",
			j.resp.StatusCode, j.req.Method)
	}
}

func (j *judge) interactionID() {
	id := j.req.Header.Get("X-Fapi-Interaction-Id")
	if id == "" {
		return
	}
	switch got := j.resp.Header.Values("X-Fapi-Interaction-Id"); {
	case len(got) == 0:
		j.fail(RuleInteractionID, "the request's x-fapi-interaction-id %q is not echoed", id)
	case len(got) > 1 || got[0] != id:
		j.fail(RuleInteractionID, "the response's x-fapi-interaction-id %q is not the "+
			"request's %q", strings.Join(got, ", "), id)
	}
}

// catalogStatus judges the code found in the body or the challenge.
func (j *judge) catalogStatus() {
	if !j.codeFound {
		return
	}
	e, ok := j.cat.Lookup(apierr.Code(j.code))
	if ok && e.Status != j.resp.StatusCode {
		j.fail(RuleStatus, "%s is %d %q in the catalog, the response is %d",
			j.code, e.Status, e.Title, j.resp.StatusCode)
	}
}

// setCode records the error's code; the body's wins over the challenge's.
func (j *judge) setCode(code string) { j.code, j.codeFound = code, true }

// asksForProblem reports whether req's Accept makes an apierr server answer
// problem+json. The negotiation is apierr's own, asked of Write itself, so
// that the kit and the library never disagree on it.
func asksForProblem(req *http.Request) bool {
	accept := req.Header.Values("Accept")
	if len(accept) == 0 {
		return false
	}
	probe := httptest.NewRequest(http.MethodGet, "/", nil)
	probe.Header["Accept"] = accept
	rec := httptest.NewRecorder()
	quiet.Write(rec, probe, apierr.New(apierr.ErroInterno))
	return mediaType(rec.Header().Get("Content-Type")) == "application/problem+json"
}

// mediaType returns the lower-cased media type of a Content-Type, "" when
// there is none or it does not parse.
func mediaType(contentType string) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt
}

// mediaParams returns the parameters of a Content-Type, names lower-cased.
func mediaParams(contentType string) map[string]string {
	_, params, _ := mime.ParseMediaType(contentType)
	return params
}

// member is one member of a JSON object, in the order it was written.
type member struct {
	name string
	raw  json.RawMessage
}

// objectMembers returns the members of the JSON object b, in order.
func objectMembers(b []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("it is not a JSON object")
	}
	var ms []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		ms = append(ms, member{tok.(string), raw}) // a key is always a string
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("something follows the object")
	}
	return ms, nil
}
