package client

import (
	"crypto/rand"
	"regexp"
)

// idRule is PeerJS's client-side id rule (lib/utils/validateId.ts):
// alphanumeric words joined by single spaces, underscores or hyphens.
var idRule = regexp.MustCompile(`^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$`)

// ValidID reports whether id may be used as a Peer id. The empty id is
// valid: it asks the server for one.
func ValidID(id string) bool {
	return id == "" || idRule.MatchString(id)
}

// tokenAlphabet is base 36, the digits of Math.random().toString(36).
const tokenAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

// randomToken returns 11 random base-36 characters, shaped like PeerJS's
// Math.random().toString(36).slice(2).
func randomToken() string {
	var b [11]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux.
	for i := range b {
		b[i] = tokenAlphabet[int(b[i])%len(tokenAlphabet)]
	}
	return string(b[:])
}
