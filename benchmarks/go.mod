module github.com/apierr/apierr/benchmarks

go 1.26

require (
	github.com/apierr/apierr v0.0.0
	github.com/hashicorp/go-retryablehttp v0.7.8
)

require github.com/hashicorp/go-cleanhttp v0.5.2 // indirect

replace github.com/apierr/apierr => ../
