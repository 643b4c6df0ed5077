// This file is the one door through which the commands read a catalog:
// looking a code up, walking the entries, classifying a response.

package main

import (
	"iter"
	"net/http"

	"github.com/apierr/apierr"
)

// catalog is every catalog read the commands make, through [cli.catalog]
// and nowhere else. Its methods are those of *apierr.Catalog, so that the
// documented catalog, or one an application extends with its own codes,
// takes documented's place in newCLI alone.
type catalog interface {
	Lookup(code apierr.Code) (apierr.Entry, bool)
	Entries() iter.Seq[apierr.Entry] // ordered by status then code
	FromResponse(resp *http.Response) error
}

// documented is the documented catalog, read through the package's
// functions.
type documented struct{}

func (documented) Lookup(code apierr.Code) (apierr.Entry, bool) { return apierr.Lookup(code) }

func (documented) Entries() iter.Seq[apierr.Entry] { return apierr.Entries() }

func (documented) FromResponse(resp *http.Response) error { return apierr.FromResponse(resp) }
