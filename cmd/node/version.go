package main

import "runtime/debug"

// version is the release this binary is, stamped in by release builds (scripts/release):
//
//	go build -ldflags "-X main.version=$(git describe --tags --always --dirty)" ./cmd/node
//
// Empty in other builds: versionString then reads the build's own record.
var version string

// versionString is what --version prints: "earlynode " and the stamped version, else the
// module version of a `go install earlynode/cmd/node@VERSION`, else the commit `go build`
// recorded from the work tree ("devel 6fa0b4b1c2d3-dirty"), else "devel".
func versionString() string {
	if version != "" {
		return "earlynode " + version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "earlynode devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return "earlynode " + v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	if rev == "" {
		return "earlynode devel"
	}
	return "earlynode devel" + rev + dirty
}
