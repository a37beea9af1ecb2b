package nodeipc_test

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

func runtimeName(real bool) string {
	if real {
		return "real"
	}
	return "earlynode"
}

// TestInterop runs scripts/interop/nodeipc with earlynode and the real node-ipc 9.2.1 in both
// roles, over a unix socket, TCP, TLS (fresh certificates, both sides verified) and a unix
// socket in rawBuffer mode: values of every JSON type, bursts of 5000 each way, broadcast, raw
// bytes; then a client reconnecting by itself after its server was restarted.
func TestInterop(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("node-ipc"))
	peer := testenv.NodeJSPath()
	ours := testenv.Node(t)
	bin := func(real bool) string {
		if real {
			return peer
		}
		return ours
	}
	dir := filepath.Join(testenv.InteropDir(), "nodeipc")
	certs := makeCerts(t)
	pairs := []struct{ realServer, realClient bool }{{false, true}, {true, false}, {false, false}}
	for _, mode := range []string{"unix", "tcp", "tls", "raw"} {
		for _, p := range pairs {
			mode, p := mode, p
			t.Run(mode+"/"+runtimeName(p.realServer)+"_server_"+runtimeName(p.realClient)+"_client", func(t *testing.T) {
				t.Parallel()
				addr := filepath.Join(t.TempDir(), "world.sock")
				if mode == "tcp" || mode == "tls" {
					addr = strconv.Itoa(testenv.FreePort(t))
				}
				server := testenv.Start(t, "server", dir, bin(p.realServer), "server.js", mode, addr, certs)
				server.WaitLines(t, 20*time.Second, "listening")
				test, want := "basic", []string{"PASS values", "PASS burst to server 5000", "PASS burst from server 5000", "PASS broadcast", "done"}
				if mode == "raw" {
					test, want = "raw", []string{"PASS raw 1024", "done"}
				}
				client := testenv.Start(t, "client", dir, bin(p.realClient), "client.js", mode, addr, test, "5000", certs)
				client.WaitLines(t, 60*time.Second, want...)
				if err := client.Wait(t, 20*time.Second); err != nil {
					t.Fatalf("client: %v\n%s", err, client.Output())
				}
				if mode != "raw" {
					server.WaitLines(t, 20*time.Second, "socket.disconnected hello")
				}
			})
		}
	}
	for _, p := range pairs {
		p := p
		t.Run("restart/"+runtimeName(p.realServer)+"_server_"+runtimeName(p.realClient)+"_client", func(t *testing.T) {
			t.Parallel()
			sock := filepath.Join(t.TempDir(), "world.sock")
			server := testenv.Start(t, "server", dir, bin(p.realServer), "server.js", "unix", sock)
			server.WaitLines(t, 20*time.Second, "listening")
			client := testenv.Start(t, "client", dir, bin(p.realClient), "client.js", "unix", sock, "reconnect")
			client.WaitLines(t, 20*time.Second, "connect", "disconnect")
			server.Wait(t, 20*time.Second)
			again := testenv.Start(t, "restarted server", dir, bin(p.realServer), "server.js", "unix", sock)
			again.WaitLines(t, 20*time.Second, "listening")
			client.WaitLines(t, 20*time.Second, "connect", "PASS reconnect", "done")
		})
	}
	for _, raw := range []bool{false, true} {
		for _, realSender := range []bool{false, true} {
			raw, realSender := raw, realSender
			name := "udp"
			if raw {
				name = "udp_raw"
			}
			t.Run(name+"/"+runtimeName(!realSender)+"_echo_"+runtimeName(realSender)+"_sender", func(t *testing.T) {
				t.Parallel()
				echoPort, sendPort := strconv.Itoa(testenv.FreeUDPPort(t)), strconv.Itoa(testenv.FreeUDPPort(t))
				extra := []string{}
				if raw {
					extra = []string{"raw"}
				}
				echo := testenv.Start(t, "echo", dir, bin(!realSender), append([]string{"udp.js", "echo", echoPort, sendPort}, extra...)...)
				echo.WaitLines(t, 20*time.Second, "listening")
				sender := testenv.Start(t, "sender", dir, bin(realSender), append([]string{"udp.js", "send", sendPort, echoPort}, extra...)...)
				want := "PASS udp values"
				if raw {
					want = "PASS udp raw"
				}
				sender.WaitLines(t, 20*time.Second, want)
			})
		}
	}
}
