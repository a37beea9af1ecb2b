//go:build !portable

package testenv

// buildTags are the tags the node binary of the tests is built with: those of the test binary
// (none here).
const buildTags = ""
