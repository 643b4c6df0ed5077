package apierr

// Every benchmark here runs beside a baseline: the plain-Go way of doing the
// same job, in the same run. Compare with
//
//	go test -run '^$' -bench . -benchmem -count 5 | benchstat -col /impl -

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

var sinkEntry Entry

// BenchmarkLookup finds the last entry of the table: the worst case for the
// linear scan a hand-written catalog would do. An application catalog of
// 10 000 codes beside it must cost no allocation and stay near the
// documented catalog's time; a plain map of the same entries is the
// baseline for both.
func BenchmarkLookup(b *testing.B) {
	code := catalog[len(catalog)-1].Code
	b.Run("catalog=documented/impl=apierr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkEntry, _ = Lookup(code)
		}
	})
	b.Run("catalog=documented/impl=linear-scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, e := range catalog {
				if e.Code == code {
					sinkEntry = e
					break
				}
			}
		}
	})
	app, appCode := appCatalog(b, 10000)
	b.Run("catalog=app-10000/impl=apierr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkEntry, _ = app.Lookup(appCode)
		}
	})
	plain := make(map[Code]Entry, app.Len())
	for e := range app.Entries() {
		plain[e.Code] = e
	}
	b.Run("catalog=app-10000/impl=map", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkEntry = plain[appCode]
		}
	})
}

// appCatalog is the documented catalog with n application codes added,
// and one of them to look up.
func appCatalog(b *testing.B, n int) (*Catalog, Code) {
	entries := make([]Entry, n)
	for i := range entries {
		entries[i] = Entry{Code: Code("APP_CODE_" + strconv.Itoa(i)), Status: 400 + i%100,
			Title: "App error " + strconv.Itoa(i)}
	}
	cat, err := Documented().With(entries...)
	if err != nil {
		b.Fatal(err)
	}
	return cat, entries[n/2].Code
}

const typicalChallenge = `Bearer realm="apierr", error="invalid_token", ` +
	`error_description="The access token expired"`

// challengeBenchInputs returns the typical header and one of at least 64 KiB
// made of distinct challenges, so ns/byte of the two can be compared.
func challengeBenchInputs() []struct{ name, header string } {
	var b strings.Builder
	for i := 0; b.Len() < 64<<10; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`Bearer realm="apierr`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`", error="invalid_token", error_description="The access token expired"`)
	}
	return []struct{ name, header string }{
		{"typical", typicalChallenge},
		{"64KiB", b.String()},
	}
}

// BenchmarkParseChallenges compares the parser with the usual hand-rolled
// parse (split on commas, cut on "=", trim quotes), which is wrong for commas
// inside quotes, token68 and escapes and only shows what plain Go costs on
// the same input. SetBytes makes ns/byte comparable across sizes: linear
// cost means the same MB/s for both.
func BenchmarkParseChallenges(b *testing.B) {
	for _, in := range challengeBenchInputs() {
		b.Run("size="+in.name+"/impl=apierr", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.header)))
			for b.Loop() {
				if _, err := ParseChallenges(in.header); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("size="+in.name+"/impl=split-cut", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.header)))
			for b.Loop() {
				if got := naiveParseChallenges(in.header); len(got) == 0 {
					b.Fatal("no challenges")
				}
			}
		})
	}
}

func naiveParseChallenges(h string) []Challenge {
	var out []Challenge
	for _, part := range strings.Split(h, ",") {
		part = strings.TrimSpace(part)
		if scheme, rest, ok := strings.Cut(part, " "); ok && !strings.Contains(scheme, "=") {
			out = append(out, Challenge{Scheme: scheme, Params: map[string]string{}})
			part = strings.TrimSpace(rest)
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok || len(out) == 0 {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = strings.ReplaceAll(value[1:len(value)-1], `\"`, `"`)
		}
		out[len(out)-1].Params[strings.ToLower(strings.TrimSpace(name))] = value
	}
	return out
}

// discardWriter is a ResponseWriter that keeps nothing, so a benchmark
// measures the writer under test, not a recorder. Its header map is cleared,
// not reallocated, between iterations.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) WriteHeader(s int)   { w.status = s }
func (w *discardWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return len(b), nil
}

// BenchmarkWrite writes one catalog error per format beside the plain-Go
// way: json.NewEncoder(w).Encode of the same fields, with the same headers.
func BenchmarkWrite(b *testing.B) {
	req := httptest.NewRequest(http.MethodGet, "/consents/42", nil)
	req.Header.Set("X-Fapi-Interaction-Id", "73cac523-d3ae-2289-b106-330a6218710d")
	problemReq := req.Clone(req.Context())
	problemReq.Header.Set("Accept", "application/problem+json")

	type codeTitleDetail struct {
		Code   string `json:"code"`
		Title  string `json:"title"`
		Detail string `json:"detail"`
	}
	type oauth struct {
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	type problem struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
		Detail string `json:"detail"`
		Code   string `json:"code"`
	}
	for _, tc := range []struct {
		format string
		req    *http.Request
		err    *Error
		body   func(e *Error) any
		extra  func(h http.Header, e *Error) // headers beyond the common ones
	}{
		{"code-title-detail", req, New(ConsentimentoInvalido), func(e *Error) any {
			return codeTitleDetail{string(e.Code), e.Title, e.Detail}
		}, nil},
		{"oauth", req, New(NotSupportedException), func(e *Error) any {
			return oauth{string(e.Code), e.Detail}
		}, func(h http.Header, _ *Error) { h.Set("Cache-Control", "no-store") }},
		{"bearer", req, New(InvalidToken), func(e *Error) any {
			return oauth{string(e.Code), e.Detail}
		}, func(h http.Header, e *Error) {
			h.Set("Cache-Control", "no-store")
			h.Set("Www-Authenticate", `Bearer realm="api", error="`+string(e.Code)+
				`", error_description="`+e.Detail+`"`)
		}},
		{"problem", problemReq, New(ConsentimentoInvalido), func(e *Error) any {
			return problem{"about:blank", e.Title, e.Status, e.Detail, string(e.Code)}
		}, nil},
	} {
		w := &discardWriter{h: http.Header{}}
		b.Run("format="+tc.format+"/impl=apierr", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				Write(w, tc.req, tc.err)
			}
		})
		b.Run("format="+tc.format+"/impl=encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				h := w.Header()
				h.Set("X-Content-Type-Options", "nosniff")
				h.Add("Vary", "Accept")
				h.Set("X-Fapi-Interaction-Id", tc.req.Header.Get("X-Fapi-Interaction-Id"))
				if tc.extra != nil {
					tc.extra(h, tc.err)
				}
				h.Set("Content-Type", "application/json; charset=utf-8")
				w.WriteHeader(tc.err.Status)
				_ = json.NewEncoder(w).Encode(tc.body(tc.err))
			}
		})
	}
}

// BenchmarkFromResponse classifies a typical Brick Bank body beside the
// plain-Go way: io.ReadAll and json.Unmarshal into a map.
func BenchmarkFromResponse(b *testing.B) {
	body := []byte(`{"code":"CONSENTIMENTO_INVALIDO","title":"Consentimento inválido",` +
		`"detail":"O consentimento não é válido para realizar essa requisição."}`)
	header := http.Header{"Content-Type": {"application/json; charset=utf-8"},
		"X-Fapi-Interaction-Id": {"73cac523-d3ae-2289-b106-330a6218710d"}}
	rd := bytes.NewReader(body)
	resp := &http.Response{StatusCode: 400, Header: header, ContentLength: int64(len(body))}
	b.Run("impl=apierr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rd.Reset(body)
			resp.Body = io.NopCloser(rd)
			if CodeOf(FromResponse(resp)) != ConsentimentoInvalido {
				b.Fatal("wrong code")
			}
		}
	})
	b.Run("impl=readall-unmarshal-map", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rd.Reset(body)
			resp.Body = io.NopCloser(rd)
			raw, _ := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			var m map[string]any
			if json.Unmarshal(raw, &m) != nil || m["code"] != "CONSENTIMENTO_INVALIDO" {
				b.Fatal("wrong code")
			}
		}
	})
}

// BenchmarkTransport sends a successful GET through Transport beside the
// bare http.Transport, on a loopback server, each with its own pool.
func BenchmarkTransport(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"data":{"status":"AUTHORISED"}}`)
	}))
	defer srv.Close()
	for _, tc := range []struct {
		impl string
		rt   func(*http.Transport) http.RoundTripper
	}{
		{"bare", func(t *http.Transport) http.RoundTripper { return t }},
		{"apierr", func(t *http.Transport) http.RoundTripper { return &Transport{Base: t} }},
	} {
		b.Run("impl="+tc.impl, func(b *testing.B) {
			base := &http.Transport{}
			defer base.CloseIdleConnections()
			c := &http.Client{Transport: tc.rt(base)}
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Get(srv.URL)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
			}
		})
	}
}
