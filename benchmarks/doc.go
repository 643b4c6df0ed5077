// Package benchmarks compares apierr's retrying [github.com/apierr/apierr.Transport]
// with peer libraries (github.com/hashicorp/go-retryablehttp,
// github.com/failsafe-go/failsafe-go) and with the bare net/http transport:
// on the same loopback exchanges in the same run (peers_test.go), and in a
// fleet simulation (fleet_*_test.go), many callers against one simulated
// API in virtual time, through an outage and through transient failures.
//
// It is a separate module, with its own go.mod and a replace directive
// pointing at the parent directory, so that measuring against a peer never
// makes the library itself depend on one: the apierr module's go.mod and
// go.sum stay free of every library benchmarked here.
//
// The package holds only tests. Run, from this directory:
//
//	go test -run '^$' -bench . -benchmem -count 5 | tee peers.txt
//	benchstat -col /impl peers.txt
//
// -count repeats each sub-benchmark back to back, so on a shared machine a
// change of load lands on one contender; repeating whole runs spreads it:
//
//	for i in $(seq 10); do go test -run '^$' -bench . -benchmem -count 1; done | tee peers.txt
//
// Run `go test .` to check that every contender does the same work (status
// 200, one resend for a 503, the same body and idempotency key on the
// resend, connections reused), and to hold the fleet's contenders to the
// design's bars. The fleet simulation's full run, every contender through
// the outage at 1 000 requests/s, takes about a minute of CPU and 2 GB:
//
//	go test -run Fleet -v -fleet.full           # the table, the sweeps
//	go test -run Fleet -fleet.full -update      # rewrite testdata/fleet.svg and fleet.md
package benchmarks
