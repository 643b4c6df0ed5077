package apierrtest

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

const interactionID = "d0e3f8a4-6b2c-4e1a-9f57-2c8b1a0e7d65"

// written is how an apierr server writes one catalog entry.
type written struct {
	name   string
	format apierr.Format
	accept string
	writer apierr.Writer
}

// ownFormat stands for the entry's own format: no WithFormat.
const ownFormat apierr.Format = 255

var everyWay = []written{
	{"in its own format", ownFormat, "", apierr.Writer{}},
	{"as code-title-detail", apierr.FormatCodeTitleDetail, "", apierr.Writer{}},
	{"with an unknown format", apierr.FormatUnknown, "", apierr.Writer{}},
	{"as an OAuth body", apierr.FormatOAuth, "", apierr.Writer{}},
	{"as a Bearer challenge", apierr.FormatBearer, "", apierr.Writer{}},
	{"as problem+json under about:blank", ownFormat, "application/problem+json", apierr.Writer{}},
	{"as problem+json with a type base", ownFormat, "application/problem+json;q=1, */*;q=0.5",
		apierr.Writer{ProblemTypeBase: "https://api.example.com/errors/"}},
	{"as problem+json for every request", apierr.FormatProblem, "", apierr.Writer{}},
}

func TestWriteOfEveryEntryFollowsTheDocuments(t *testing.T) {
	t.Parallel()
	for e := range apierr.Documented().Entries() {
		method := http.MethodGet
		if !apierr.StatusAllowed(method, e.Status) {
			method = http.MethodPost
		}
		for _, way := range everyWay {
			t.Run(string(e.Code)+" written "+way.name+" passes", func(t *testing.T) {
				t.Parallel()
				req := httptest.NewRequest(method, "/resource", nil)
				req.Header.Set("X-Fapi-Interaction-Id", interactionID)
				if way.accept != "" {
					req.Header.Set("Accept", way.accept)
				}
				err := apierr.New(e.Code)
				if way.format != ownFormat {
					err = err.WithFormat(way.format)
				}
				rec := httptest.NewRecorder()
				way.writer.Logger = quiet.Logger
				way.writer.Write(rec, req, err)
				resp := rec.Result()
				assert.NoError(t, CheckResponse(req, resp), "%s %s\n%s", method, resp.Status,
					rec.Body)
			})
		}
	}
}

func TestWriteOfAHEADFollowsTheDocuments(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodHead, "/consents/42", nil)
	rec := httptest.NewRecorder()
	quiet.Write(rec, req, apierr.New(apierr.ConsentimentoNaoEncontrado))
	assert.NoError(t, CheckResponse(req, rec.Result()))
}

// response is a hand-written response to req.
func response(req *http.Request, status int, header http.Header, body string) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{StatusCode: status, Header: header, Request: req,
		Body: io.NopCloser(strings.NewReader(body))}
}

// header builds a header from name, value pairs.
func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

// getReq is a GET with the given header name, value pairs.
func getReq(h ...string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "/resource", nil)
	for i := 0; i+1 < len(h); i += 2 {
		r.Header.Add(h[i], h[i+1])
	}
	return r
}

func postReq() *http.Request { return httptest.NewRequest(http.MethodPost, "/resource", nil) }

const (
	jsonType       = "application/json; charset=utf-8"
	consentInvalid = `{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido",` +
		`"detail":"O consentimento informado é inválido."}`
	jsonParse = `{"error":"JsonParseException","error_description":"bad JSON"}`
)

// wrongResponses are hand-written responses, each with the rules it breaks.
var wrongResponses = []struct {
	name string
	resp *http.Response
	want []Rule
}{
	{"a catalog code with another status breaks the catalog status",
		response(postReq(), 422, header("Content-Type", jsonType), consentInvalid),
		[]Rule{RuleStatus}},
	{"Brick Bank's members out of order break the key order",
		response(getReq(), 400, header("Content-Type", jsonType),
			`{"title":"Consentimento inválido","code":"CONSENTIMENTO_INVALIDO","detail":"x"}`),
		[]Rule{RuleKeyOrder}},
	{"OAuth members out of order break the key order",
		response(getReq(), 400, header("Content-Type", jsonType, "Cache-Control", "no-store"),
			`{"error_description":"bad JSON","error":"JsonParseException"}`),
		[]Rule{RuleKeyOrder}},
	{"an OAuth body without no-store breaks no-store",
		response(getReq(), 400, header("Content-Type", jsonType), jsonParse),
		[]Rule{RuleNoStore}},
	{"an OAuth body with only no-cache breaks no-store",
		response(getReq(), 400, header("Content-Type", jsonType, "Cache-Control", "no-cache"),
			jsonParse),
		[]Rule{RuleNoStore}},
	{"a 401 without a challenge breaks the challenge rule",
		response(getReq(), 401, header("Content-Type", jsonType),
			`{"code":"TOKEN_INATIVO","title":"Token inativo.","detail":"x"}`),
		[]Rule{RuleChallenge}},
	{"a challenge that does not parse breaks the challenge rule",
		response(getReq(), 401, header("Content-Type", jsonType,
			"WWW-Authenticate", `Bearer realm="api`),
			`{"code":"TOKEN_INATIVO","title":"Token inativo.","detail":"x"}`),
		[]Rule{RuleChallenge}},
	{"a GET answered 415 breaks the method and status table",
		response(getReq(), 415, header("Content-Type", jsonType),
			`{"code":"FORMATO_NAO_SUPORTADO","title":"Formato","detail":"x"}`),
		[]Rule{RuleMethod}},
	{"an interaction id not echoed breaks the interaction id rule",
		response(getReq("X-Fapi-Interaction-Id", interactionID), 400,
			header("Content-Type", jsonType), consentInvalid),
		[]Rule{RuleInteractionID}},
	{"an interaction id changed breaks the interaction id rule",
		response(getReq("X-Fapi-Interaction-Id", interactionID), 400,
			header("Content-Type", jsonType, "X-Fapi-Interaction-Id", "other"), consentInvalid),
		[]Rule{RuleInteractionID}},
	{"a quote in error_description breaks the challenge characters",
		response(getReq(), 401, header("Content-Type", jsonType, "Cache-Control", "no-store",
			"WWW-Authenticate", `Bearer realm="api", error="invalid_token", `+
				`error_description="token \"x\" expired"`),
			`{"error":"invalid_token","error_description":"expired"}`),
		[]Rule{RuleChallengeText}},
	{"an accent in error_description breaks the challenge characters",
		response(getReq(), 401, header("Content-Type", jsonType, "Cache-Control", "no-store",
			"WWW-Authenticate", `Bearer realm="api", error="invalid_token", `+
				`error_description="token expirado às 10h"`),
			`{"error":"invalid_token","error_description":"expired"}`),
		[]Rule{RuleChallengeText}},
	{"a JSON body sent as text/plain breaks the content type",
		response(getReq(), 400, header("Content-Type", "text/plain"), consentInvalid),
		[]Rule{RuleContentType}},
	{"a JSON body with no content type breaks the content type",
		response(getReq(), 400, nil, consentInvalid),
		[]Rule{RuleContentType}},
	{"a latin-1 charset breaks the content type",
		response(getReq(), 400, header("Content-Type", "application/json; charset=iso-8859-1"),
			consentInvalid),
		[]Rule{RuleContentType}},
	{"JSON for a request that asked for problem+json breaks the problem rule",
		response(getReq("Accept", "application/problem+json"), 400,
			header("Content-Type", jsonType), consentInvalid),
		[]Rule{RuleProblem}},
	{"a catalog title under about:blank breaks the problem rule",
		response(getReq(), 400, header("Content-Type", "application/problem+json"),
			`{"type":"about:blank","title":"Consentimento inválido","status":400,`+
				`"detail":"x","code":"CONSENTIMENTO_INVALIDO"}`),
		[]Rule{RuleProblem}},
	{"an extension member shadowing code breaks the problem rule",
		response(getReq(), 400, header("Content-Type", "application/problem+json"),
			`{"type":"about:blank","title":"Bad Request","status":400,"detail":"x",`+
				`"code":"CONSENTIMENTO_INVALIDO","CODE":"OTHER"}`),
		[]Rule{RuleProblem}},
	{"a problem whose status is not the response's breaks the problem rule",
		response(getReq(), 400, header("Content-Type", "application/problem+json"),
			`{"type":"about:blank","title":"Bad Request","status":500,"detail":"x",`+
				`"code":"CONSENTIMENTO_INVALIDO"}`),
		[]Rule{RuleProblem}},
	{"a problem without a code breaks the problem rule",
		response(getReq(), 400, header("Content-Type", "application/problem+json"),
			`{"type":"about:blank","title":"Bad Request","status":400,"detail":"x"}`),
		[]Rule{RuleProblem}},
	{"an empty 500 breaks the documented body",
		response(getReq(), 500, nil, ""),
		[]Rule{RuleBody}},
	{"an HTML page breaks the documented body",
		response(getReq(), 502, header("Content-Type", "text/html"),
			"<html><head><title>502 Bad Gateway</title></head></html>"),
		[]Rule{RuleBody}},
	{"a member of its own breaks the documented body",
		response(getReq(), 400, header("Content-Type", jsonType),
			`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido",`+
				`"detail":"x","timestamp":"2026-12-01"}`),
		[]Rule{RuleBody}},
	{"a member given twice breaks the documented body",
		response(getReq(), 400, header("Content-Type", jsonType),
			`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido",`+
				`"detail":"x","detail":"y"}`),
		[]Rule{RuleBody}},
	{"a missing detail breaks the documented body",
		response(getReq(), 400, header("Content-Type", jsonType),
			`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido"}`),
		[]Rule{RuleBody}},
	{"a title that is not the catalog's breaks the documented body",
		response(getReq(), 400, header("Content-Type", jsonType),
			`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento invalido","detail":"x"}`),
		[]Rule{RuleBody}},
	{"an error that is a number breaks the documented body",
		response(getReq(), 401, header("Content-Type", jsonType, "Cache-Control", "no-store",
			"WWW-Authenticate", `Bearer realm="api"`),
			`{"error_description":"OpenID Connect client returned with status: SEND_401",`+
				`"error":401}`),
		[]Rule{RuleKeyOrder, RuleBody}},
	{"a body that is not UTF-8 breaks the documented body",
		response(getReq(), 400, header("Content-Type", jsonType),
			"{\"code\":\"X\",\"title\":\"\xff\",\"detail\":\"x\"}"),
		[]Rule{RuleBody}},
	{"a challenge error with a body of no documented shape is judged by its code",
		response(getReq(), 403, header("Content-Type", jsonType,
			"WWW-Authenticate", `Bearer realm="api", error="invalid_token"`),
			`{"message":"forbidden"}`),
		[]Rule{RuleBody, RuleStatus}},
	{"an empty 401 whose challenge has an error breaks the documented body",
		response(getReq(), 401, header("WWW-Authenticate", `Bearer error="invalid_token"`), ""),
		[]Rule{RuleBody}},
	{"a GET answered 201 breaks the method and status table",
		response(getReq(), 201, nil, ""),
		[]Rule{RuleMethod}},
	{"everything wrong at once breaks every rule involved",
		response(httptest.NewRequest(http.MethodGet, "/x", nil), 415,
			header("Content-Type", "text/plain"),
			`{"error_description":"x","error":"JsonParseException"}`),
		[]Rule{RuleMethod, RuleKeyOrder, RuleNoStore, RuleContentType, RuleStatus}},
}

func TestHandWrittenResponsesBreakTheRuleTheyBreak(t *testing.T) {
	t.Parallel()
	for _, tt := range wrongResponses {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := CheckResponse(tt.resp.Request, tt.resp)
			require.Error(t, err)
			if diff := cmp.Diff(tt.want, rulesOf(err)); diff != "" {
				t.Errorf("rules (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestResponsesThatFollowTheDocumentsPass(t *testing.T) {
	t.Parallel()
	post := httptest.NewRequest(http.MethodPost, "/resource", nil)
	head := httptest.NewRequest(http.MethodHead, "/resource", nil)
	tests := []struct {
		name string
		resp *http.Response
	}{
		{"a code the catalog does not know, with any status",
			response(post, 422, header("Content-Type", jsonType),
				`{"code":"SALDO_INSUFICIENTE","title":"Saldo insuficiente","detail":"x"}`)},
		{"a 401 to a request without credentials, with no body",
			response(post, 401, header("WWW-Authenticate", `Bearer realm="api"`), "")},
		{"a 401 with a Basic challenge and an OAuth body",
			response(post, 401, header("Content-Type", "application/json",
				"Cache-Control", "no-store, max-age=0", "WWW-Authenticate", `Basic realm="token"`),
				`{"error":"invalid_client","error_description":"Client authentication failed."}`)},
		{"an OAuth body with error_details",
			response(post, 400, header("Content-Type", jsonType, "Cache-Control", "No-Store"),
				`{"error":"JsonParseException","error_description":"x","error_details":{"at":3}}`)},
		{"a HEAD answered with headers only",
			response(head, 404, header("Content-Type", jsonType), "")},
		{"a success",
			response(post, 201, nil, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name+" passes", func(t *testing.T) {
			t.Parallel()
			assert.NoError(t, CheckResponse(tt.resp.Request, tt.resp))
		})
	}
}

func TestCheckResponseNamesEachRuleInASentence(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	req.Header.Set("X-Fapi-Interaction-Id", interactionID)
	err := CheckResponse(req, response(req, 415, header("Content-Type", jsonType), consentInvalid))
	require.Error(t, err)
	assert.Equal(t, "method and status: Open Finance Brasil's table does not allow 415 for a "+
		"GET request\n"+
		"interaction id: the request's x-fapi-interaction-id "+
		`"d0e3f8a4-6b2c-4e1a-9f57-2c8b1a0e7d65" is not echoed`+"\n"+
		`catalog status: CONSENTIMENTO_INVALIDO is 400 "Consentimento inválido" in the catalog, `+
		"the response is 415", err.Error())
}

func TestCheckResponsePutsTheBodyBack(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	resp := response(req, 400, header("Content-Type", jsonType), consentInvalid)
	require.NoError(t, CheckResponse(req, resp))
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, consentInvalid, string(body))
	assert.NoError(t, resp.Body.Close())
}

func TestCheckResponseJudgesAPrefixOfAHugeBody(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	huge := `{"code":"X","title":"` + strings.Repeat("a", 1<<20) + `","detail":"x"}`
	resp := response(req, 400, header("Content-Type", jsonType), huge)
	err := CheckResponse(req, resp)
	assert.Equal(t, []Rule{RuleBody}, rulesOf(err), "cut at MaxErrorBody, it is no object")
	body, rerr := io.ReadAll(resp.Body)
	require.NoError(t, rerr)
	assert.Len(t, body, len(huge), "the caller still reads all of it")
}

func TestCheckResponseRefusesWhatItCannotJudge(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	tests := []struct {
		name string
		req  *http.Request
		resp *http.Response
		want string
	}{
		{"no response", req, nil, "apierrtest: CheckResponse: no response to judge"},
		{"no request anywhere", nil, &http.Response{StatusCode: 500},
			"apierrtest: CheckResponse: no request; pass the one resp answers"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is an error, not a violation", func(t *testing.T) {
			err := CheckResponse(tt.req, tt.resp)
			require.EqualError(t, err, tt.want)
			assert.Empty(t, Violations(err))
		})
	}
	resp := response(req, 400, header("Content-Type", jsonType), consentInvalid)
	assert.NoError(t, CheckResponse(nil, resp), "resp.Request stands in for a nil req")
}

func TestViolationsFindsEveryViolation(t *testing.T) {
	t.Parallel()
	a := &Violation{RuleBody, "a"}
	b := &Violation{RuleStatus, "b"}
	assert.Equal(t, []*Violation{a, b}, Violations(errors.Join(a, errors.Join(b))))
	assert.Empty(t, Violations(nil))
	assert.Empty(t, Violations(errors.New("other")))
}

func rulesOf(err error) []Rule {
	var rules []Rule
	for _, v := range Violations(err) {
		rules = append(rules, v.Rule)
	}
	return rules
}

func TestCheckResponseInJudgesAnApplicationsOwnCodes(t *testing.T) {
	t.Parallel()
	cat, err := apierr.Documented().With(apierr.Entry{Code: "SALDO_INSUFICIENTE", Status: 422,
		Title: "Saldo insuficiente", Detail: "A conta não tem saldo para o pagamento."})
	require.NoError(t, err)
	body := `{"code":"SALDO_INSUFICIENTE","title":"Saldo insuficiente","detail":"x"}`
	tests := []struct {
		name string
		cat  *apierr.Catalog
		resp *http.Response
		want []Rule
	}{
		{"its code with its status passes", cat,
			response(postReq(), 422, header("Content-Type", jsonType), body), nil},
		{"its code with another status breaks the catalog status", cat,
			response(postReq(), 400, header("Content-Type", jsonType), body),
			[]Rule{RuleStatus}},
		{"its code with another title breaks the documented body", cat,
			response(postReq(), 422, header("Content-Type", jsonType),
				`{"code":"SALDO_INSUFICIENTE","title":"Sem saldo","detail":"x"}`),
			[]Rule{RuleBody}},
		{"the documented codes are still judged", cat,
			response(postReq(), 422, header("Content-Type", jsonType), consentInvalid),
			[]Rule{RuleStatus}},
		{"the documented catalog alone does not know it", apierr.Documented(),
			response(postReq(), 400, header("Content-Type", jsonType), body), nil},
		{"a nil catalog knows no code", nil,
			response(postReq(), 422, header("Content-Type", jsonType), consentInvalid), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := CheckResponseIn(tt.cat, tt.resp.Request, tt.resp)
			assert.Equal(t, tt.want, rulesOf(err), "%v", err)
		})
	}
}

func TestWriteOfAnApplicationsCodePassesCheckResponseIn(t *testing.T) {
	t.Parallel()
	cat, err := apierr.NewCatalog(apierr.Entry{Code: "LIMITE_DIARIO", Status: 429,
		Title: "Limite diário atingido", Detail: "Tente amanhã.", Format: apierr.FormatOAuth})
	require.NoError(t, err)
	req := postReq()
	rec := httptest.NewRecorder()
	quiet.Write(rec, req, cat.New("LIMITE_DIARIO"))
	assert.NoError(t, CheckResponseIn(cat, req, rec.Result()), rec.Body.String())
}
