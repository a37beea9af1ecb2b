// Package slowpeer holds the tests of what a server costs when its peer does not read: each
// runs a script on the built node binary, drives it from a Go client over a real socket that
// writes without ever reading (or pipelines HTTP requests without reading the answers) and
// checks that the process's RSS stays bounded, that the script is told the write limit was
// reached (see docs/architecture.md, "Write limit") and that a well-behaved client is still
// served. It has no code of its own.
package slowpeer
