//go:build portable

package testenv

// buildTags are the tags the node binary of the tests is built with: those of the test binary,
// so that `go test -tags portable` runs the scripts on the portable I/O layer too.
const buildTags = "portable"
