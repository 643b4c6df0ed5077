package apierr

// Every benchmark here runs beside a baseline: the plain-Go way of doing the
// same job, in the same run. Compare with
//
//	go test -run '^$' -bench . -benchmem -count 5 | benchstat -col /impl -

import "testing"

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
