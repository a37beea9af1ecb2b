package socketipc_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// rawClient is a bare unix socket client speaking the wire format by hand.
type rawClient struct {
	t *testing.T
	c *net.UnixConn
	r *bufio.Reader
}

func dialRaw(t *testing.T, path string) *rawClient {
	t.Helper()
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &rawClient{t: t, c: c, r: bufio.NewReader(c)}
}

func (rc *rawClient) send(s string) {
	rc.t.Helper()
	if _, err := rc.c.Write([]byte(s)); err != nil {
		rc.t.Fatal(err)
	}
}

// frame reads one message up to the two-NUL delimiter.
func (rc *rawClient) frame() string {
	rc.t.Helper()
	rc.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var b bytes.Buffer
	for {
		line, err := rc.r.ReadBytes(0)
		b.Write(line)
		if err != nil {
			rc.t.Fatalf("reading a frame: %v (have %q)", err, b.String())
		}
		if bytes.HasSuffix(b.Bytes(), []byte{0, 0}) {
			return strings.TrimSuffix(b.String(), "\x00\x00")
		}
	}
}

// closedByServer waits until the server closes the connection.
func (rc *rawClient) closedByServer() {
	rc.t.Helper()
	rc.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.Copy(io.Discard, rc.r)
	if err != nil && !isReset(err) {
		rc.t.Fatalf("waiting for the server to close: %v", err)
	}
}

func isReset(err error) bool {
	var se syscall.Errno
	return strings.Contains(err.Error(), "reset") || (errorsAs(err, &se) && se == syscall.ECONNRESET)
}

// TestBadInput feeds our socket-ipc server what the real library crashes on or never bounds:
// malformed JSON, a null message, a listener that throws, an endless frame, a client that
// resets, a message nested too deep; each is reported as an 'error' naming the client, that connection alone is closed,
// and a well-behaved client is served throughout.
func TestBadInput(t *testing.T) {
	bin := testenv.Node(t)
	sock := filepath.Join(t.TempDir(), "bad.sock")
	server := testenv.Start(t, "server", filepath.Join(testenv.Root(), "testdata/socketipc"), bin, "badinput_server.js", sock)
	server.WaitLines(t, 20*time.Second, "listening")

	good := dialRaw(t, sock)
	echo := func(n string) {
		t.Helper()
		good.send(`{"topic":"echo","message":` + n + `}` + "\x00\x00")
		if got, want := good.frame(), `{"topic":"echo","message":`+n+`}`; got != want {
			t.Fatalf("echo: got %q, want %q", got, want)
		}
	}
	echo("1")

	bad := dialRaw(t, sock)
	bad.send("{\"topic\":\"echo\",\"message\":2}\x00\x00garbage\x00\x00")
	bad.closedByServer()
	server.WaitLines(t, 10*time.Second, `error DecodeError: Failed to decode, caused by:`)
	if !strings.Contains(server.Output(), `rawData="garbage" clientId=true`) {
		t.Errorf("the DecodeError lacks its rawData or client:\n%s", server.Output())
	}
	echo("3")

	null := dialRaw(t, sock)
	null.send("null\x00\x00")
	null.closedByServer()
	server.WaitLines(t, 10*time.Second, "error TypeError: Cannot read properties of null (reading 'message') clientId=true")
	echo("4")

	thrower := dialRaw(t, sock)
	thrower.send(`{"topic":"throw"}` + "\x00\x00")
	thrower.closedByServer()
	server.WaitLines(t, 10*time.Second, "error Error: listener threw clientId=true")
	echo("5")

	endless := dialRaw(t, sock)
	chunk := bytes.Repeat([]byte("x"), 16<<10)
	go func() {
		for i := 0; i < 64; i++ {
			if _, err := endless.c.Write(chunk); err != nil {
				return
			}
		}
	}()
	endless.closedByServer()
	server.WaitLines(t, 10*time.Second, "longer than the limit of 65536 bytes")
	echo("6")

	// A unix socket closed with unread data resets its peer (ECONNRESET): close it once the
	// server's echo has arrived, unread.
	reset := dialRaw(t, sock)
	reset.send(`{"topic":"echo","message":"unread"}` + "\x00\x00" + `{"topic":"echo","message":"part`)
	testenv.WaitReadable(t, reset.c, 10*time.Second)
	reset.c.Close()
	server.WaitLines(t, 10*time.Second, "error Error: read ECONNRESET clientId=true")
	echo("7")

	// Nested past the depth limit: refused at once, not echoed (which stalled every client).
	deep := dialRaw(t, sock)
	deep.send(`{"topic":"echo","message":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}` + "\x00\x00")
	deep.closedByServer()
	server.WaitLines(t, 10*time.Second, "error RangeError: a message received nests arrays and objects more than 1000 levels deep (the limit) clientId=true")
	echo("8")
	if strings.Count(server.Output(), "connection") != 7 {
		t.Errorf("want 7 connections\n%s", server.Output())
	}
}

// TestSocketFile checks the socket file's life: created on listen as a socket with the
// default mode, removed on close; a stale file (nobody listening) is replaced; a live server's
// file gives EADDRINUSE; a regular file is never removed; a path longer than the system takes
// is refused with ENAMETOOLONG on both sides.
func TestSocketFile(t *testing.T) {
	bin := testenv.Node(t)
	dir := filepath.Join(testenv.Root(), "testdata/socketipc")
	tmp := t.TempDir()

	t.Run("created and removed", func(t *testing.T) {
		sock := filepath.Join(tmp, "life.sock")
		p := testenv.Start(t, "server", dir, bin, "socketfile.js", sock, "close-after-listen")
		p.WaitLines(t, 20*time.Second, "listening")
		st, err := os.Lstat(sock)
		if err != nil || st.Mode()&os.ModeSocket == 0 {
			t.Fatalf("no socket file while listening: %v %v", st, err)
		}
		if perm := st.Mode().Perm(); perm != 0o777&^umask() {
			t.Errorf("socket file mode %o, want %o (0777 less the umask, as Node makes it)", perm, 0o777&^umask())
		}
		p.WaitLines(t, 20*time.Second, "closed")
		p.Wait(t, 10*time.Second)
		if _, err := os.Lstat(sock); !os.IsNotExist(err) {
			t.Errorf("socket file left after close: %v", err)
		}
	})
	t.Run("stale file replaced", func(t *testing.T) {
		sock := filepath.Join(tmp, "stale.sock")
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		ln.SetUnlinkOnClose(false)
		ln.Close() // the file stays, nobody listens: what a crash leaves
		p := testenv.Start(t, "server", dir, bin, "socketfile.js", sock, "close-after-listen")
		p.WaitLines(t, 20*time.Second, "listening", "closed")
	})
	t.Run("live server keeps its file", func(t *testing.T) {
		sock := filepath.Join(tmp, "live.sock")
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		p := testenv.Start(t, "server", dir, bin, "socketfile.js", sock, "close-after-listen")
		p.WaitLines(t, 20*time.Second, "error EADDRINUSE listen EADDRINUSE: address already in use (a socket a server listens on) "+sock)
		if c, err := net.Dial("unix", sock); err != nil {
			t.Errorf("the live server's socket was disturbed: %v", err)
		} else {
			c.Close()
		}
	})
	t.Run("regular file kept", func(t *testing.T) {
		path := filepath.Join(tmp, "regular")
		os.WriteFile(path, []byte("data"), 0o644)
		p := testenv.Start(t, "server", dir, bin, "socketfile.js", path, "close-after-listen")
		p.WaitLines(t, 20*time.Second, "error EADDRINUSE listen EADDRINUSE: address already in use (a regular file, not a socket: only a stale socket is ever removed) "+path)
		if b, err := os.ReadFile(path); err != nil || string(b) != "data" {
			t.Errorf("regular file touched: %q %v", b, err)
		}
	})
	t.Run("path too long", func(t *testing.T) {
		long := filepath.Join(tmp, strings.Repeat("x", 120)+".sock")
		p := testenv.Start(t, "server", dir, bin, "socketfile.js", long, "client-too")
		p.WaitLines(t, 20*time.Second, "error ENAMETOOLONG", "connectError ENAMETOOLONG")
	})
}

func errorsAs(err error, target *syscall.Errno) bool {
	for err != nil {
		if e, ok := err.(syscall.Errno); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// TestBadInputToClient has a bare server send our client malformed JSON: the client reports a
// DecodeError, drops that connection, reconnects and goes on.
func TestBadInputToClient(t *testing.T) {
	bin := testenv.Node(t)
	sock := filepath.Join(t.TempDir(), "badserver.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	client := testenv.Start(t, "client", filepath.Join(testenv.Root(), "testdata/socketipc"), bin, "badinput_client.js", sock)
	first, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	first.Write([]byte(`{"topic":"ok","message":1}` + "\x00\x00"))
	client.WaitLines(t, 10*time.Second, "connect", "ok 1")
	// As in the library, a chunk with a bad message delivers none of its messages.
	first.Write([]byte(`{"topic":"ok","message":"dropped"}` + "\x00\x00" + "{not json\x00\x00"))
	client.WaitLines(t, 10*time.Second, `error DecodeError: Failed to decode, caused by:`, "disconnect")
	if strings.Contains(client.Output(), "dropped") {
		t.Errorf("a message of the bad chunk was delivered:\n%s", client.Output())
	}
	first.Close()
	second, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	go func() {
		io.Copy(io.Discard, second) // until the client ends, then end too, as a Node server does
		second.Close()
	}()
	second.Write([]byte(`{"topic":"ok","message":2}` + "\x00\x00"))
	client.WaitLines(t, 10*time.Second, "reconnect", "ok 2", "close")
}
