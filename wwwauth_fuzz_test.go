package apierr

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// FuzzParseChallenges feeds arbitrary text, split on '\n' into field lines so
// the multi-line bookkeeping is exercised too.
func FuzzParseChallenges(f *testing.F) {
	for _, seed := range []string{
		`Bearer realm="example", error="invalid_token", error_description="The access token expired"`,
		`Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`,
		`Basic realm="a", Bearer`,
		"Negotiate YII=",
		"Foo abc==,Bar x=1",
		"Basic dGVzdA==, Basic a=b",
		`Basic realm = "foo", , a=b,,,c=d,`,
		"Basic , realm=\"x\"\nNewauth\n type=1",
		`Basic realm="basic`,
		`Basic realm="foo", REALM="bar"`,
		"Basic\trealm=x",
		"Basic realm=\"a\\\x01\"",
		"Basic abc== def",
		"realm=x, Basic",
		"Basic realm=\"\xff\xfe\t\"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		headers := strings.Split(in, "\n")
		got, err := ParseChallenges(headers...)
		for _, c := range got {
			// Even partial results are whole challenges, so they validate and
			// survive a round trip.
			require.NoError(t, c.Validate(), "%#v from %#v", c, headers)
			again, err := ParseChallenges(c.String())
			require.NoError(t, err, c.String())
			requireSameChallenges(t, []Challenge{c}, again)
		}
		if err == nil {
			return
		}
		var ce *ChallengeError
		require.True(t, errors.As(err, &ce), "%T is not *ChallengeError", err)
		require.True(t, ce.Header >= 0 && ce.Header < len(headers), "%+v", ce)
		require.True(t, ce.HeaderOffset >= 0 && ce.HeaderOffset <= len(headers[ce.Header]))
		joinedBefore := len(strings.Join(headers[:ce.Header], ", "))
		if ce.Header > 0 {
			joinedBefore += len(", ")
		}
		require.Equal(t, joinedBefore+ce.HeaderOffset, ce.Offset, "%+v", ce)
		require.NotEmpty(t, ce.Expected)
	})
}

// FuzzChallengeRoundTrip builds challenges from fuzzed parts: whenever one
// validates, its String must parse back to exactly it.
func FuzzChallengeRoundTrip(f *testing.F) {
	f.Add("Bearer", false, "", "realm", "example", "error", "invalid_token",
		"error_description", "The access token expired")
	f.Add("Basic", false, "", "realm", `say "hi" \ , =`, "charset", "UTF-8", "", "")
	f.Add("Newauth", false, "", "title", "Login to \"apps\"", "type", "1", "realm", "")
	f.Add("Negotiate", true, "YII=", "", "", "", "", "", "")
	f.Add("X", true, "a/b+c~d.e_f-g==", "", "", "", "", "", "")
	f.Add("Basic", false, "", "realm", "\xff\x80\t caf\u00e9", "x", ",", "y", `"`)
	f.Fuzz(func(t *testing.T, scheme string, useToken68 bool, token68 string,
		n1, v1, n2, v2, n3, v3 string) {
		c := Challenge{Scheme: scheme}
		if useToken68 {
			c.Token68 = token68
		} else {
			c.Params = map[string]string{}
			for _, kv := range [][2]string{{n1, v1}, {n2, v2}, {n3, v3}} {
				if kv[0] != "" {
					c.Params[strings.ToLower(kv[0])] = kv[1]
				}
			}
		}
		if c.Validate() != nil {
			t.Skip()
		}
		got, err := ParseChallenges(c.String())
		require.NoError(t, err, c.String())
		requireSameChallenges(t, []Challenge{c}, got)
	})
}

// requireSameChallenges is the cheap equality fuzzing can afford on every run;
// maps.Equal already treats nil and empty Params alike. cmp.Diff only runs to
// explain a failure.
func requireSameChallenges(t *testing.T, want, got []Challenge) {
	t.Helper()
	same := slices.EqualFunc(want, got, func(a, b Challenge) bool {
		return a.Scheme == b.Scheme && a.Token68 == b.Token68 && maps.Equal(a.Params, b.Params)
	})
	if !same {
		t.Fatalf("challenges differ (-want +got):\n%s", cmp.Diff(want, got, equateEmptyParams))
	}
}
