package apierr

import (
	"errors"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// equateEmptyParams makes nil and empty Params equal, as the Challenge contract says.
var equateEmptyParams = cmpopts.EquateEmpty()

type challengeParams = map[string]string

func TestParseChallengesAcceptsValidHeaders(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    []Challenge
	}{
		{
			name:    "a bare scheme is one challenge without parameters",
			headers: []string{"Bearer"},
			want:    []Challenge{{Scheme: "Bearer"}},
		},
		{
			name:    "RFC 6750 realm example has one parameter",
			headers: []string{`Bearer realm="example"`},
			want:    []Challenge{{Scheme: "Bearer", Params: challengeParams{"realm": "example"}}},
		},
		{
			name: "RFC 6750 error example has three parameters",
			headers: []string{`Bearer realm="example", error="invalid_token", ` +
				`error_description="The access token expired"`},
			want: []Challenge{{Scheme: "Bearer", Params: challengeParams{
				"realm": "example", "error": "invalid_token",
				"error_description": "The access token expired",
			}}},
		},
		{
			name: "RFC 9110 example is Newauth with three parameters then Basic",
			headers: []string{`Newauth realm="apps", type=1, title="Login to \"apps\"", ` +
				`Basic realm="simple"`},
			want: []Challenge{
				{Scheme: "Newauth", Params: challengeParams{
					"realm": "apps", "type": "1", "title": `Login to "apps"`,
				}},
				{Scheme: "Basic", Params: challengeParams{"realm": "simple"}},
			},
		},
		{
			name:    "a bare scheme after a parameter starts a new challenge",
			headers: []string{`Basic realm="a", Bearer`},
			want: []Challenge{
				{Scheme: "Basic", Params: challengeParams{"realm": "a"}},
				{Scheme: "Bearer"},
			},
		},
		{
			name:    "token68 with one pad character",
			headers: []string{"Negotiate YII="},
			want:    []Challenge{{Scheme: "Negotiate", Token68: "YII="}},
		},
		{
			name:    "token68 challenge followed by a challenge with a parameter",
			headers: []string{"Foo abc==,Bar x=1"},
			want: []Challenge{
				{Scheme: "Foo", Token68: "abc=="},
				{Scheme: "Bar", Params: challengeParams{"x": "1"}},
			},
		},
		{
			name:    "base64 with padding is token68",
			headers: []string{"Basic dGVzdA=="},
			want:    []Challenge{{Scheme: "Basic", Token68: "dGVzdA=="}},
		},
		{
			name:    "name equals token is a parameter not token68",
			headers: []string{"Basic a=b"},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"a": "b"}}},
		},
		{
			name:    "a trailing equals sign before a comma is token68",
			headers: []string{"Basic abc= , Foo"},
			want: []Challenge{
				{Scheme: "Basic", Token68: "abc="},
				{Scheme: "Foo"},
			},
		},
		{
			name:    "token68 may use every token68 character and no padding",
			headers: []string{"X a/b+c~d.e_f-G9"},
			want:    []Challenge{{Scheme: "X", Token68: "a/b+c~d.e_f-G9"}},
		},
		{
			name:    "token68 then a second scheme separated by OWS",
			headers: []string{"Negotiate a87421000492aa874209af8bc028 ,\tNTLM"},
			want: []Challenge{
				{Scheme: "Negotiate", Token68: "a87421000492aa874209af8bc028"},
				{Scheme: "NTLM"},
			},
		},
		{
			name:    "upper-case names are lower-cased while the scheme is kept",
			headers: []string{`BASIC REALM="foo"`},
			want:    []Challenge{{Scheme: "BASIC", Params: challengeParams{"realm": "foo"}}},
		},
		{
			name:    "a token value needs no quotes",
			headers: []string{"Basic realm=foo"},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "foo"}}},
		},
		{
			name:    "single quotes are token characters not quotes",
			headers: []string{"Basic realm='foo'"},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "'foo'"}}},
		},
		{
			name:    "spaces around the equals sign are allowed",
			headers: []string{`Basic realm = "foo", charset= UTF-8`},
			want: []Challenge{{Scheme: "Basic", Params: challengeParams{
				"realm": "foo", "charset": "UTF-8",
			}}},
		},
		{
			name:    "tabs around the equals sign are allowed",
			headers: []string{"Basic realm\t=\t\"foo\""},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "foo"}}},
		},
		{
			name:    "quoted-pairs unescape ordinary letters",
			headers: []string{`Basic realm="\f\o\o"`},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "foo"}}},
		},
		{
			name:    "quoted-pairs unescape quotes and backslashes",
			headers: []string{`Basic realm="\"foo\" a\\b"`},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": `"foo" a\b`}}},
		},
		{
			name:    "commas and equals signs inside quotes stay in the value",
			headers: []string{`Basic foo="realm=nottherealm, x=y", realm="basic"`},
			want: []Challenge{{Scheme: "Basic", Params: challengeParams{
				"foo": "realm=nottherealm, x=y", "realm": "basic",
			}}},
		},
		{
			name:    "a parameter named like a scheme is still a parameter",
			headers: []string{`Basic nottherealm="nottherealm", realm="basic"`},
			want: []Challenge{{Scheme: "Basic", Params: challengeParams{
				"nottherealm": "nottherealm", "realm": "basic",
			}}},
		},
		{
			name:    "empty list elements are ignored everywhere",
			headers: []string{`, ,Basic realm="basic", , Newauth realm="newauth",a=b,,,c=d,`},
			want: []Challenge{
				{Scheme: "Basic", Params: challengeParams{"realm": "basic"}},
				{Scheme: "Newauth", Params: challengeParams{"realm": "newauth", "a": "b", "c": "d"}},
			},
		},
		{
			name:    "an empty element right after the scheme and SP keeps parameters",
			headers: []string{`Basic , realm="foo"`},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "foo"}}},
		},
		{
			name:    "OWS before a comma may be a tab",
			headers: []string{"Basic\t, Bearer"},
			want:    []Challenge{{Scheme: "Basic"}, {Scheme: "Bearer"}},
		},
		{
			name:    "leading and trailing whitespace of a line is ignored",
			headers: []string{" \tBasic realm=a ,\tBearer  "},
			want: []Challenge{
				{Scheme: "Basic", Params: challengeParams{"realm": "a"}},
				{Scheme: "Bearer"},
			},
		},
		{
			name:    "an empty quoted-string is an empty value",
			headers: []string{`Basic realm=""`},
			want:    []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": ""}}},
		},
		{
			name:    "UTF-8, raw obs-text and tabs are kept inside quotes",
			headers: []string{"Basic realm=\"Sch\u00f6n \xe4\tx\""},
			want: []Challenge{{Scheme: "Basic", Params: challengeParams{
				"realm": "Sch\u00f6n \xe4\tx",
			}}},
		},
		{
			name: "Digest style parameters with commas in quotes",
			headers: []string{`Digest realm="http-auth@example.org", qop="auth, auth-int", ` +
				`algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"`},
			want: []Challenge{{Scheme: "Digest", Params: challengeParams{
				"realm": "http-auth@example.org", "qop": "auth, auth-int",
				"algorithm": "SHA-256", "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
			}}},
		},
		{
			name:    "several field lines form one list",
			headers: []string{`Basic realm="a"`, `Bearer error="x", Negotiate`},
			want: []Challenge{
				{Scheme: "Basic", Params: challengeParams{"realm": "a"}},
				{Scheme: "Bearer", Params: challengeParams{"error": "x"}},
				{Scheme: "Negotiate"},
			},
		},
		{
			name:    "parameters may continue on the next field line",
			headers: []string{`Newauth realm="apps"`, `type=1`},
			want: []Challenge{{Scheme: "Newauth", Params: challengeParams{
				"realm": "apps", "type": "1",
			}}},
		},
		{
			name:    "empty field lines are ignored",
			headers: []string{"", " \t ", "Basic", ","},
			want:    []Challenge{{Scheme: "Basic"}},
		},
		{
			name:    "no field lines give no challenges",
			headers: nil,
			want:    nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseChallenges(tt.headers...)
			require.NoError(t, err)
			assert.Empty(t, cmp.Diff(tt.want, got, equateEmptyParams))
			for _, c := range got {
				assert.NoError(t, c.Validate(), "parsed challenges must validate")
			}
		})
	}
}

func TestParseChallengesRejectsMalformedHeaders(t *testing.T) {
	tests := []struct {
		name     string
		headers  []string
		partial  []Challenge
		offset   int
		expected string
		found    string
	}{
		{
			name:     "an unbalanced quote reports the end and where it opened",
			headers:  []string{`Basic realm="basic`},
			offset:   18,
			expected: `'"' to close the quoted-string opened at byte 12`,
			found:    "end of header value",
		},
		{
			name:     "an unbalanced quote keeps the challenges before it",
			headers:  []string{`Basic realm="a", Bearer realm="x`},
			partial:  []Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "a"}}},
			offset:   32,
			expected: `'"' to close the quoted-string opened at byte 30`,
		},
		{
			name:     "a closing quote escaped by a backslash does not close",
			headers:  []string{`Basic realm="a\"`},
			offset:   16,
			expected: `'"' to close`,
		},
		{
			name:     "a repeated parameter is an error at its second name",
			headers:  []string{`Basic realm="foo", realm="bar"`},
			offset:   19,
			expected: "unique parameter name",
			found:    `repeated "realm"`,
		},
		{
			name:     "repeats are found case-insensitively",
			headers:  []string{`Bearer, Basic realm="foo", Realm="bar"`},
			partial:  []Challenge{{Scheme: "Bearer"}},
			offset:   27,
			expected: "unique parameter name",
		},
		{
			name:     "a parameter without a value is an error",
			headers:  []string{"Basic a=b, realm="},
			offset:   17,
			expected: `token or quoted-string after "="`,
			found:    "end of header value",
		},
		{
			name:     "a parameter with spaces and no value is not token68",
			headers:  []string{"Basic realm = "},
			offset:   13,
			expected: `token or quoted-string after "="`,
		},
		{
			name:     "a parameter before any scheme is an error",
			headers:  []string{`realm="x", Basic`},
			offset:   0,
			expected: "auth-scheme before auth-param",
			found:    `auth-param "realm"`,
		},
		{
			name:     "a parameter needs SP after its scheme",
			headers:  []string{`Basic, realm="foo"`},
			partial:  []Challenge{{Scheme: "Basic"}},
			offset:   7,
			expected: "auth-params need SP after their scheme",
		},
		{
			name:     "a token68 challenge takes no parameters",
			headers:  []string{"Negotiate abc, realm=x"},
			partial:  []Challenge{{Scheme: "Negotiate", Token68: "abc"}},
			offset:   15,
			expected: "a challenge with token68 takes no auth-params",
		},
		{
			name:     "abc= at the end of a challenge is token68 and takes no parameters",
			headers:  []string{"Basic realm=, x=y"},
			partial:  []Challenge{{Scheme: "Basic", Token68: "realm="}},
			offset:   14,
			expected: "takes no auth-params",
		},
		{
			name:     "a tab between scheme and parameters is not SP",
			headers:  []string{"Basic\trealm=x"},
			offset:   5,
			expected: "SP, not HTAB, after auth-scheme",
		},
		{
			name:     "a line break inside quotes is a control character",
			headers:  []string{"Basic realm=\"a\nb\""},
			offset:   14,
			expected: `qdtext or '"'`,
			found:    "byte 0x0A",
		},
		{
			name:     "DEL inside quotes is a control character",
			headers:  []string{"Basic realm=\"a\x7f\""},
			offset:   14,
			expected: `qdtext or '"'`,
			found:    "byte 0x7F",
		},
		{
			name:     "a backslash cannot escape a control character",
			headers:  []string{"Basic realm=\"a\\\x01\""},
			offset:   15,
			expected: "HTAB, SP, VCHAR or obs-text after backslash",
		},
		{
			name:     "obsolete line folding is not whitespace",
			headers:  []string{"Basic\r\n realm=\"foo\""},
			offset:   5,
			expected: `SP, "," or end after auth-scheme`,
			found:    "byte 0x0D",
		},
		{
			name:     "a backslash is not a token character",
			headers:  []string{`Basic realm=\f\o\o`},
			offset:   12,
			expected: `token or quoted-string after "="`,
			found:    "byte 0x5C",
		},
		{
			name:     "two tokens in a value need a comma",
			headers:  []string{"Basic realm=foo bar"},
			offset:   16,
			expected: `"," or end after parameter value`,
			found:    "'b'",
		},
		{
			name:     "text right after a closing quote is an error",
			headers:  []string{`Basic realm="a"b`},
			offset:   15,
			expected: `"," or end after parameter value`,
		},
		{
			name:     "a missing comma between parameters is an error",
			headers:  []string{`Bearer error="invalid_token" error_description="x"`},
			offset:   29,
			expected: `"," or end after parameter value`,
		},
		{
			name:     "a word after a parameter name wants an equals sign",
			headers:  []string{"Basic abc def"},
			offset:   10,
			expected: `"=" after parameter name, or "," after token68`,
		},
		{
			name:     "a word after padded token68 wants a comma",
			headers:  []string{"Basic abc== def"},
			offset:   12,
			expected: `"," or end after token68`,
		},
		{
			name:     "text after padding wants a comma",
			headers:  []string{"Basic abc==def"},
			offset:   11,
			expected: `"," or end after token68`,
		},
		{
			name:     "a scheme followed by BWS and an equals sign reads as a stray parameter",
			headers:  []string{"Basic =abc"},
			offset:   0,
			expected: "auth-scheme before auth-param",
			found:    `auth-param "Basic"`,
		},
		{
			name:     "a separator cannot start token68 or a parameter",
			headers:  []string{"Basic ;abc"},
			offset:   6,
			expected: "token68 or auth-param after auth-scheme",
			found:    "';'",
		},
		{
			name:     "a quoted-string cannot follow the scheme directly",
			headers:  []string{`Basic "realm"`},
			offset:   6,
			expected: "token68 or auth-param after auth-scheme",
		},
		{
			name:     "a non-ASCII scheme is an error",
			headers:  []string{"B\u00e4sic realm=x"},
			offset:   1,
			expected: `SP, "," or end after auth-scheme`,
			found:    "byte 0xC3",
		},
		{
			name:     "a lone quote is neither scheme nor parameter",
			headers:  []string{`Basic, "x"`},
			partial:  []Challenge{{Scheme: "Basic"}},
			offset:   7,
			expected: "auth-scheme or auth-param",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseChallenges(tt.headers...)
			assert.Empty(t, cmp.Diff(tt.partial, got, equateEmptyParams), "partial result")
			var ce *ChallengeError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.offset, ce.Offset, "offset in %s", err)
			assert.Contains(t, ce.Expected, tt.expected)
			if tt.found != "" {
				assert.Equal(t, tt.found, ce.Found)
			}
			for _, c := range got {
				assert.NoError(t, c.Validate(), "partial challenges must validate")
			}
		})
	}
}

func TestChallengeErrorMessage(t *testing.T) {
	t.Run("a single line names the byte and the expectation", func(t *testing.T) {
		_, err := ParseChallenges("Basic a=b, realm=")
		require.EqualError(t, err, `apierr: WWW-Authenticate: at byte 17: `+
			`expected token or quoted-string after "=", found end of header value`)
	})
	t.Run("a later line adds its index and local offset", func(t *testing.T) {
		got, err := ParseChallenges(`Basic realm="a"`, `Bearer x="y`)
		assert.Empty(t, cmp.Diff([]Challenge{{Scheme: "Basic", Params: challengeParams{"realm": "a"}}},
			got, equateEmptyParams))
		var ce *ChallengeError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, ChallengeError{
			Offset: 28, Header: 1, HeaderOffset: 11,
			Expected: `'"' to close the quoted-string opened at byte 26`,
			Found:    "end of header value",
		}, *ce)
		assert.Contains(t, err.Error(), "at byte 28 (headers[1] byte 11): expected")
		joined := strings.Join([]string{`Basic realm="a"`, `Bearer x="y`}, ", ")
		assert.Equal(t, len(joined), ce.Offset, "offsets count in the joined values")
	})
	t.Run("a quoted-string cannot run into the next line", func(t *testing.T) {
		got, err := ParseChallenges(`Basic realm="a`, `b"`)
		assert.Empty(t, got)
		var ce *ChallengeError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, 14, ce.Offset)
		assert.Equal(t, 0, ce.Header)
	})
}

func TestParseChallengesAllocatesLittle(t *testing.T) {
	t.Run("unescaped values are substrings of the input", func(t *testing.T) {
		h := `Bearer realm="apierr", error="invalid_token"`
		got, err := ParseChallenges(h)
		require.NoError(t, err)
		realm := got[0].Params["realm"]
		assert.Equal(t, unsafe.StringData(h[14:]), unsafe.StringData(realm))
	})
	t.Run("a typical header costs the slice and one map", func(t *testing.T) {
		h := `Bearer realm="apierr", error="invalid_token", ` +
			`error_description="The access token expired"`
		allocs := testing.AllocsPerRun(100, func() { _, _ = ParseChallenges(h) })
		assert.LessOrEqual(t, allocs, 3.0)
	})
}

func TestChallengeString(t *testing.T) {
	tests := []struct {
		name string
		c    Challenge
		want string
	}{
		{
			name: "a bare scheme is written alone",
			c:    Challenge{Scheme: "Bearer"},
			want: "Bearer",
		},
		{
			name: "an empty params map writes no parameters",
			c:    Challenge{Scheme: "Bearer", Params: challengeParams{}},
			want: "Bearer",
		},
		{
			name: "token68 follows the scheme after one SP",
			c:    Challenge{Scheme: "Negotiate", Token68: "YII="},
			want: "Negotiate YII=",
		},
		{
			name: "well-known names come first in RFC 6750 order then the rest sorted",
			c: Challenge{Scheme: "Bearer", Params: challengeParams{
				"zeta": "z", "error_uri": "u", "alpha": "a", "error": "e",
				"scope": "s", "error_description": "d", "realm": "r",
			}},
			want: `Bearer realm="r", scope="s", error="e", error_description="d", ` +
				`error_uri="u", alpha="a", zeta="z"`,
		},
		{
			name: "token values are quoted too",
			c:    Challenge{Scheme: "Newauth", Params: challengeParams{"type": "1"}},
			want: `Newauth type="1"`,
		},
		{
			name: "quotes and backslashes are escaped and nothing else",
			c: Challenge{Scheme: "Basic", Params: challengeParams{
				"realm": "say \"hi\" to C:\\ , = \t \u00e9 \xff",
			}},
			want: "Basic realm=\"say \\\"hi\\\" to C:\\\\ , = \t \u00e9 \xff\"",
		},
		{
			name: "an empty value is an empty quoted-string",
			c:    Challenge{Scheme: "Basic", Params: challengeParams{"realm": ""}},
			want: `Basic realm=""`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.String())
		})
	}
}

func TestChallengeValidate(t *testing.T) {
	valid := []struct {
		name string
		c    Challenge
	}{
		{"a bare scheme is valid", Challenge{Scheme: "Bearer"}},
		{"a scheme with every tchar is valid", Challenge{Scheme: "!#$%&'*+-.^_`|~09azAZ"}},
		{"token68 with padding is valid", Challenge{Scheme: "Basic", Token68: "a/b+c=="}},
		{"token68 with an empty params map is valid",
			Challenge{Scheme: "Basic", Token68: "abc", Params: challengeParams{}}},
		{"values may hold tabs, quotes, backslashes and any high byte",
			Challenge{Scheme: "Basic", Params: challengeParams{"realm": "\t\"\\ \u00e9\xff\x80"}}},
		{"an empty value is valid", Challenge{Scheme: "Basic", Params: challengeParams{"realm": ""}}},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			assert.NoError(t, tt.c.Validate())
		})
	}
	invalid := []struct {
		name string
		c    Challenge
		msg  string
	}{
		{"an empty scheme is rejected", Challenge{}, "empty auth-scheme"},
		{"a scheme with a space is rejected", Challenge{Scheme: "Ba sic"},
			"auth-scheme is not a token (byte 0x20 at index 2)"},
		{"a non-ASCII scheme is rejected", Challenge{Scheme: "B\u00e4sic"},
			"auth-scheme is not a token"},
		{"an upper-case parameter name is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"Realm": "x"}},
			`"Realm" is not lower-case`},
		{"a parameter name with a space is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"re alm": "x"}},
			"parameter name is not a token"},
		{"an empty parameter name is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"": "x"}}, "empty parameter name"},
		{"a line feed in a value is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"realm": "a\nb"}},
			`value of "realm" has control byte 0x0A at index 1`},
		{"NUL in a value is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"realm": "\x00"}}, "control byte 0x00"},
		{"DEL in a value is rejected",
			Challenge{Scheme: "Basic", Params: challengeParams{"realm": "\x7f"}}, "control byte 0x7F"},
		{"token68 and parameters together are rejected",
			Challenge{Scheme: "Basic", Token68: "abc", Params: challengeParams{"realm": "x"}},
			"both token68 and auth-params"},
		{"token68 with text after padding is rejected",
			Challenge{Scheme: "Basic", Token68: "abc=d"}, "token68 is not"},
		{"token68 that is only padding is rejected",
			Challenge{Scheme: "Basic", Token68: "=="}, "token68 is not"},
		{"token68 with a space is rejected",
			Challenge{Scheme: "Basic", Token68: "a b"}, "token68 is not"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "apierr: challenge: "), err.Error())
		})
	}
}

func TestChallengeRoundTrip(t *testing.T) {
	var high strings.Builder
	for b := 0x80; b <= 0xff; b++ {
		high.WriteByte(byte(b))
	}
	tests := []struct {
		name string
		c    Challenge
	}{
		{"a bare scheme round-trips", Challenge{Scheme: "Bearer"}},
		{"a mixed-case scheme keeps its case", Challenge{Scheme: "NeGoTiAtE", Token68: "YII="}},
		{"token68 with slashes round-trips", Challenge{Scheme: "X", Token68: "a/b"}},
		{"RFC 6750 error challenge round-trips", Challenge{Scheme: "Bearer", Params: challengeParams{
			"realm": "example", "error": "invalid_token",
			"error_description": "The access token expired",
		}}},
		{"separators inside values round-trip", Challenge{Scheme: "Basic", Params: challengeParams{
			"realm": `a, b="c", \d\`, "x": "=", "y": ",", "z": `"`,
		}}},
		{"empty and blank values round-trip", Challenge{Scheme: "Basic", Params: challengeParams{
			"realm": "", "pad": "  \t ",
		}}},
		{"every byte from 0x80 round-trips", Challenge{Scheme: "Basic", Params: challengeParams{
			"realm": high.String(), "utf8": "\u00e9\u4e16\U0001f600",
		}}},
		{"names with unusual tchars round-trip", Challenge{Scheme: "Basic", Params: challengeParams{
			"!#$%&'*+-.^_`|~": "v", "a1": "w",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.c.Validate())
			got, err := ParseChallenges(tt.c.String())
			require.NoError(t, err, tt.c.String())
			assert.Empty(t, cmp.Diff([]Challenge{tt.c}, got, equateEmptyParams))
		})
	}
}

func TestSanitizeBearerText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"clean ASCII is unchanged", "The access token expired", "The access token expired"},
		{"empty stays empty", "", ""},
		{"Portuguese accents are folded", "Consentimento inv\u00e1lido", "Consentimento invalido"},
		{"header injection loses CR and LF; a quote becomes an apostrophe",
			"a\"\r\nX-Evil: 1", "a'??X-Evil: 1"},
		{"typographic marks become their ASCII kin",
			"token expirado às 10h \u2014 \u201cx\u201d \u2018y\u2019 \u2026 \u00ab z \u00bb",
			"token expirado as 10h - 'x' 'y' ... ' z '"},
		{"backslash becomes a question mark", `C:\x`, "C:?x"},
		{"Latin-1 letters fold in both cases",
			"\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd" +
				"\u00ce\u00cf\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d9\u00da\u00db\u00dc\u00dd" +
				" \u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed" +
				"\u00ee\u00ef\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff",
			"AAAAAACEEEEIIIINOOOOOUUUUY aaaaaaceeeeiiiinooooouuuuyy"},
		{"Latin Extended-A letters fold",
			"\u0141\u00f3d\u017a, \u010cesk\u00e9, \u015e\u0131k, Bra\u0219ov",
			"Lodz, Ceske, Sik, Bra?ov"},
		{"ligatures and sharp s become two letters", "\u00c6\u00e6\u0152\u0153\u00df",
			"AEaeOEoess"},
		{"symbols outside Latin letters become one question mark each",
			"\u00d7\u00f7\u20ac\U0001f600\u4e16", "?????"},
		{"each invalid UTF-8 byte becomes a question mark", "a\xff\xfeb\xe2\x82", "a??b??"},
		{"controls and DEL become question marks", "\x00\t\x7f", "???"},
		{"every allowed ASCII byte is kept",
			" !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~", " !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sanitizeBearerText(tt.in))
		})
	}
	t.Run("the injection string keeps no CR, LF or quote", func(t *testing.T) {
		got := sanitizeBearerText("x\"\r\nX-Evil: 1")
		assert.NotContains(t, got, "\r")
		assert.NotContains(t, got, "\n")
		assert.NotContains(t, got, `"`)
	})
	t.Run("appending to a buffer with room does not allocate", func(t *testing.T) {
		buf := make([]byte, 0, 64)
		assert.Zero(t, testing.AllocsPerRun(100, func() {
			_ = appendBearerText(buf[:0], "Consentimento inválido")
		}))
	})
	t.Run("every output byte is in the RFC 6750 set", func(t *testing.T) {
		var all strings.Builder
		for r := rune(0); r < 0x250; r++ {
			all.WriteRune(r)
		}
		for _, c := range []byte(sanitizeBearerText(all.String())) {
			assert.True(t, isBearerText(c), "byte 0x%02X", c)
		}
	})
}

func TestChallengeErrorIsAnError(t *testing.T) {
	t.Run("errors.As finds the typed error through wrapping", func(t *testing.T) {
		_, err := ParseChallenges(`Basic realm="`)
		wrapped := errors.Join(errors.New("context"), err)
		var ce *ChallengeError
		require.ErrorAs(t, wrapped, &ce)
		assert.Equal(t, 13, ce.Offset)
	})
}

func TestCharacterClassesMatchRFC9110(t *testing.T) {
	const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	const tcharSet = alnum + "!#$%&'*+-.^_`|~" // §5.6.2
	const token68Set = alnum + "-._~+/"        // §11.2, before the "=" padding
	t.Run("every byte is classified as the RFC says", func(t *testing.T) {
		for i := 0; i < 256; i++ {
			c := byte(i)
			assert.Equal(t, strings.IndexByte(tcharSet, c) >= 0, isTchar(c), "tchar 0x%02X", c)
			assert.Equal(t, strings.IndexByte(token68Set, c) >= 0, isToken68Char(c),
				"token68 0x%02X", c)
			ctl := c < 0x20 && c != '\t' || c == 0x7f
			assert.Equal(t, ctl, isCTL(c), "CTL 0x%02X", c)
		}
	})
}

// sanitizeBearerText is appendBearerText's result as a string, for tests.
func sanitizeBearerText(s string) string { return string(appendBearerText(nil, s)) }
