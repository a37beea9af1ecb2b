package tcp

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"
)

// pair returns a connected pair of real loopback sockets: ours (wrapped by the caller) and the
// peer's.
func pair(t *testing.T) (ours, peer *net.TCPConn) {
	t.Helper()
	l, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	done := make(chan *net.TCPConn, 1)
	go func() {
		c, err := l.AcceptTCP()
		if err != nil {
			done <- nil
			return
		}
		done <- c
	}()
	c, err := net.DialTCP("tcp", nil, l.Addr().(*net.TCPAddr))
	if err != nil {
		t.Fatal(err)
	}
	p := <-done
	if p == nil {
		t.Fatal("accept failed")
	}
	t.Cleanup(func() { c.Close(); p.Close() })
	return c, p
}

// ended records the error onEnd got, once.
type ended struct {
	mu    sync.Mutex
	calls int
	err   error
	done  chan struct{}
}

func newEnded() *ended { return &ended{done: make(chan struct{})} }

func (e *ended) onEnd(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls++
	e.err = err
	if e.calls == 1 {
		close(e.done)
	}
}

func (e *ended) wait(t *testing.T) error {
	t.Helper()
	select {
	case <-e.done:
	case <-time.After(10 * time.Second):
		t.Fatal("onEnd was not called")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.calls != 1 {
		t.Fatalf("onEnd called %d times", e.calls)
	}
	return e.err
}

func TestStreamWritesInOrderThroughASlowPeerThenCloses(t *testing.T) {
	ours, peer := pair(t)
	e := newEnded()
	s := NewStream(ours, e.onEnd)
	var want bytes.Buffer
	for i := 0; i < 300; i++ { // ~19 MB: far more than the socket buffers hold
		chunk := bytes.Repeat([]byte{byte(i)}, 65536)
		want.Write(chunk)
		if err := s.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if s.Pending() == 0 {
		t.Fatal("expected bytes queued behind a peer that is not reading")
	}
	s.Close()
	if err := s.Write([]byte("late")); !errors.Is(err, ErrNotWritable) {
		t.Fatalf("Write after Close: %v, want ErrNotWritable", err)
	}
	got, err := io.ReadAll(peer)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("peer read %d bytes, want %d in order", len(got), want.Len())
	}
	if err := e.wait(t); err != nil {
		t.Fatalf("onEnd(%v), want nil after a clean close", err)
	}
}

func TestStreamCloseWriteIsAHalfClose(t *testing.T) {
	ours, peer := pair(t)
	s := NewStream(ours, nil)
	s.Write([]byte("request"))
	s.CloseWrite()
	got, err := io.ReadAll(peer)
	if err != nil || string(got) != "request" {
		t.Fatalf("peer read %q, %v", got, err)
	}
	peer.Write([]byte("answer"))
	peer.CloseWrite()
	var all []byte
	for {
		b, err := s.Read()
		if b != nil {
			all = append(all, b.Bytes()...)
			b.Release()
			continue
		}
		if err != io.EOF {
			t.Fatalf("Read: %v, want io.EOF", err)
		}
		break
	}
	if string(all) != "answer" {
		t.Fatalf("read %q after our FIN, want %q", all, "answer")
	}
}

func TestStreamReportsAPeerResetOnce(t *testing.T) {
	ours, peer := pair(t)
	e := newEnded()
	s := NewStream(ours, e.onEnd)
	peer.SetLinger(0) // close sends RST
	peer.Close()
	for {
		b, err := s.Read()
		if b != nil {
			b.Release()
			continue
		}
		if err == io.EOF {
			t.Fatal("a reset read as a clean EOF")
		}
		s.Abort(err)
		break
	}
	if err := e.wait(t); err == nil {
		t.Fatal("onEnd(nil) after a reset, want the error")
	}
	s.Abort(errors.New("again")) // a second end is ignored
	if err := e.wait(t); err == nil || err.Error() == "again" {
		t.Fatalf("onEnd got %v", err)
	}
}

func TestStreamAbortDropsTheQueueAndStopsTheReader(t *testing.T) {
	ours, _ := pair(t)
	e := newEnded()
	s := NewStream(ours, e.onEnd)
	readErr := make(chan error, 1)
	go func() {
		_, err := s.Read()
		readErr <- err
	}()
	time.Sleep(20 * time.Millisecond)
	s.Abort(nil)
	select {
	case err := <-readErr:
		if err == nil || err == io.EOF {
			t.Fatalf("Read after Abort: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Abort did not wake the reader")
	}
	if !s.Closed() {
		t.Fatal("Closed() false after Abort")
	}
	if err := e.wait(t); err != nil {
		t.Fatalf("onEnd(%v) after Abort(nil)", err)
	}
}

func TestStreamDetachHandsOverAfterTheQueue(t *testing.T) {
	ours, peer := pair(t)
	e := newEnded()
	s := NewStream(ours, e.onEnd)
	big := bytes.Repeat([]byte("x"), 8<<20)
	s.Write(big)
	got := make(chan net.Conn, 1)
	s.Detach(func(c net.Conn) {
		c.Write([]byte("after"))
		got <- c
	})
	all, err := io.ReadAll(io.LimitReader(peer, int64(len(big)+5)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(all[:len(big)], big) || string(all[len(big):]) != "after" {
		t.Fatal("the new owner's bytes did not follow the queued ones")
	}
	c := <-got
	c.Close()
	select {
	case <-e.done:
		t.Fatal("onEnd called after Detach")
	case <-time.After(50 * time.Millisecond):
	}
}

func TestStreamIdleBuffersAreNotHeld(t *testing.T) {
	ours, peer := pair(t)
	s := NewStream(ours, nil)
	type result struct {
		data string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		b, err := s.Read()
		if b != nil {
			res <- result{string(b.Bytes()), nil}
			b.Release()
			return
		}
		res <- result{"", err}
	}()
	time.Sleep(30 * time.Millisecond) // the reader waits, first having found nothing to read
	peer.Write([]byte("late data"))
	r := <-res
	if r.err != nil || r.data != "late data" {
		t.Fatalf("Read = %q, %v", r.data, r.err)
	}
	if idle := s.Idle(); idle > time.Second {
		t.Fatalf("Idle() = %v right after a read", idle)
	}
}

func TestStreamPostedPausesTheReaderUntilConsumed(t *testing.T) {
	ours, _ := pair(t)
	s := NewStream(ours, nil)
	blocked := make(chan struct{})
	go func() {
		for i := 0; i <= maxInflight; i++ {
			s.Posted()
		}
		close(blocked)
	}()
	select {
	case <-blocked:
		t.Fatal("Posted did not pause after maxInflight reads")
	case <-time.After(50 * time.Millisecond):
	}
	s.Consumed()
	select {
	case <-blocked:
	case <-time.After(5 * time.Second):
		t.Fatal("Consumed did not resume the reader")
	}
}

func TestIncompleteTail(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 0},
		{"h\xc3", 1},
		{"h\xc3\xa9", 0},
		{"\xe2\x82", 2},
		{"\xe2\x82\xac", 0},
		{"\xf0\x9f\x98", 3},
		{"\xf0\x9f\x98\x80", 0},
		{"\x80\x80\x80", 0}, // stray continuation bytes are not held back
	}
	for _, tt := range tests {
		if got := incompleteTail([]byte(tt.in)); got != tt.want {
			t.Errorf("incompleteTail(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestListenAndRemoteAddress(t *testing.T) {
	tests := []struct {
		host, dial, want string
	}{
		{"", "127.0.0.1", "127.0.0.1"},
		{"", "::1", "::1"},
		{"::1", "::1", "::1"},
		{"[::1]", "::1", "::1"},
		{"127.0.0.1", "127.0.0.1", "127.0.0.1"},
	}
	for _, tt := range tests {
		l, err := Listen(0, tt.host)
		if err != nil {
			t.Fatalf("Listen(0, %q): %v", tt.host, err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		go func() {
			c, err := net.Dial("tcp", net.JoinHostPort(tt.dial, strconv.Itoa(port)))
			if err == nil {
				c.Close()
			}
		}()
		c, err := l.Accept()
		if err != nil {
			t.Fatal(err)
		}
		if got := RemoteAddress(c); got != tt.want {
			t.Errorf("listen %q, dial %s: RemoteAddress = %q, want %q", tt.host, tt.dial, got, tt.want)
		}
		c.Close()
		l.Close()
	}
	if _, err := Listen(70000, ""); err == nil {
		t.Error("Listen(70000) succeeded")
	}
}
