// This file holds WWW-Authenticate: Challenge, the strict parser
// ParseChallenges, the one challenge writer (String, and Write's challenges
// through it), and the sanitising of RFC 6750 text.

package apierr

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr/internal/text"
)

// Challenge is one authentication challenge of a WWW-Authenticate header
// (RFC 9110 §11.6.1). A challenge carries either a Token68 or Params, never both.
type Challenge struct {
	Scheme  string            // as sent; compare with strings.EqualFold
	Params  map[string]string // names lower-cased, values unquoted and unescaped
	Token68 string
}

// ChallengeError reports where ParseChallenges gave up and what it wanted there.
//
// Offset counts bytes in the header values joined with ", ", which is how
// RFC 9110 §5.3 combines several field lines; Header and HeaderOffset locate
// the same byte in the arguments as given, so both views are available.
type ChallengeError struct {
	Offset       int    // byte offset in strings.Join(headers, ", ")
	Header       int    // index of the argument holding the fault
	HeaderOffset int    // byte offset within that argument
	Expected     string // what the grammar allowed at Offset
	Found        string // what was there instead
}

// Error formats the fault as "apierr: WWW-Authenticate: at byte N: expected X, found Y".
func (e *ChallengeError) Error() string {
	where := strconv.Itoa(e.Offset)
	if e.Header > 0 { // the first line's offsets already match the joined ones
		where += fmt.Sprintf(" (headers[%d] byte %d)", e.Header, e.HeaderOffset)
	}
	msg := "apierr: WWW-Authenticate: at byte " + where + ": expected " + e.Expected
	if e.Found != "" {
		msg += ", found " + e.Found
	}
	return msg
}

// ParseChallenges parses WWW-Authenticate (or Proxy-Authenticate) field values
// strictly by RFC 9110 §11.3, §11.6.1 and §5.6. Each argument is one field line
// with surrounding whitespace ignored; together they form one list, as if joined
// with ", ", except that a quoted-string cannot run from one line into the next.
//
// After a comma, "token BWS =" continues the current challenge's auth-params and
// any other token starts a new challenge. Parameters may follow a comma only when
// the scheme was followed by SP and no token68, so "Basic, realm=x" is rejected.
// Right after "scheme SP", a token68 is recognised only when its trailing "="s
// are followed by a comma or the end: "abc==" and "abc=" are token68, "abc=def"
// is a parameter. A parameter repeated within a challenge is an error, as
// RFC 6750 §3 requires, since either value could be the one a peer acts on.
//
// On malformed input it returns the challenges completed before the fault and a
// *ChallengeError. A challenge that could still take auth-params at the fault is
// dropped, because the fault may be part of it.
func ParseChallenges(headers ...string) ([]Challenge, error) {
	var p challengeParser
	err := p.parse(headers)
	return p.out, err
}

// firstBearer is what classifying a response needs of WWW-Authenticate: its
// first Bearer challenge, and whether it carries any challenge at all. It
// keeps nothing else, and stops at the Bearer challenge, so a header of
// any size costs memory only for that challenge's parameters.
func firstBearer(headers []string) (bearer *Challenge, any bool) {
	p := challengeParser{onlyBearer: true}
	_ = p.parse(headers) // what was completed before a fault is still good
	if len(p.out) > 0 {
		bearer = &p.out[0]
	}
	return bearer, p.seen > 0
}

func (p *challengeParser) parse(headers []string) error {
	base := 0
	for i, h := range headers {
		p.s, p.header, p.base = h, i, base
		if err := p.field(); err != nil {
			return err
		}
		if p.onlyBearer && len(p.out) > 0 {
			return nil
		}
		base += len(h) + len(", ")
	}
	p.flush()
	return nil
}

// challengeParser keeps the open challenge across field lines, because a line
// break in the header is just a list comma (RFC 9110 §5.3).
type challengeParser struct {
	s      string // current field line
	pos    int    // next byte of s to read
	end    int    // s[:end] with trailing OWS trimmed
	header int    // index of s in the arguments
	base   int    // offset of s in the joined values
	out    []Challenge
	cur    Challenge
	open   bool // cur is under construction, so it may still take auth-params
	seen   int  // challenges completed, kept or not

	onlyBearer bool // keep only the first Bearer challenge (see firstBearer)
	skip       bool // cur is not kept: check its syntax, store nothing
}

func (p *challengeParser) field() error {
	p.end = len(p.s)
	for p.end > 0 && isOWS(p.s[p.end-1]) {
		p.end--
	}
	p.pos = 0
	for {
		p.skipOWS()
		if p.pos == p.end {
			return nil
		}
		if p.s[p.pos] == ',' { // empty list elements are allowed (§5.6.1)
			p.pos++
			continue
		}
		if err := p.element(); err != nil {
			return err
		}
	}
}

// element parses one list element: an auth-param of the current challenge or a
// new challenge. "token BWS =" can only be an auth-param, since no challenge
// continues with "=" after its scheme.
func (p *challengeParser) element() error {
	start := p.pos
	name := p.token()
	if name == "" {
		return p.fail(start, "auth-scheme or auth-param")
	}
	p.skipOWS()
	if p.pos < p.end && p.s[p.pos] == '=' {
		if !p.open {
			return p.paramWithoutHome(start, name)
		}
		p.pos++
		return p.param(start, name)
	}
	p.pos = start + len(name)
	p.flush()
	if p.onlyBearer && len(p.out) > 0 {
		p.pos = p.end // the Bearer challenge is complete: nothing else is needed
		return nil
	}
	p.cur, p.open = Challenge{Scheme: name}, true
	p.skip = p.onlyBearer && !strings.EqualFold(name, "Bearer")
	return p.afterScheme()
}

func (p *challengeParser) paramWithoutHome(at int, name string) error {
	expected := "auth-scheme before auth-param"
	switch {
	case p.cur.Token68 != "":
		expected = "auth-scheme (a challenge with token68 takes no auth-params)"
	case p.cur.Scheme != "":
		expected = "auth-scheme (auth-params need SP after their scheme)"
	}
	return p.failFound(at, expected, `auth-param "`+name+`"`)
}

// afterScheme enforces "auth-scheme [ 1*SP ( token68 / #auth-param ) ]": only SP
// may separate the scheme from what follows, while OWS may precede a comma.
func (p *challengeParser) afterScheme() error {
	spStart := p.pos
	for p.pos < p.end && p.s[p.pos] == ' ' {
		p.pos++
	}
	sawSP := p.pos > spStart
	wsEnd := p.pos
	p.skipOWS()
	if p.pos == p.end || p.s[p.pos] == ',' {
		if !sawSP {
			p.flush() // auth-params need SP after the scheme, so it is complete
		}
		return nil
	}
	if wsEnd < p.pos {
		return p.fail(wsEnd, "SP, not HTAB, after auth-scheme")
	}
	if !sawSP {
		return p.fail(p.pos, `SP, "," or end after auth-scheme`)
	}
	return p.firstItem()
}

// firstItem parses what follows "scheme 1*SP": a token68 or the first auth-param.
func (p *challengeParser) firstItem() error {
	start := p.pos
	name := p.token()
	nameEnd := p.pos
	p.skipOWS()
	if name != "" && p.pos < p.end && p.s[p.pos] == '=' {
		eq := p.pos
		p.pos++
		p.skipOWS()
		if p.pos < p.end && (p.s[p.pos] == '"' || isTchar(p.s[p.pos])) {
			return p.param(start, name)
		}
		if eq == nameEnd { // "abc=" or "abc==": no value follows, so try token68
			t, ok := p.token68(start)
			if ok {
				return nil
			}
			if p.pos < p.end && p.s[p.pos] == '=' {
				return p.fail(p.owsEnd(t), `"," or end after token68`)
			}
		}
		return p.fail(p.pos, `token or quoted-string after "="`)
	}
	t, ok := p.token68(start)
	switch {
	case ok:
		return nil
	case t == start:
		return p.fail(start, "token68 or auth-param after auth-scheme")
	case p.s[t-1] == '=':
		return p.fail(p.owsEnd(t), `"," or end after token68`)
	}
	return p.fail(p.owsEnd(t), `"=" after parameter name, or "," after token68`)
}

// token68 takes s[start:t] as the challenge's token68 when a comma or the end
// follows it; t is where the token68 characters ended either way.
func (p *challengeParser) token68(start int) (t int, ok bool) {
	t = start + token68Len(p.s[start:p.end])
	if t == start {
		return t, false
	}
	if i := p.owsEnd(t); i < p.end && p.s[i] != ',' {
		return t, false
	}
	p.cur.Token68, p.pos = p.s[start:t], t
	p.flush() // a token68 challenge takes no auth-params, so it is complete
	return t, true
}

// param parses an auth-param value; pos is just after "=".
func (p *challengeParser) param(nameAt int, name string) error {
	if p.skip {
		p.skipOWS()
		if _, err := p.value(false); err != nil {
			return err
		}
		return p.paramEnd()
	}
	key := strings.ToLower(name) // returns name itself when already lower-case
	if _, dup := p.cur.Params[key]; dup {
		return p.failFound(nameAt, "unique parameter name", `repeated "`+key+`"`)
	}
	p.skipOWS()
	value, err := p.value(true)
	if err != nil {
		return err
	}
	if p.cur.Params == nil {
		p.cur.Params = make(map[string]string)
	}
	p.cur.Params[key] = value
	return p.paramEnd()
}

// paramEnd checks what follows a parameter's value: a comma or the end.
func (p *challengeParser) paramEnd() error {
	p.skipOWS()
	if p.pos < p.end && p.s[p.pos] != ',' {
		return p.fail(p.pos, `"," or end after parameter value`)
	}
	return nil
}

// value reads a token or a quoted-string (§5.6.4) at pos. Without quoted-pairs
// the value is a substring of the input, so only escaped values allocate, and
// only when unescape is set.
func (p *challengeParser) value(unescape bool) (string, error) {
	if p.pos == p.end || p.s[p.pos] != '"' {
		if v := p.token(); v != "" {
			return v, nil
		}
		return "", p.fail(p.pos, `token or quoted-string after "="`)
	}
	open := p.pos
	escaped := false
	for p.pos++; p.pos < p.end; p.pos++ {
		switch c := p.s[p.pos]; {
		case c == '"':
			v := p.s[open+1 : p.pos]
			p.pos++
			if escaped && unescape {
				v = unescapeQuoted(v)
			}
			return v, nil
		case isCTL(c):
			return "", p.fail(p.pos, `qdtext or '"'`)
		case c == '\\' && p.pos+1 < p.end:
			p.pos++
			if isCTL(p.s[p.pos]) {
				return "", p.fail(p.pos, "HTAB, SP, VCHAR or obs-text after backslash")
			}
			escaped = true
		}
	}
	where := strconv.Itoa(p.base + open)
	return "", p.fail(p.pos, `'"' to close the quoted-string opened at byte `+where)
}

func unescapeQuoted(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func (p *challengeParser) token() string {
	start := p.pos
	for p.pos < p.end && isTchar(p.s[p.pos]) {
		p.pos++
	}
	return p.s[start:p.pos]
}

func (p *challengeParser) skipOWS() { p.pos = p.owsEnd(p.pos) }

func (p *challengeParser) owsEnd(i int) int {
	for i < p.end && isOWS(p.s[i]) {
		i++
	}
	return i
}

func (p *challengeParser) flush() {
	if p.open {
		p.seen++
		if !p.skip {
			p.out = append(p.out, p.cur)
		}
		p.open = false
	}
}

func (p *challengeParser) fail(at int, expected string) error {
	if at == p.end {
		return p.failFound(at, expected, "end of header value")
	}
	return p.failFound(at, expected, describeByte(p.s[at]))
}

func (p *challengeParser) failFound(at int, expected, found string) error {
	return &ChallengeError{
		Offset: p.base + at, Header: p.header, HeaderOffset: at,
		Expected: expected, Found: found,
	}
}

// describeByte names a byte without Go quoting, which would obscure raw bytes.
func describeByte(c byte) string {
	if c > ' ' && c < 0x7f && c != '\'' && c != '\\' {
		return "'" + string(rune(c)) + "'"
	}
	return fmt.Sprintf("byte 0x%02X", c)
}

// wellKnownParams lead in String, in the order RFC 6750 §3 presents them, so
// the fields people look for first are found first.
var wellKnownParams = [...]string{"realm", "scope", "error", "error_description", "error_uri"}

func paramRank(name string) int {
	if i := slices.Index(wellKnownParams[:], name); i >= 0 {
		return i
	}
	return len(wellKnownParams)
}

// String formats c for a WWW-Authenticate header: the scheme, then the token68
// or every parameter as name="value", well-known names first and the rest
// sorted so output is deterministic. Values are always quoted-strings (RFC 9110
// §5.6.4) escaping only '"' and '\', so parsing restores each value byte for byte.
func (c Challenge) String() string {
	if c.Token68 != "" {
		return c.Scheme + " " + c.Token68
	}
	params := make([]param, 0, len(c.Params))
	n := len(c.Scheme)
	for k, v := range c.Params {
		params = append(params, param{k, v})
		n += len(`, =""`) + len(k) + len(v) + strings.Count(v, `"`) + strings.Count(v, `\`)
	}
	return string(appendChallenge(make([]byte, 0, n), c.Scheme, params, false))
}

// param is one auth-param on its way into a header.
type param struct{ name, value string }

// appendChallenge is the one challenge writer, for [Challenge.String] and
// for [Writer.Write]: the scheme, then params in the well-known order (the
// rest sorted by name), each value a quoted-string. With sanitize set, each
// value is first made RFC 6750 §3 text (see appendBearerText), which then
// needs no escaping; otherwise '"' and '\' are escaped and nothing else
// changes.
func appendChallenge(b []byte, scheme string, params []param, sanitize bool) []byte {
	slices.SortFunc(params, func(a, b param) int {
		return cmp.Or(cmp.Compare(paramRank(a.name), paramRank(b.name)),
			strings.Compare(a.name, b.name))
	})
	b = append(b, scheme...)
	for i, p := range params {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ',', ' ')
		}
		b = append(b, p.name...)
		b = append(b, '=', '"')
		if sanitize {
			b = appendBearerText(b, p.value)
		} else {
			b = appendQuotedText(b, p.value)
		}
		b = append(b, '"')
	}
	return b
}

// appendQuotedText appends v as the inside of a quoted-string, escaping
// only '"' and '\'.
func appendQuotedText(b []byte, v string) []byte {
	for j := strings.IndexAny(v, `"\`); j >= 0; j = strings.IndexAny(v, `"\`) {
		b = append(b, v[:j]...)
		b = append(b, '\\', v[j])
		v = v[j+1:]
	}
	return append(b, v...)
}

// Validate reports whether c can be sent as is; String of a valid challenge
// parses back to exactly that challenge, which is what lets servers trust it.
func (c Challenge) Validate() error {
	if err := checkToken("auth-scheme", c.Scheme); err != nil {
		return err
	}
	if c.Token68 != "" && len(c.Params) > 0 {
		return errors.New("apierr: challenge: both token68 and auth-params are set")
	}
	if token68Len(c.Token68) != len(c.Token68) {
		return errors.New(`apierr: challenge: token68 is not 1*( ALPHA / DIGIT / "-" / ` +
			`"." / "_" / "~" / "+" / "/" ) *"="`)
	}
	for k, v := range c.Params {
		if err := checkToken("parameter name", k); err != nil {
			return err
		}
		if strings.ToLower(k) != k { // Params keys must match what parsing produces
			return fmt.Errorf(`apierr: challenge: parameter name "%s" is not lower-case`, k)
		}
		for i := 0; i < len(v); i++ {
			if isCTL(v[i]) {
				return fmt.Errorf(`apierr: challenge: value of "%s" has control %s at index %d`,
					k, describeByte(v[i]), i)
			}
		}
	}
	return nil
}

func checkToken(what, s string) error {
	if s == "" {
		return errors.New("apierr: challenge: empty " + what)
	}
	for i := 0; i < len(s); i++ {
		if !isTchar(s[i]) {
			return fmt.Errorf("apierr: challenge: %s is not a token (%s at index %d)",
				what, describeByte(s[i]), i)
		}
	}
	return nil
}

// token68Len returns the length of the token68 that s starts with, 0 if none.
func token68Len(s string) int {
	i := 0
	for i < len(s) && isToken68Char(s[i]) {
		i++
	}
	for i > 0 && i < len(s) && s[i] == '=' {
		i++
	}
	return i
}

func isOWS(c byte) bool { return c == ' ' || c == '\t' }

// isCTL reports the bytes a quoted-string cannot carry even escaped: CTLs but HTAB.
func isCTL(c byte) bool { return c < ' ' && c != '\t' || c == 0x7f }

func isTchar(c byte) bool { return c < utf8.RuneSelf && charClass[c]&tchar != 0 }

func isToken68Char(c byte) bool { return c < utf8.RuneSelf && charClass[c]&token68Char != 0 }

const (
	tchar       = 1 << iota // RFC 9110 §5.6.2
	token68Char             // RFC 9110 §11.2, without the trailing "="
)

// charClass is a table because these tests run once per input byte.
var charClass = func() (t [utf8.RuneSelf]uint8) {
	const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	for _, c := range alnum + "+-._~" {
		t[c] = tchar | token68Char
	}
	for _, c := range "!#$%&'*^`|" {
		t[c] = tchar
	}
	t['/'] = token68Char
	return t
}()

// isBearerText reports the RFC 6750 §3 set for error, error_description and
// scope: %x20-21 / %x23-5B / %x5D-7E, which leaves out '"' and '\'.
func isBearerText(c byte) bool {
	return c >= ' ' && c <= '~' && c != '"' && c != '\\'
}

// appendBearerText appends s to b made safe for RFC 6750's error fields,
// which allow only %x20-21 / %x23-5B / %x5D-7E: Latin letters lose their
// accents ("às" → "as"), typographic marks become their ASCII kin ("—" →
// "-", quotation marks and '"' → "'", "…" → "..."), and anything else
// becomes '?', so nothing can break out of the quoted-string or the header.
// Clean runs are copied whole.
func appendBearerText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			j := i
			for j < len(s) && isBearerText(s[j]) {
				j++
			}
			if j > i {
				b = append(b, s[i:j]...)
				i = j
				continue
			}
			if c == '"' {
				b = append(b, '\'')
			} else {
				b = append(b, '?')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // an invalid byte is RuneError, size 1
		if ascii, ok := text.FoldLatin(r); ok {
			b = append(b, ascii...)
		} else if ascii, ok := typographic[r]; ok {
			b = append(b, ascii...)
		} else {
			b = append(b, '?')
		}
		i += size
	}
	return b
}

// typographic maps the marks a detail is likely to hold to their ASCII kin.
var typographic = map[rune]string{
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-",
	'\u2212': "-", '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': "'", '\u201D': "'", '\u201E': "'", '\u201F': "'", '\u2033': "'", '\u00AB': "'",
	'\u00BB': "'", '\u2039': "'", '\u203A': "'", '\u2026': "...", '\u00A0': " ", '\u2002': " ",
	'\u2003': " ", '\u2009': " ", '\u202F': " ", '\u2022': "*", '\u00B7': "*", '\u00BA': "o",
	'\u00AA': "a", '\u00B0': "o",
}
