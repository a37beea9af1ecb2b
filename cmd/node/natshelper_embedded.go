//go:build natsembed

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	"earlynode/internal/bus/natsembed"
	"earlynode/internal/bus/natslink"
)

// runNATSHelper serves node --nats-helper in a binary that carries the helper as a program
// of its own (the natsembed tag): it runs that program with the same arguments, standard
// streams and link descriptor (3), and returns its exit status. Clustered PeerServers and
// node.worker start the embedded helper directly; this keeps EARLYNODE_NATS=path-of-node
// working.
func runNATSHelper(args []string) int {
	path, err := natsembed.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "node %s: %v\n", natslink.HelperArg, err)
		return 1
	}
	cmd := exec.Command(path, append([]string{natslink.HelperArg}, args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.ExtraFiles = []*os.File{os.NewFile(3, "natslink")}
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		return exit.ExitCode()
	default:
		fmt.Fprintf(os.Stderr, "node %s: %v\n", natslink.HelperArg, err)
		return 1
	}
}
