package ipcnet

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"earlynode/loop"
)

// recorder is an Events that records what happened, as text, and collects the bytes read.
type recorder struct {
	name   string
	log    *[]string
	data   bytes.Buffer
	onData func(r *recorder) error
}

func (r *recorder) add(s string) { *r.log = append(*r.log, r.name+" "+s) }

func (r *recorder) Connect() error { r.add("connect"); return nil }
func (r *recorder) Batch(b any) error {
	r.data.Write(b.([]byte))
	if r.onData != nil {
		return r.onData(r)
	}
	return nil
}
func (r *recorder) End() error            { r.add("end"); return nil }
func (r *recorder) Error(err error) error { r.add("error " + err.Error()); return nil }
func (r *recorder) Close(hadError bool) error {
	r.add(fmt.Sprintf("close %v", hadError))
	return nil
}

func copyChunk(b []byte) any { return append([]byte(nil), b...) }

// TestConnExchange runs a listener and a client on one loop: a burst of writes in one turn
// arrives whole and in order, an end from the client ends both sides in Node's order, and the
// listener closes (removing its socket file) once its connection has closed.
func TestConnExchange(t *testing.T) {
	l := loop.New(0)
	path := filepath.Join(t.TempDir(), "x.sock")
	var events []string
	var serverSide *Conn
	var ln *Listener
	const n = 20000
	want := bytes.Repeat([]byte("0123456789"), n)
	srv := &recorder{name: "server", log: &events}
	srv.onData = func(r *recorder) error {
		if r.data.Len() == len(want) {
			serverSide.Write([]byte("done"))
		}
		return nil
	}
	ln, err := Listen(l, ListenOptions{Network: "unix", Address: path}, func(c *Conn) error {
		serverSide = c
		c.SetEvents(srv)
		c.SetDecoder(copyChunk)
		c.Start()
		ln.Close()
		return nil
	}, nil, func() error {
		events = append(events, "listener closed")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cli := &recorder{name: "client", log: &events}
	var client *Conn
	cli.onData = func(r *recorder) error {
		if r.data.String() == "done" {
			client.End()
		}
		return nil
	}
	client = Dial(l, DialOptions{Network: "unix", Address: path}, copyChunk, cli)
	for i := 0; i < n; i++ {
		client.Write(want[i*10 : i*10+10]) // queued before the connection exists
	}
	done := make(chan error)
	go func() { done <- l.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the loop did not finish")
	}
	if !bytes.Equal(srv.data.Bytes(), want) {
		t.Fatalf("server read %d bytes, want %d in order", srv.data.Len(), len(want))
	}
	got := strings.Join(events, ", ")
	for _, w := range []string{"client connect", "server end", "client end", "server close false", "client close false", "listener closed"} {
		if !strings.Contains(got, w) {
			t.Errorf("events %q lack %q", got, w)
		}
	}
	if strings.Index(got, "server end") > strings.Index(got, "server close") {
		t.Errorf("server: close before end: %s", got)
	}
}

// TestDialErrors checks the errors a failed connect reports, Node-style, then close(true).
func TestDialErrors(t *testing.T) {
	cases := []struct {
		name, path, code string
	}{
		{"missing", filepath.Join(t.TempDir(), "none.sock"), "ENOENT"},
		{"too long", "/tmp/" + strings.Repeat("y", 200), "ENAMETOOLONG"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := loop.New(0)
			var events []string
			var got error
			r := &recorder{name: "c", log: &events}
			ev := &errCatcher{recorder: r, err: &got}
			Dial(l, DialOptions{Network: "unix", Address: tc.path}, copyChunk, ev)
			if err := l.Run(); err != nil {
				t.Fatal(err)
			}
			var op *OpError
			if !errors.As(got, &op) || op.Code() != tc.code || op.Syscall != "connect" {
				t.Fatalf("error %v, want connect %s", got, tc.code)
			}
			if !strings.HasPrefix(op.Message(), "connect "+tc.code+" "+tc.path) {
				t.Errorf("message %q", op.Message())
			}
			if strings.Join(events, ",") != "c close true" {
				t.Errorf("events %v", events)
			}
		})
	}
}

type errCatcher struct {
	*recorder
	err *error
}

func (e *errCatcher) Error(err error) error { *e.err = err; return nil }

// TestListenErrors checks a path in use and a path too long.
func TestListenErrors(t *testing.T) {
	l := loop.New(0)
	path := filepath.Join(t.TempDir(), "busy.sock")
	ln, err := Listen(l, ListenOptions{Network: "unix", Address: path}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = Listen(l, ListenOptions{Network: "unix", Address: path}, nil, nil, nil)
	if !errors.Is(err, syscall.EADDRINUSE) || !strings.Contains(err.Error(), "listen EADDRINUSE: address already in use (a socket a server listens on) "+path) {
		t.Errorf("second listen: %v", err)
	}
	_, err = Listen(l, ListenOptions{Network: "unix", Address: "/tmp/" + strings.Repeat("z", 200)}, nil, nil, nil)
	if !errors.Is(err, syscall.ENAMETOOLONG) {
		t.Errorf("long path: %v", err)
	}
}
