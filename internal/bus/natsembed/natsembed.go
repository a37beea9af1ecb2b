// Package natsembed gives a node binary built with the natsembed tag the NATS helper program
// it carries inside itself (internal/bus/natshelper/helperbin, built for the same platform by
// internal/bus/natsembed/gen into blob/). The helper's bytes sit in the binary's read-only data
// and are read only when a program first clusters: a node process that never does pays no
// start-up time or memory for nats-server and nats.go. Executable writes the helper once per
// version into the user's cache directory (or, on Linux without one, into an anonymous
// memory file) and returns a path to run it from.
//
// Without the tag, Embedded is false and the node binary links the helper itself
// (node --nats-helper).
package natsembed

import (
	"errors"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
)

// Embedded reports whether this binary carries the helper (the natsembed build tag).
const Embedded = embedded

var (
	once     sync.Once
	execPath string
	execErr  error
)

// Executable returns the path of the embedded helper, ready to run. The first call writes
// it out; later calls return the same answer.
func Executable() (string, error) {
	once.Do(func() { execPath, execErr = materialize() })
	return execPath, execErr
}

// materialize checks the embedded helper against the platform and writes it where it can run.
func materialize() (string, error) {
	if !Embedded {
		return "", errors.New("this node binary carries no NATS helper (built without the natsembed tag)")
	}
	platform, sum, err := parseTarget(target)
	if err != nil {
		return "", err
	}
	if want := goruntime.GOOS + "/" + goruntime.GOARCH; platform != want {
		return "", fmt.Errorf("the embedded NATS helper was built for %s, not %s (scripts/build regenerates it for each target)", platform, want)
	}
	if len(helper) == 0 {
		return "", errors.New("the embedded NATS helper is empty")
	}
	path, cacheErr := writeCached(sum, helper)
	if cacheErr == nil {
		return path, nil
	}
	path, err = writeAnonymous(sum, helper)
	if err != nil {
		return "", fmt.Errorf("writing the NATS helper: %v; %v", cacheErr, err)
	}
	return path, nil
}

// parseTarget reads blob/target: "goos/goarch\nsha256-hex\n".
func parseTarget(s string) (platform, sum string, err error) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "/") || len(lines[1]) != 64 {
		return "", "", fmt.Errorf("the embedded NATS helper's target %q is not \"goos/goarch\\nsha256\"", s)
	}
	return lines[0], lines[1], nil
}
