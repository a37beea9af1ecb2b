//go:build !linux

package natsembed

import "errors"

// writeAnonymous has no anonymous executable files to use outside Linux.
func writeAnonymous(sum, program string) (string, error) {
	return "", errors.New("no cache directory to write the NATS helper to")
}
