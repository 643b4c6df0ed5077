// This file finds what a user names: a catalog entry by its code, heading
// or title, a status, a gateway message, and the nearest names when none
// matches.

package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/apierr/apierr"
	"github.com/apierr/apierr/internal/text"
)

// normalize folds s to the form names are compared in, so that matching
// forgives case, spaces, hyphens, underscores and missing accents:
// "Consentimento-inválido", "consentimento invalido" and
// "CONSENTIMENTO_INVALIDO" are all "consentimentoinvalido". A decomposed
// accent (a combining mark) is dropped like any other non-letter.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		if folded, ok := text.FoldLatin(r); ok {
			b.WriteString(strings.ToLower(folded))
		} else if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// matcher finds catalog entries and gateway messages by any name a user may
// type for them.
type matcher struct {
	catalog catalog
	codes   map[string]apierr.Code             // normalized code → code
	aliases map[string][]apierr.Code           // normalized heading or title → codes
	gateway map[string][]apierr.GatewayMessage // normalized message → messages
}

func newMatcher(cat catalog) *matcher {
	m := &matcher{
		catalog: cat,
		codes:   map[string]apierr.Code{},
		aliases: map[string][]apierr.Code{},
		gateway: map[string][]apierr.GatewayMessage{},
	}
	for e := range cat.Entries() {
		m.codes[normalize(string(e.Code))] = e.Code
		// TrustedX and RFC 6750 titles are bare reason phrases ("Bad
		// Request"), which name a status, not a code.
		if !isReasonPhrase(e.Title) {
			m.addAlias(e.Title, e.Code)
		}
	}
	for _, h := range brickBankHeadings {
		m.addAlias(h.heading, h.code)
	}
	for g := range apierr.GatewayMessages() {
		// Several gateways send "502 Bad Gateway".
		key := normalize(g.Message)
		m.gateway[key] = append(m.gateway[key], g)
	}
	return m
}

func (m *matcher) addAlias(name string, code apierr.Code) {
	key := normalize(name)
	if !slices.Contains(m.aliases[key], code) {
		m.aliases[key] = append(m.aliases[key], code)
	}
}

// isReasonPhrase reports whether s is the reason phrase of some HTTP status.
func isReasonPhrase(s string) bool {
	key := normalize(s)
	for status := 100; status <= 599; status++ {
		if t := apierr.StatusText(status); t != "" && normalize(t) == key {
			return true
		}
	}
	return false
}

// match is what one query names: catalog entries, a bare status or a
// gateway message. A query that names nothing has none of them.
type match struct {
	query    string
	entries  []apierr.Entry // several when a heading or title is shared
	status   int            // a bare status ("423")
	gateways []apierr.GatewayMessage
}

func (r match) found() bool { return len(r.entries) > 0 || r.status != 0 || len(r.gateways) > 0 }

// statusPrefix is a query written as Brick Bank heads its sections, "422
// Data de Expiração Inválida": the status picks among codes sharing a
// heading.
var statusPrefix = regexp.MustCompile(`^\s*([1-5][0-9][0-9])\s+(\S.*)$`)

// find resolves one query, exact forms first so that a code is never
// shadowed by a heading that happens to read the same.
func (m *matcher) find(query string) match {
	res := match{query: query}
	if e, ok := m.catalog.Lookup(apierr.Code(strings.TrimSpace(query))); ok {
		res.entries = []apierr.Entry{e}
		return res
	}
	if n, err := strconv.Atoi(strings.TrimSpace(query)); err == nil && n >= 100 && n <= 599 {
		res.status = n
		return res
	}
	key, status := normalize(query), 0
	if gs := m.gateway[key]; len(gs) > 0 && len(m.codesNamed(key)) == 0 {
		res.gateways = gs
		return res
	}
	if g, ok := apierr.LookupMessage(query); ok { // a message whose end varies
		res.gateways = []apierr.GatewayMessage{g}
		return res
	}
	if sm := statusPrefix.FindStringSubmatch(query); sm != nil {
		status, _ = strconv.Atoi(sm[1])
		key = normalize(sm[2])
	}
	for _, c := range m.codesNamed(key) {
		if e, _ := m.catalog.Lookup(c); status == 0 || e.Status == status {
			res.entries = append(res.entries, e)
		}
	}
	sortEntries(res.entries)
	return res
}

// codesNamed are the codes whose code, heading or title normalizes to key.
// A code and a heading may read the same ("Data de Expiração Inválida" is
// DATA_DE_EXPIRACAO_INVALIDA's code and the heading of
// DATA_EXPIRACAO_INVALIDA too): the user meant one of them, so both are
// named.
func (m *matcher) codesNamed(key string) []apierr.Code {
	var codes []apierr.Code
	if c, ok := m.codes[key]; ok {
		codes = append(codes, c)
	}
	for _, c := range m.aliases[key] {
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes
}

// sortEntries orders entries as the catalog does, by status then code.
func sortEntries(es []apierr.Entry) {
	slices.SortFunc(es, func(a, b apierr.Entry) int {
		if a.Status != b.Status {
			return a.Status - b.Status
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
}

// maxSuggestions bounds "did you mean": more is a list, not a suggestion.
const maxSuggestions = 5

// suggest returns the names closest to a query that named nothing: codes
// (and gateway messages, quoted) within a small edit distance of its
// normalized form, nearest first, then names that contain it.
func (m *matcher) suggest(query string) []string {
	q := normalize(query)
	if sm := statusPrefix.FindStringSubmatch(query); sm != nil {
		q = normalize(sm[2])
	}
	if q == "" {
		return nil
	}
	var cands []candidate
	consider := func(key, name string) {
		if score, ok := nearness(q, key); ok {
			cands = append(cands, candidate{name, score})
		}
	}
	for key, c := range m.codes {
		consider(key, string(c))
	}
	for key, cs := range m.aliases {
		for _, c := range cs {
			consider(key, string(c))
		}
	}
	for key, gs := range m.gateway {
		consider(key, strconv.Quote(gs[0].Message))
	}
	return bestNames(cands)
}

// candidate is a name suggest may give, lower scores first.
type candidate struct {
	name  string
	score int
}

// nearness scores how close key, a normalized name, is to the normalized
// query q: its edit distance when small, else, after every near miss, a
// score for containing q (names that start with it first, then shorter
// names); false when key is neither.
func nearness(q, key string) (int, bool) {
	limit := max(2, len(q)/4)
	if d := levenshtein(q, key); d <= limit {
		return d, true
	}
	if len(q) < 4 || !strings.Contains(key, q) {
		return 0, false
	}
	score := limit + 1 + len(key) - len(q)
	if !strings.HasPrefix(key, q) {
		score += 100
	}
	return score, true
}

// bestNames returns the distinct names of the best candidates, at most
// maxSuggestions, ties in alphabetical order.
func bestNames(cands []candidate) []string {
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.score != b.score {
			return a.score - b.score
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, c := range cands {
		if !slices.Contains(out, c.name) {
			out = append(out, c.name)
		}
		if len(out) == maxSuggestions {
			break
		}
	}
	return out
}

// levenshtein is the edit distance between a and b, which normalize has
// made ASCII, so bytes are characters.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
