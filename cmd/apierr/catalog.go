// This file is the one door through which the commands read a catalog:
// looking a code up, walking the entries, classifying a response.

package main

import (
	"iter"
	"net/http"

	"github.com/apierr/apierr"
)

// catalog is every catalog read the commands make, through [cli.catalog]
// and nowhere else: lookups, the entries in order, classification. newCLI
// gives it apierr.Documented(); an application's catalog (the documented
// one With its own codes) takes its place there alone, and tests put a
// stub in it.
type catalog interface {
	Lookup(code apierr.Code) (apierr.Entry, bool)
	Entries() iter.Seq[apierr.Entry] // ordered by status then code
	FromResponse(resp *http.Response) error
}
