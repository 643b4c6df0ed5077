// This file is --catalog: an application's own codes, read from a JSON
// file and added to the documented catalog for every command that reads it.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/apierr/apierr"
)

// catalogFlag registers --catalog on fs. A command that has the flag gets
// the file's entries in [cli.catalog] before it runs (see [cli.useCatalog]),
// so no command loads the file on its own.
func catalogFlag(fs *flag.FlagSet) {
	fs.String("catalog", "", "`FILE` add an application's codes to the catalog: FILE is a "+
		"JSON array of entries, as apierr.ReadEntries reads them")
}

// appCatalog is what --catalog named: the file and the entries it holds, in
// the file's order, as apierr.ReadEntries read them.
type appCatalog struct {
	file    string
	entries []apierr.Entry
	codes   map[apierr.Code]bool // the entries' codes, for list --app
}

// useCatalog reads the --catalog file, when fs has the flag and it was
// given, and makes the documented catalog with the file's entries the one
// every command reads. On any problem it returns every one of them, each
// naming the file and the entry, and changes nothing.
func (c *cli) useCatalog(fs *flag.FlagSet) error {
	f := fs.Lookup("catalog")
	if f == nil || f.Value.String() == "" {
		return nil
	}
	file := f.Value.String()
	entries, err := readCatalogFile(file)
	if err != nil {
		return err
	}
	cat, err := apierr.Documented().With(entries...)
	if err != nil {
		return fileError(file, err)
	}
	app := &appCatalog{file: file, entries: entries, codes: map[apierr.Code]bool{}}
	for _, e := range entries {
		app.codes[e.Code] = true
	}
	c.catalog, c.app = cat, app
	return nil
}

// readCatalogFile reads the entries of file. apierr.ReadEntries bounds the
// read, so a file of any size (or a device that never ends) costs at most
// its limit.
func readCatalogFile(file string) ([]apierr.Entry, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fileError(file, err)
	}
	defer f.Close()
	entries, err := apierr.ReadEntries(f)
	if err != nil {
		return nil, fileError(file, err)
	}
	return entries, nil
}

// fileError says err of the catalog file: the library names its input
// "entries" ("apierr: entries: line 3, column 5: …"), the command names the
// file ("app.json: line 3, column 5: …"). A join of several problems
// (apierr.Catalog.With reports every one) stays a join, one line each when
// [cli.fail] prints it. This is the one place the library's wording is
// rephrased.
func fileError(file string, err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("%s: %w", file, pe.Err)
	}
	var lines []error
	for _, msg := range problems(err) {
		for _, prefix := range []string{"apierr: entries: ", "apierr: reading entries: ",
			"apierr: "} {
			if rest, ok := strings.CutPrefix(msg, prefix); ok {
				msg = rest
				break
			}
		}
		lines = append(lines, fmt.Errorf("%s: %s", file, msg))
	}
	return errors.Join(lines...)
}
