// This file holds the go:generate line that writes CATALOG.md from the
// catalog.

package apierr

// CATALOG.md is the catalog as a page for people to browse. The command
// renders it from the same table Lookup reads, so it cannot drift from the
// code unnoticed: cmd/apierr's tests fail when the committed file is stale.
// go generate runs no shell, so the command writes the file itself (-o).
//
//go:generate go run ./cmd/apierr list --format markdown -o CATALOG.md
