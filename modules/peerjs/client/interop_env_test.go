package client

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// The PeerJS interop tests that need WebRTC candidates off loopback (Chromium gathers none
// on loopback alone) run in a network namespace of their own: testenv.RunInNetns, with the
// PeerJS harnesses of internal/testenv (docs/architecture.md, Tests).

// requireNetnsInterop gates the PeerJS tests that run in a network
// namespace of their own (testenv.RequireInterop: under CI=true a missing
// prerequisite fails them, else they are skipped): the namespace (asked for
// with EARLYNODE_PEERJS_INTEROP=1 or CI=true; root), Node.js, PeerJS 1.5.5
// and peer 1.0.2 with the npm packages pkgs, and Chromium for a browser.
func requireNetnsInterop(t *testing.T, browser bool, pkgs ...string) {
	t.Helper()
	prereqs := []testenv.Prereq{testenv.Netns, testenv.NodeJS,
		testenv.NPM(append([]string{"peerjs/dist/peerjs.min.js", "peer/package.json"}, pkgs...)...)}
	if browser {
		prereqs = append(prereqs, testenv.Chromium)
	}
	testenv.RequireInterop(t, prereqs...)
}

// startRealPeerServer runs npm `peer` 1.0.2 on the namespace's address.
func startRealPeerServer(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", testenv.NetnsIP+":0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(testenv.NodeJSPath(), filepath.Join(testenv.InteropDir(), "peerjs", "real-server.js"), testenv.NetnsIP, fmt.Sprint(port))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatalf("node real-server.js: %v", err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			t.Log("peer 1.0.2| " + sc.Text())
		}
	}()
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || !strings.Contains(sc.Text(), `"listening"`) {
		t.Fatalf("real-server.js did not start: %q", sc.Text())
	}
	go io.Copy(io.Discard, stdout)
	return port
}
