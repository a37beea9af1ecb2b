//go:build !natsembed

package main

import "earlynode/internal/bus/natshelper"

// runNATSHelper makes this process the NATS helper (node --nats-helper): this binary links
// nats-server and nats.go itself (built without the natsembed tag).
func runNATSHelper(args []string) int { return natshelper.Main(args) }
