package natshelper

import (
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
)

// embedded is the NATS server a cluster without Servers uses: the first member on the machine
// to find its address free starts it in its process; the others connect to it. When the
// process that ran it ends, the next member to find the address free starts it again.
type embedded struct {
	listen string
	mu     sync.Mutex
	ns     *natsserver.Server
}

// ensure starts the server here if its address is free. A busy address means another
// member's server, which is not an error.
func (e *embedded) ensure() error {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ns != nil {
		return nil
	}
	host, portText, err := net.SplitHostPort(e.listen)
	if err != nil {
		return fmt.Errorf("node --nats-helper: listen %q: %v", e.listen, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port <= 0 || port > 65535 {
		return fmt.Errorf("node --nats-helper: listen %q: not a port", e.listen)
	}
	probe, err := net.Listen("tcp", e.listen)
	if err != nil {
		return nil // taken: another member's server, presumably
	}
	probe.Close()
	ns, err := natsserver.NewServer(&natsserver.Options{Host: host, Port: port, NoLog: true, NoSigs: true})
	if err != nil {
		return fmt.Errorf("node --nats-helper: embedded NATS server: %v", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(2 * time.Second) {
		ns.Shutdown()
		return nil // lost the race for the address to another member
	}
	e.ns = ns
	return nil
}

// close stops the server if this process runs it.
func (e *embedded) close() {
	if e == nil {
		return
	}
	e.mu.Lock()
	ns := e.ns
	e.ns = nil
	e.mu.Unlock()
	if ns != nil {
		ns.Shutdown()
	}
}
