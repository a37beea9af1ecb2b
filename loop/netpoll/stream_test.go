package netpoll

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
	"testing"
	"time"

	"earlynode/loop"
)

// pair returns a connected pair of real loopback sockets: one for a Stream (see run) and the
// peer's Go connection.
func pair(t *testing.T) (c net.Conn, peer *net.TCPConn) {
	t.Helper()
	l, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	done := make(chan *net.TCPConn, 1)
	go func() {
		c, _ := l.AcceptTCP()
		done <- c
	}()
	c, err = net.DialTCP("tcp", nil, l.Addr().(*net.TCPAddr))
	if err != nil {
		t.Fatal(err)
	}
	p := <-done
	if p == nil {
		t.Fatal("accept failed")
	}
	t.Cleanup(func() { p.Close() })
	return c, p
}

// runLoop runs l until it ends, failing the test if it returns an error or is still running
// after limit.
func runLoop(t *testing.T, l *loop.Loop, limit time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- l.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(limit):
		t.Fatal("the loop did not end")
	}
}

// recorder is a StreamHandler that records what happened, on the loop.
type recorder struct {
	data   bytes.Buffer
	reads  int
	eofs   int
	ends   int
	endErr error
	onData func(r *recorder) error
	onEOF  func(r *recorder) error
}

func (r *recorder) Data(b []byte) error {
	r.reads++
	r.data.Write(b)
	if r.onData != nil {
		return r.onData(r)
	}
	return nil
}

func (r *recorder) EOF() error {
	r.eofs++
	if r.onEOF != nil {
		return r.onEOF(r)
	}
	return nil
}

func (r *recorder) End(err error) error {
	r.ends++
	r.endErr = err
	return nil
}

// run starts a stream on a new loop (setup gets it on the loop) and runs the loop until it
// ends; it fails the test if that takes too long.
func run(t *testing.T, c net.Conn, r *recorder, setup func(l *loop.Loop, s *Stream)) {
	t.Helper()
	l := loop.New(0)
	l.Post(func() error {
		s, err := Adopt(l, c)
		if err != nil {
			return err
		}
		if err := s.Start(r); err != nil {
			return err
		}
		if setup != nil {
			setup(l, s)
		}
		return nil
	})
	runLoop(t, l, 20*time.Second)
}

func TestStreamWritesInOrderThroughASlowPeerThenCloses(t *testing.T) {
	fd, peer := pair(t)
	var want bytes.Buffer
	got := make(chan []byte, 1)
	queuedUp := make(chan struct{})
	go func() {
		// A slow peer: it starts reading only once every write has been made,
		// so that they queue up behind full socket buffers.
		<-queuedUp
		b, _ := io.ReadAll(peer)
		got <- b
	}()
	r := &recorder{}
	queued := 0
	run(t, fd, r, func(l *loop.Loop, s *Stream) {
		for i := 0; i < 300; i++ { // ~19 MB: far more than the socket buffers hold
			chunk := bytes.Repeat([]byte{byte(i)}, 65536)
			want.Write(chunk)
			if err := s.Write(chunk); err != nil {
				t.Error(err)
			}
		}
		queued = s.Pending()
		close(queuedUp)
		s.Close()
		if err := s.Write([]byte("late")); !errors.Is(err, ErrNotWritable) {
			t.Errorf("Write after Close: %v, want ErrNotWritable", err)
		}
	})
	if queued == 0 {
		t.Error("expected bytes queued behind a peer that is not reading")
	}
	if b := <-got; !bytes.Equal(b, want.Bytes()) {
		t.Fatalf("peer read %d bytes, want %d in order", len(b), want.Len())
	}
	if r.ends != 1 || r.endErr != nil {
		t.Fatalf("End called %d times with %v, want once with nil", r.ends, r.endErr)
	}
}

func TestStreamHalfCloseBothWays(t *testing.T) {
	fd, peer := pair(t)
	go func() {
		b, _ := io.ReadAll(peer) // until our FIN
		peer.Write(append([]byte("answer to "), b...))
		peer.CloseWrite()
	}()
	var s *Stream
	r := &recorder{onEOF: func(r *recorder) error {
		s.Close()
		return nil
	}}
	run(t, fd, r, func(l *loop.Loop, st *Stream) {
		s = st
		s.Write([]byte("request"))
		s.CloseWrite()
	})
	if r.data.String() != "answer to request" || r.eofs != 1 || r.ends != 1 || r.endErr != nil {
		t.Fatalf("data %q, %d EOF, %d End(%v)", r.data.String(), r.eofs, r.ends, r.endErr)
	}
}

func TestStreamReportsAPeerReset(t *testing.T) {
	fd, peer := pair(t)
	peer.SetLinger(0) // close sends RST
	peer.Close()
	r := &recorder{}
	run(t, fd, r, nil)
	if r.ends != 1 || r.endErr == nil {
		t.Fatalf("End called %d times with %v, want once with the error", r.ends, r.endErr)
	}
}

func TestStreamResetAfterEOFEndsWithoutSpinning(t *testing.T) {
	if portableIO {
		t.Skip("the portable implementation reads no further after EOF: a reset that follows is seen by the next write, as Go's net package offers no way to wait for it")
	}
	fd, peer := pair(t)
	eof := make(chan struct{}, 1)
	go func() {
		peer.CloseWrite()
		<-eof // the stream has seen the EOF; now the reset
		peer.SetLinger(0)
		peer.Close()
	}()
	r := &recorder{onEOF: func(*recorder) error {
		select {
		case eof <- struct{}{}:
		default:
		}
		return nil
	}}
	run(t, fd, r, nil) // writeOnly, nothing to read: only the reset can end it
	if r.eofs != 1 || r.ends != 1 || r.endErr == nil {
		t.Fatalf("%d EOF, %d End(%v)", r.eofs, r.ends, r.endErr)
	}
}

func TestStreamAbortDropsTheQueue(t *testing.T) {
	fd, _ := pair(t)
	r := &recorder{}
	run(t, fd, r, func(l *loop.Loop, s *Stream) {
		s.Write(bytes.Repeat([]byte("x"), 16<<20))
		s.Abort(nil)
		if !s.Closed() || s.Pending() != 0 {
			t.Error("Abort left the stream open or its queue full")
		}
		s.Abort(errors.New("again")) // ignored
	})
	if r.ends != 1 || r.endErr != nil {
		t.Fatalf("End called %d times with %v", r.ends, r.endErr)
	}
}

func TestStreamDetachHandsOverAfterTheQueue(t *testing.T) {
	fd, peer := pair(t)
	big := bytes.Repeat([]byte("x"), 8<<20)
	got := make(chan net.Conn, 1)
	read := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(peer, int64(len(big)+5)))
		read <- b
	}()
	r := &recorder{}
	run(t, fd, r, func(l *loop.Loop, s *Stream) {
		s.Write(big)
		s.Detach(func(c net.Conn) {
			c.Write([]byte("after"))
			got <- c
		})
	})
	all := <-read
	if len(all) != len(big)+5 || !bytes.Equal(all[:len(big)], big) || string(all[len(big):]) != "after" {
		t.Fatal("the new owner's bytes did not follow the queued ones")
	}
	(<-got).Close()
	if r.ends != 0 {
		t.Fatal("End called after Detach")
	}
}

func TestStreamPauseStopsReading(t *testing.T) {
	fd, peer := pair(t)
	peer.Write([]byte("early"))
	var s *Stream
	r := &recorder{onData: func(r *recorder) error {
		if r.data.String() == "early" {
			s.Pause()
			time.AfterFunc(0, func() { peer.Write([]byte(" late")) })
			s.p.l.SetTimer(100*time.Millisecond, func() error {
				if r.reads != 1 {
					t.Errorf("%d reads while paused", r.reads)
				}
				s.Resume()
				return nil
			})
		}
		if r.data.String() == "early late" {
			s.Close()
		}
		return nil
	}}
	run(t, fd, r, func(l *loop.Loop, st *Stream) { s = st })
	if r.data.String() != "early late" {
		t.Fatalf("read %q", r.data.String())
	}
}

func TestListenAcceptsAndNamesPeers(t *testing.T) {
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
		l := loop.New(0)
		var got string
		var ln *Listener
		l.Post(func() error {
			var err error
			ln, err = ListenTCP(l, tt.host, 0, ListenConfig{}, func(s *Stream) error {
				got = s.RemoteIP()
				s.Abort(nil)
				ln.Close()
				return nil
			})
			if err != nil {
				return err
			}
			port := ln.Port()
			go func() {
				if c, err := net.Dial("tcp", net.JoinHostPort(tt.dial, strconv.Itoa(port))); err == nil {
					c.Close()
				}
			}()
			return nil
		})
		if err := l.Run(); err != nil {
			t.Fatalf("listen %q: %v", tt.host, err)
		}
		if got != tt.want {
			t.Errorf("listen %q, dial %s: remote %q, want %q", tt.host, tt.dial, got, tt.want)
		}
	}
	if _, err := ListenTCP(loop.New(0), "", 70000, ListenConfig{}, nil); err == nil {
		t.Error("Listen(70000) succeeded")
	}
}

func TestDialPrefersIPv4AndReportsRefusal(t *testing.T) {
	l := loop.New(0)
	var refused error
	l.Post(func() error {
		Dial(l, "127.0.0.1", 1, time.Second, func(s *Stream, err error) error {
			refused = err
			return nil
		})
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if refused == nil || DescribeError(refused) != "connection refused" {
		t.Fatalf("dial to a closed port: %v (%q)", refused, DescribeError(refused))
	}
}

func TestReusePortSharesAPort(t *testing.T) {
	l := loop.New(0)
	accepted := make([]int, 2)
	l.Post(func() error {
		cfg := ListenConfig{ReusePort: true}
		var lns [2]*Listener
		var err error
		for i := range lns {
			port := 0
			if i > 0 {
				port = lns[0].Port()
			}
			i := i
			lns[i], err = ListenTCP(l, "127.0.0.1", port, cfg, func(s *Stream) error {
				accepted[i]++
				s.Abort(nil)
				if accepted[0]+accepted[1] == 1 {
					lns[0].Close()
					lns[1].Close()
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if lns[0].Port() != lns[1].Port() {
			t.Errorf("ports %d and %d", lns[0].Port(), lns[1].Port())
		}
		go func() {
			if c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(lns[0].Port()))); err == nil {
				c.Close()
			}
		}()
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if accepted[0]+accepted[1] != 1 {
		t.Fatalf("accepted %v", accepted)
	}
}

// TestStreamDetachKeepsUnreadBytes: bytes the peer sent that no Data call received go with the
// connection Detach hands over, whether still in the kernel (epoll) or already taken by a read
// under way when the stream was paused (the portable implementation's reader).
func TestStreamDetachKeepsUnreadBytes(t *testing.T) {
	for _, delay := range []time.Duration{0, 50 * time.Millisecond} {
		c, peer := pair(t)
		got := make(chan string, 1)
		run(t, c, &recorder{}, func(l *loop.Loop, s *Stream) {
			s.Pause()
			go peer.Write([]byte("unread"))
			l.SetTimer(delay, func() error {
				s.Detach(func(c net.Conn) {
					b := make([]byte, 6)
					c.SetReadDeadline(time.Now().Add(10 * time.Second)) // lost bytes: fail, not hang
					_, err := io.ReadFull(c, b)
					c.Close()
					got <- string(b) + errString(err)
				})
				return nil
			})
		})
		if g := <-got; g != "unread" {
			t.Errorf("after %v the new owner read %q, want %q", delay, g, "unread")
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return " " + err.Error()
}
