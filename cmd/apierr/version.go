// This file is "apierr version": which apierr the binary was built from.

package main

import (
	"flag"
	"fmt"
)

var versionCommand = command{
	name:    "version",
	summary: "print the version of this build",
	about: `Prints the version of the apierr module the binary was built from, as Go
recorded it: a release tag such as v1.2.0 when installed with "go install
github.com/apierr/apierr/cmd/apierr@v1.2.0", a pseudo-version or "(devel)"
when built from a checkout. The Go version that built it follows.
`,
	more: `JSON: {"module","version","go"}.

Exit status: 0; 2 bad usage.
`,
	define: func(fs *flag.FlagSet) func(c *cli, args []string) int {
		format := formatFlag(fs)
		return func(c *cli, args []string) int { return c.version(*format, args) }
	},
}

// versionJSON is the JSON form of the version.
type versionJSON struct {
	Module  string `json:"module"`
	Version string `json:"version"`
	Go      string `json:"go"`
}

func (c *cli) version(format outputFormat, args []string) int {
	if len(args) > 0 {
		return c.fail("version", usagef("version takes no arguments, got %s", quoted(args[0])))
	}
	v := versionJSON{Module: "github.com/apierr/apierr", Version: "(devel)", Go: "unknown"}
	if bi, ok := c.buildInfo(); ok {
		if bi.Main.Path != "" {
			v.Module = bi.Main.Path
		}
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		v.Go = bi.GoVersion
	}
	heading := fmt.Sprintf("apierr %s (%s)", v.Version, v.Go)
	if err := c.show(format, view{blk: block{heading: heading}, json: v}); err != nil {
		return c.fail("version", err)
	}
	return exitOK
}
