package testenv

import (
	"strconv"
	"testing"
	"time"
)

// NATSServerEnv names the environment variable that gives a nats-server binary to use instead
// of building one. A test that re-executes its own test binary passes the binary on with it.
const NATSServerEnv = "EARLYNODE_NATS_SERVER"

// natsServerProgram is the nats-server of the version go.mod requires.
var natsServerProgram = program{name: "nats-server", env: NATSServerEnv, build: func(out string) error {
	return goCommand("build", "-o", out, "github.com/nats-io/nats-server/v2")
}}

// NATSServerBin returns the path of a real nats-server binary: $EARLYNODE_NATS_SERVER when
// set, else github.com/nats-io/nats-server/v2 (the version go.mod requires) built into a
// temporary directory, once per test binary (Main removes it at the end).
func NATSServerBin(t testing.TB) string {
	t.Helper()
	return natsServerProgram.path(t)
}

// NATSServer is a nats-server process on a loopback port.
type NATSServer struct {
	// Port is the client port it listens on.
	Port int
	// URL is nats://127.0.0.1:Port.
	URL  string
	proc *Proc
}

// StartNATSServer runs nats-server on 127.0.0.1:port (0: a free port) and waits until it is
// ready for connections. It is killed when the test ends.
func StartNATSServer(t testing.TB, port int) *NATSServer {
	t.Helper()
	if port == 0 {
		port = FreePort(t)
	}
	n := &NATSServer{Port: port, URL: "nats://127.0.0.1:" + strconv.Itoa(port)}
	n.Start(t)
	return n
}

// Start runs the server again (after Kill) on the same port and waits until it is ready.
func (n *NATSServer) Start(t testing.TB) {
	t.Helper()
	n.proc = Start(t, "nats-server", t.TempDir(), NATSServerBin(t), "-a", "127.0.0.1", "-p", strconv.Itoa(n.Port))
	n.proc.WaitLines(t, 20*time.Second, "Server is ready")
}

// Kill ends the server with SIGKILL (no goodbye to its clients) and waits until it has exited.
func (n *NATSServer) Kill(t testing.TB) {
	t.Helper()
	n.proc.Kill()
	n.proc.Wait(t, 10*time.Second)
}
