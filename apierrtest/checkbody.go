// This file holds the rules the conformance check applies to an error
// response's challenge and body: the documented shapes, their key order,
// content types and cache headers, and problem+json's members.

package apierrtest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr"
)

// challenges judges the WWW-Authenticate challenges, and keeps a Bearer
// challenge's error as the code for a body that has none.
func (j *judge) challenges() {
	values := j.resp.Header.Values("Www-Authenticate")
	if len(values) == 0 {
		if j.resp.StatusCode == http.StatusUnauthorized {
			j.fail(RuleChallenge, "a 401 carries no WWW-Authenticate challenge, "+
				"which RFC 9110 §15.5.2 requires")
		}
		return
	}
	chs, err := apierr.ParseChallenges(values...)
	switch {
	case err != nil:
		j.fail(RuleChallenge, "WWW-Authenticate does not parse: %v", err)
	case len(chs) == 0 && j.resp.StatusCode == http.StatusUnauthorized:
		j.fail(RuleChallenge, "a 401's WWW-Authenticate holds no challenge")
	}
	for _, ch := range chs {
		if !strings.EqualFold(ch.Scheme, "Bearer") {
			continue
		}
		for _, name := range [...]string{"error", "error_description", "scope"} {
			if v, ok := ch.Params[name]; ok {
				j.bearerText(name, v)
			}
		}
		if code, ok := ch.Params["error"]; ok && !j.bearerErr {
			j.bearerErr, j.challengeCode = true, code
		}
	}
}

// bearerText judges a Bearer parameter against RFC 6750 §3's characters.
func (j *judge) bearerText(name, v string) {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' {
			continue
		}
		_, size := utf8.DecodeRuneInString(v[i:])
		j.fail(RuleChallengeText, "the Bearer challenge's %s has %q at byte %d, outside "+
			"RFC 6750's %%x20-21 / %%x23-5B / %%x5D-7E", name, v[i:i+size], i)
		return
	}
}

// body judges the body and its headers, and finds the error's code.
func (j *judge) body(b []byte) {
	defer j.challengeCodeIfNone()
	contentType := j.resp.Header.Get("Content-Type")
	isProblem := mediaType(contentType) == "application/problem+json"
	if asksForProblem(j.req) && !isProblem {
		j.fail(RuleProblem, "the request's Accept prefers application/problem+json, "+
			"the response's Content-Type is %q", contentType)
	}
	switch {
	case j.req.Method == http.MethodHead:
		return // no body to judge
	case len(b) == 0:
		if j.resp.StatusCode != http.StatusUnauthorized || j.bearerErr {
			j.fail(RuleBody, "the body is empty; only a 401 to a request without "+
				"credentials goes without one (RFC 6750 §3.1)")
		}
		return
	case !utf8.Valid(b):
		j.fail(RuleBody, "the body is not valid UTF-8")
	}
	ms, err := objectMembers(b)
	if err != nil {
		j.fail(RuleBody, "the body is not a documented one: %v", err)
		return
	}
	switch {
	case isProblem:
		j.problem(ms)
		j.charset(contentType)
		return
	case has(ms, "error"):
		j.oauth(ms)
	case has(ms, "code") || has(ms, "title") || has(ms, "detail"):
		j.codeTitleDetail(ms)
	default:
		j.fail(RuleBody, "the body has none of the documented members: code, title and "+
			"detail (Brick Bank), error and error_description (OAuth), or problem+json's")
		return
	}
	if mt := mediaType(contentType); mt != "application/json" {
		j.fail(RuleContentType, "a JSON error body goes out as application/json, not %q",
			contentType)
	}
	j.charset(contentType)
}

func (j *judge) challengeCodeIfNone() {
	if !j.codeFound && j.bearerErr {
		j.setCode(j.challengeCode)
	}
}

// charset judges a Content-Type's charset parameter, when it has one.
func (j *judge) charset(contentType string) {
	if cs, ok := mediaParams(contentType)["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		j.fail(RuleContentType, "the body is UTF-8 JSON, not charset %q", cs)
	}
}

func (j *judge) codeTitleDetail(ms []member) {
	j.shape(ms, "Brick Bank's body", []string{"code", "title", "detail"}, 3)
	code, ok := j.text(ms, "code", RuleBody)
	title, _ := j.text(ms, "title", RuleBody)
	j.text(ms, "detail", RuleBody)
	if ok {
		j.setCode(code)
		j.catalogTitle(code, title)
	}
}

func (j *judge) oauth(ms []member) {
	j.shape(ms, "the OAuth body", []string{"error", "error_description", "error_details"}, 2)
	if code, ok := j.text(ms, "error", RuleBody); ok {
		j.setCode(code)
	}
	j.text(ms, "error_description", RuleBody)
	if !hasDirective(j.resp.Header.Values("Cache-Control"), "no-store") {
		j.fail(RuleNoStore, "an OAuth body goes out without Cache-Control: no-store "+
			"(RFC 6749 §5.1)")
	}
}

// shape judges ms against a documented body, whose members are want in
// that order, the first required of them required.
func (j *judge) shape(ms []member, body string, want []string, required int) {
	var order []string
	for i, m := range ms {
		switch {
		case !slices.Contains(want, m.name):
			j.fail(RuleBody, "member %q is not part of %s", m.name, body)
		case slices.ContainsFunc(ms[:i], func(o member) bool { return o.name == m.name }):
			j.fail(RuleBody, "member %q appears twice", m.name)
		default:
			order = append(order, m.name)
		}
	}
	for _, name := range want[:required] {
		if !has(ms, name) {
			j.fail(RuleBody, "%s has no %q member", body, name)
		}
	}
	if !slices.IsSortedFunc(order, func(a, b string) int {
		return slices.Index(want, a) - slices.Index(want, b)
	}) {
		j.fail(RuleKeyOrder, "the members come as %s; %s has them as %s",
			strings.Join(order, ", "), body, strings.Join(want, ", "))
	}
}

// text returns member name's string value, and whether it is a string;
// a member of another type breaks rule.
func (j *judge) text(ms []member, name string, rule Rule) (string, bool) {
	i := slices.IndexFunc(ms, func(m member) bool { return m.name == name })
	if i < 0 {
		return "", false
	}
	var s string
	if err := json.Unmarshal(ms[i].raw, &s); err != nil {
		j.fail(rule, "member %q is %s, not a string", name, ms[i].raw)
		return "", false
	}
	return s, true
}

// catalogTitle judges a known code's title against the catalog's.
func (j *judge) catalogTitle(code, title string) {
	if e, ok := j.cat.Lookup(apierr.Code(code)); ok && title != e.Title {
		j.fail(RuleBody, "the title of %s is %q, not the catalog's %q", code, title, e.Title)
	}
}

// problemMembers are RFC 9457's members and apierr's code.
var problemMembers = [...]string{"type", "title", "status", "detail", "instance", "code"}

func (j *judge) problem(ms []member) {
	for _, name := range problemMembers {
		if name != "instance" && !has(ms, name) {
			j.fail(RuleProblem, "the problem has no %q member", name)
		}
	}
	for _, m := range ms {
		for _, std := range problemMembers {
			if m.name != std && strings.EqualFold(m.name, std) {
				j.fail(RuleProblem, "extension member %q shadows the standard %q", m.name, std)
			}
		}
	}
	typ, _ := j.text(ms, "type", RuleProblem)
	title, _ := j.text(ms, "title", RuleProblem)
	j.text(ms, "detail", RuleProblem)
	code, hasCode := j.text(ms, "code", RuleProblem)
	j.problemStatus(ms)
	status := j.resp.StatusCode
	switch {
	case typ == "" || typ == "about:blank":
		if phrase := apierr.StatusText(status); title != phrase {
			j.fail(RuleProblem, "under type about:blank the title is the status phrase %q "+
				"(RFC 9457 §4.2.1), not %q", phrase, title)
		}
	case hasCode:
		j.catalogTitle(code, title)
	}
	if hasCode {
		j.setCode(code)
	}
}

// problemStatus judges a problem's status member against the response's.
func (j *judge) problemStatus(ms []member) {
	i := slices.IndexFunc(ms, func(m member) bool { return m.name == "status" })
	if i < 0 {
		return
	}
	var status int
	if err := json.Unmarshal(ms[i].raw, &status); err != nil {
		j.fail(RuleProblem, "member \"status\" is %s, not a status code", ms[i].raw)
		return
	}
	if status != j.resp.StatusCode {
		j.fail(RuleProblem, "the problem's status is %d, the response's %d",
			status, j.resp.StatusCode)
	}
}

func has(ms []member, name string) bool {
	return slices.ContainsFunc(ms, func(m member) bool { return m.name == name })
}

// hasDirective reports whether a comma-separated header such as
// Cache-Control holds directive, in any case, with or without a value.
func hasDirective(values []string, directive string) bool {
	for _, v := range values {
		for item := range strings.SplitSeq(v, ",") {
			name, _, _ := strings.Cut(strings.TrimSpace(item), "=")
			if strings.EqualFold(name, directive) {
				return true
			}
		}
	}
	return false
}
