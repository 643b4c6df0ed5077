package apierr

// Every benchmark here runs beside a baseline: the plain-Go way of doing the
// same job, in the same run. Compare with
//
//	go test -run '^$' -bench . -benchmem -count 5 | benchstat -col /impl -

import (
	"strconv"
	"strings"
	"testing"
)

var sinkEntry Entry

// BenchmarkLookup finds the last entry of the table: the worst case for the
// linear scan a hand-written catalog would do.
func BenchmarkLookup(b *testing.B) {
	code := catalog[len(catalog)-1].Code
	b.Run("impl=apierr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkEntry, _ = Lookup(code)
		}
	})
	b.Run("impl=linear-scan", func(b *testing.B) {
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
