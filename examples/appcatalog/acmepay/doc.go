// Package acmepay holds the error codes of Acme Pay, the example API of
// examples/appcatalog: its catalog file, catalog.json, is the one place
// they are written; codes.go (the typed constants, the entries and the
// catalog) and CATALOG.md (the page for people) are generated from it.
//
// After editing catalog.json, run go generate in this directory (or
// go generate ./... at the repository root).
package acmepay

//go:generate -command apierr go run github.com/apierr/apierr/cmd/apierr
//go:generate apierr gen --catalog catalog.json --package acmepay -o codes.go
//go:generate apierr list --catalog catalog.json --app --format markdown -o CATALOG.md
