// Command helperbin is earlynode's NATS helper as a program of its own: natshelper.Main with
// nothing else linked in. A node binary built with the natsembed tag carries it (see
// internal/bus/natsembed), so that nats-server's code and initialisation stay out of every
// node process that does not cluster. It takes the helper's arguments, after an optional
// leading --nats-helper (the form natslink starts every helper with).
package main

import (
	"os"

	"earlynode/internal/bus/natshelper"
	"earlynode/internal/bus/natslink"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == natslink.HelperArg {
		args = args[1:]
	}
	os.Exit(natshelper.Main(args))
}
