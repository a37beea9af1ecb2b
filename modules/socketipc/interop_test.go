package socketipc_test

import (
	"path/filepath"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// runtimes are the two ways a script of scripts/interop/socketipc runs: on earlynode with the
// built-in package, or on Node.js with the real @crussell52/socket-ipc 0.4.0.
type runtimes struct{ ours, peer string }

func (r runtimes) bin(real bool) string {
	if real {
		return r.peer
	}
	return r.ours
}

func name(real bool) string {
	if real {
		return "real"
	}
	return "earlynode"
}

// TestInterop runs the interop scripts with earlynode and the real package in both roles:
// values of every JSON type, topics, bursts of 5000 each way and broadcast, then a client
// reconnecting after its server was restarted.
func TestInterop(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("@crussell52/socket-ipc"))
	peer := testenv.NodeJSPath()
	rt := runtimes{ours: testenv.Node(t), peer: peer}
	dir := filepath.Join(testenv.InteropDir(), "socketipc")
	pairs := []struct{ realServer, realClient bool }{{false, true}, {true, false}, {false, false}}
	for _, p := range pairs {
		p := p
		t.Run(name(p.realServer)+"_server_"+name(p.realClient)+"_client", func(t *testing.T) {
			t.Parallel()
			sock := filepath.Join(t.TempDir(), "interop.sock")
			server := testenv.Start(t, "server ("+name(p.realServer)+")", dir, rt.bin(p.realServer), "server.js", sock)
			server.WaitLines(t, 20*time.Second, "listening")
			client := testenv.Start(t, "client ("+name(p.realClient)+")", dir, rt.bin(p.realClient), "client.js", sock, "basic", "5000")
			client.WaitLines(t, 60*time.Second, "PASS values", "PASS topics", "PASS burst to server 5000",
				"PASS burst from server 5000", "PASS broadcast", "close")
			if err := client.Wait(t, 20*time.Second); err != nil {
				t.Fatalf("client: %v\n%s", err, client.Output())
			}
		})
		t.Run(name(p.realServer)+"_server_restart_"+name(p.realClient)+"_client", func(t *testing.T) {
			t.Parallel()
			sock := filepath.Join(t.TempDir(), "restart.sock")
			server := testenv.Start(t, "server", dir, rt.bin(p.realServer), "server.js", sock)
			server.WaitLines(t, 20*time.Second, "listening")
			client := testenv.Start(t, "client", dir, rt.bin(p.realClient), "client.js", sock, "reconnect")
			client.WaitLines(t, 20*time.Second, "connect", "disconnect")
			if err := server.Wait(t, 20*time.Second); err != nil {
				t.Fatalf("server did not quit cleanly: %v\n%s", err, server.Output())
			}
			again := testenv.Start(t, "restarted server", dir, rt.bin(p.realServer), "server.js", sock)
			again.WaitLines(t, 20*time.Second, "listening")
			client.WaitLines(t, 20*time.Second, "reconnect", "PASS reconnect", "close")
		})
	}
}
