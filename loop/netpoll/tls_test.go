package netpoll

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"earlynode/internal/testenv"
	"errors"
	"io"
	"math/big"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"earlynode/loop"
)

// testPKI is a CA and the server and client certificates it signed, for 127.0.0.1.
type testPKI struct {
	pool           *x509.CertPool
	server, client tls.Certificate
}

var (
	pkiOnce sync.Once
	pki     testPKI
)

func certs(t *testing.T) testPKI {
	t.Helper()
	pkiOnce.Do(func() {
		caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		caTmpl := &x509.Certificate{
			SerialNumber:          big.NewInt(1),
			Subject:               pkix.Name{CommonName: "netpoll test CA"},
			NotBefore:             time.Now().Add(-time.Hour),
			NotAfter:              time.Now().Add(time.Hour),
			IsCA:                  true,
			BasicConstraintsValid: true,
			KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		}
		caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
		if err != nil {
			panic(err)
		}
		ca, _ := x509.ParseCertificate(caDER)
		pki.pool = x509.NewCertPool()
		pki.pool.AddCert(ca)
		leaf := func(serial int64, usage x509.ExtKeyUsage) tls.Certificate {
			key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			tmpl := &x509.Certificate{
				SerialNumber: big.NewInt(serial),
				Subject:      pkix.Name{CommonName: "127.0.0.1"},
				NotBefore:    time.Now().Add(-time.Hour),
				NotAfter:     time.Now().Add(time.Hour),
				KeyUsage:     x509.KeyUsageDigitalSignature,
				ExtKeyUsage:  []x509.ExtKeyUsage{usage},
				IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
			}
			der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
			if err != nil {
				panic(err)
			}
			return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
		}
		pki.server = leaf(2, x509.ExtKeyUsageServerAuth)
		pki.client = leaf(3, x509.ExtKeyUsageClientAuth)
	})
	return pki
}

// serverConf requires and verifies a client certificate; clientConf verifies the server's.
func serverConf(t *testing.T, version uint16) *tls.Config {
	p := certs(t)
	return &tls.Config{Certificates: []tls.Certificate{p.server}, ClientCAs: p.pool,
		ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: version, MaxVersion: version}
}

func clientConf(t *testing.T, version uint16) *tls.Config {
	p := certs(t)
	return &tls.Config{Certificates: []tls.Certificate{p.client}, RootCAs: p.pool,
		ServerName: "127.0.0.1", MinVersion: version, MaxVersion: version}
}

// runTLS wraps a stream of fd as a TLS client or server on a new loop (setup gets it on the
// loop, before it starts unless setup starts it) and runs the loop until it ends.
func runTLS(t *testing.T, conn net.Conn, conf *tls.Config, client bool, r *recorder, setup func(l *loop.Loop, c *TLSConn)) {
	t.Helper()
	l := loop.New(0)
	l.Post(func() error {
		s, err := Adopt(l, conn)
		if err != nil {
			return err
		}
		var c *TLSConn
		if client {
			c = TLSClient(s, conf)
		} else {
			c = TLSServer(s, conf)
		}
		if setup != nil {
			setup(l, c)
		}
		return c.Start(r)
	})
	runLoop(t, l, 30*time.Second)
}

func pattern(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7) + seed
	}
	return b
}

var versions = []struct {
	name string
	v    uint16
}{{"TLS1.2", tls.VersionTLS12}, {"TLS1.3", tls.VersionTLS13}}

// TestTLSLargeTransfersBothWays: 4 MB each way, with both sides verifying the other, our side
// as client against Go's server and as server against Go's client. Our side writes before the
// handshake is done and half-closes (close_notify then FIN); the peer reads to its EOF, answers
// and half-closes in turn; our side reads the answer to its EOF and closes.
func TestTLSLargeTransfersBothWays(t *testing.T) {
	for _, ver := range versions {
		for _, client := range []bool{true, false} {
			role := "server"
			if client {
				role = "client"
			}
			t.Run(ver.name+"/"+role, func(t *testing.T) {
				fd, peerTCP := pair(t)
				up, down := pattern(4<<20, 1), pattern(4<<20, 3)
				var peer *tls.Conn
				if client {
					peer = tls.Server(peerTCP, serverConf(t, ver.v))
				} else {
					peer = tls.Client(peerTCP, clientConf(t, ver.v))
				}
				peerErr := make(chan error, 1)
				go func() {
					got, err := io.ReadAll(peer) // to our close_notify
					if err != nil {
						peerErr <- err
						return
					}
					if !bytes.Equal(got, up) {
						peerErr <- errors.New("peer read " + strconv.Itoa(len(got)) + " bytes, not what was sent")
						return
					}
					for off := 0; off < len(down); off += 1 << 20 {
						if _, err := peer.Write(down[off : off+1<<20]); err != nil {
							peerErr <- err
							return
						}
					}
					peerErr <- peer.CloseWrite()
					peerTCP.CloseWrite()
				}()
				var c *TLSConn
				r := &recorder{onEOF: func(r *recorder) error { c.Close(); return nil }}
				var conf *tls.Config
				if client {
					conf = clientConf(t, ver.v)
				} else {
					conf = serverConf(t, ver.v)
				}
				runTLS(t, fd, conf, client, r, func(l *loop.Loop, tc *TLSConn) {
					c = tc
					for off := 0; off < len(up); off += 100000 {
						c.Write(up[off:min(off+100000, len(up))])
					}
					c.CloseWrite()
					if err := c.Write([]byte("late")); !errors.Is(err, ErrNotWritable) {
						t.Errorf("Write after CloseWrite: %v", err)
					}
				})
				if err := <-peerErr; err != nil {
					t.Fatal("peer: ", err)
				}
				if !bytes.Equal(r.data.Bytes(), down) {
					t.Fatalf("read %d bytes, not the %d sent", r.data.Len(), len(down))
				}
				if r.eofs != 1 || r.ends != 1 || r.endErr != nil {
					t.Fatalf("%d EOF, %d End(%v)", r.eofs, r.ends, r.endErr)
				}
				if r.reads >= len(down)/maxRecord {
					t.Errorf("%d Data calls for %d bytes: records are not merged", r.reads, len(down))
				}
			})
		}
	}
}

// TestTLSPeerHalfCloses: Go's client sends a request and half-closes (close_notify, FIN); our
// server gets it, then EOF, and answers after it; the peer reads the answer.
func TestTLSPeerHalfCloses(t *testing.T) {
	fd, peerTCP := pair(t)
	peer := tls.Client(peerTCP, clientConf(t, tls.VersionTLS13))
	answer := make(chan string, 1)
	go func() {
		peer.Write([]byte("request"))
		peer.CloseWrite()
		peerTCP.CloseWrite()
		b, err := io.ReadAll(peer)
		if err != nil {
			answer <- "error: " + err.Error()
			return
		}
		answer <- string(b)
	}()
	var c *TLSConn
	r := &recorder{onEOF: func(r *recorder) error {
		c.Write([]byte("answer to " + r.data.String()))
		c.Close()
		return nil
	}}
	runTLS(t, fd, serverConf(t, tls.VersionTLS13), false, r, func(l *loop.Loop, tc *TLSConn) { c = tc })
	if got := <-answer; got != "answer to request" {
		t.Fatalf("peer read %q", got)
	}
	if r.eofs != 1 || r.ends != 1 || r.endErr != nil {
		t.Fatalf("%d EOF, %d End(%v)", r.eofs, r.ends, r.endErr)
	}
}

// TestTLSGarbage: a peer that speaks no TLS, before the handshake (either role) or after it,
// ends the connection with a clear error; nothing panics or hangs.
func TestTLSGarbage(t *testing.T) {
	garbage := []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + strings.Repeat("\xff", 2000))
	for _, client := range []bool{true, false} {
		name := "as server"
		if client {
			name = "as client"
		}
		t.Run("handshake "+name, func(t *testing.T) {
			fd, peer := pair(t)
			go func() {
				peer.Write(garbage)
				io.Copy(io.Discard, peer)
			}()
			r := &recorder{}
			conf := serverConf(t, 0)
			if client {
				conf = clientConf(t, 0)
			}
			runTLS(t, fd, conf, client, r, nil)
			var he *HandshakeError
			var rh tls.RecordHeaderError
			if r.ends != 1 || !errors.As(r.endErr, &he) || !errors.As(r.endErr, &rh) {
				t.Fatalf("End called %d times with %v (%T), want a handshake's record header error", r.ends, r.endErr, r.endErr)
			}
		})
	}
	t.Run("after the handshake", func(t *testing.T) {
		fd, peerTCP := pair(t)
		peer := tls.Client(peerTCP, clientConf(t, 0))
		go func() {
			if err := peer.Handshake(); err != nil {
				return
			}
			peer.Write([]byte("hello"))
			peerTCP.Write(garbage) // under the TLS layer, right behind the record
			io.Copy(io.Discard, peerTCP)
		}()
		r := &recorder{}
		runTLS(t, fd, serverConf(t, 0), false, r, nil)
		var he *HandshakeError
		if r.data.String() != "hello" || r.ends != 1 || r.endErr == nil || errors.As(r.endErr, &he) {
			t.Fatalf("read %q; End called %d times with %v", r.data.String(), r.ends, r.endErr)
		}
	})
	t.Run("a record cut short", func(t *testing.T) {
		fd, peerTCP := pair(t)
		raw := &recordingConn{Conn: peerTCP}
		peer := tls.Client(raw, clientConf(t, tls.VersionTLS13))
		go func() {
			if err := peer.Handshake(); err != nil {
				return
			}
			raw.record = true
			peer.Write([]byte("a record that will not arrive whole"))
			raw.record = false
			peerTCP.Write(raw.buf.Bytes()[:10]) // its first 10 bytes, again, then FIN
			peerTCP.CloseWrite()
			io.Copy(io.Discard, peerTCP)
		}()
		r := &recorder{}
		runTLS(t, fd, serverConf(t, tls.VersionTLS13), false, r, nil)
		if r.eofs != 0 || r.ends != 1 || !errors.Is(r.endErr, io.ErrUnexpectedEOF) {
			t.Fatalf("%d EOF, End called %d times with %v", r.eofs, r.ends, r.endErr)
		}
	})
}

// recordingConn copies what is written while record is set.
type recordingConn struct {
	net.Conn
	record bool
	buf    bytes.Buffer
}

func (c *recordingConn) Write(b []byte) (int, error) {
	if c.record {
		c.buf.Write(b)
	}
	return c.Conn.Write(b)
}

// TestTLSVerifiesTheServer: a client that does not trust the server's certificate fails its
// handshake with the verification error, and the server hears why (an alert).
func TestTLSVerifiesTheServer(t *testing.T) {
	fd, peerTCP := pair(t)
	peer := tls.Server(peerTCP, &tls.Config{Certificates: []tls.Certificate{certs(t).server}})
	peerErr := make(chan error, 1)
	go func() { peerErr <- peer.Handshake() }()
	r := &recorder{}
	conf := &tls.Config{ServerName: "127.0.0.1"} // the system's roots: our CA is not among them
	runTLS(t, fd, conf, true, r, func(l *loop.Loop, c *TLSConn) {
		c.Write([]byte("never sent"))
	})
	var ve *tls.CertificateVerificationError
	if r.ends != 1 || !errors.As(r.endErr, &ve) {
		t.Fatalf("End called %d times with %v, want a verification error", r.ends, r.endErr)
	}
	if err := <-peerErr; err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("server's handshake: %v, want the client's bad certificate alert", err)
	}
}

// TestTLSHandshakeThenStart: a server connection handed over only once secure (Handshake),
// started later; the bytes that came meanwhile wait for Start.
func TestTLSHandshakeThenStart(t *testing.T) {
	fd, peerTCP := pair(t)
	peer := tls.Client(peerTCP, clientConf(t, tls.VersionTLS13))
	go func() {
		peer.Write([]byte("early bytes"))
		io.Copy(io.Discard, peer)
	}()
	l := loop.New(0)
	r := &recorder{onData: func(r *recorder) error {
		return nil
	}}
	var c *TLSConn
	var state tls.ConnectionState
	l.Post(func() error {
		s, err := Adopt(l, fd)
		if err != nil {
			return err
		}
		c = TLSServer(s, serverConf(t, tls.VersionTLS13))
		return c.Handshake(func(err error) error {
			if err != nil {
				t.Errorf("handshake: %v", err)
				return nil
			}
			state = c.ConnectionState()
			l.SetTimer(50*time.Millisecond, func() error {
				if err := c.Start(r); err != nil {
					return err
				}
				l.SetTimer(50*time.Millisecond, func() error { c.Close(); return nil })
				return nil
			})
			return nil
		})
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if len(state.PeerCertificates) != 1 || state.Version != tls.VersionTLS13 {
		t.Errorf("connection state: %d peer certificates, version %x", len(state.PeerCertificates), state.Version)
	}
	if r.data.String() != "early bytes" || r.ends != 1 || r.endErr != nil {
		t.Fatalf("read %q; End called %d times with %v", r.data.String(), r.ends, r.endErr)
	}
}

// TestTLSPauseResume: nothing is handed over while paused, not even records already
// decrypted; everything arrives in order after Resume.
func TestTLSPauseResume(t *testing.T) {
	fd, peerTCP := pair(t)
	peer := tls.Client(peerTCP, clientConf(t, tls.VersionTLS12))
	want := pattern(1<<20, 5)
	go func() {
		peer.Write(want)
		peer.CloseWrite()
		io.Copy(io.Discard, peer)
	}()
	var c *TLSConn
	var l *loop.Loop
	pauses := 0
	paused := false
	r := &recorder{}
	r.onData = func(r *recorder) error {
		if paused {
			t.Error("Data while paused")
		}
		if r.reads%4 == 1 {
			pauses++
			paused = true
			c.Pause()
			l.SetTimer(2*time.Millisecond, func() error { paused = false; c.Resume(); return nil })
		}
		return nil
	}
	r.onEOF = func(r *recorder) error { c.Close(); return nil }
	runTLS(t, fd, serverConf(t, tls.VersionTLS12), false, r, func(lp *loop.Loop, tc *TLSConn) { l, c = lp, tc })
	if !bytes.Equal(r.data.Bytes(), want) || r.eofs != 1 || r.endErr != nil {
		t.Fatalf("read %d bytes (want %d), %d EOF, End %v", r.data.Len(), len(want), r.eofs, r.endErr)
	}
	if pauses < 2 {
		t.Errorf("%d pauses", pauses)
	}
}

// TestTLSAbortDuringHandshake: a peer that never answers; Abort ends the connection at once,
// with the error given, and the handshake's goroutine ends too.
func TestTLSAbortDuringHandshake(t *testing.T) {
	before := runtime.NumGoroutine()
	fd, peer := pair(t)
	go io.Copy(io.Discard, peer)
	r := &recorder{}
	runTLS(t, fd, clientConf(t, 0), true, r, func(l *loop.Loop, c *TLSConn) {
		c.Write([]byte("queued"))
		l.SetTimer(50*time.Millisecond, func() error {
			if c.Pending() != len("queued") {
				t.Errorf("Pending %d before the handshake", c.Pending())
			}
			c.Abort(nil)
			return nil
		})
	})
	if r.ends != 1 || r.endErr != nil {
		t.Fatalf("End called %d times with %v, want once with nil", r.ends, r.endErr)
	}
	if !testenv.Poll(5*time.Second, func() bool { return runtime.NumGoroutine() <= before+2 }) {
		t.Errorf("%d goroutines after the abort, %d before", runtime.NumGoroutine(), before)
	}
}

// TestTLSPeerResetDuringHandshake: the reset ends the connection with a handshake error that
// says so.
func TestTLSPeerResetDuringHandshake(t *testing.T) {
	fd, peer := pair(t)
	go func() {
		b := make([]byte, 100)
		peer.Read(b) // the ClientHello's start
		peer.SetLinger(0)
		peer.Close()
	}()
	r := &recorder{}
	runTLS(t, fd, clientConf(t, 0), true, r, nil)
	var he *HandshakeError
	if r.ends != 1 || !errors.As(r.endErr, &he) {
		t.Fatalf("End called %d times with %v, want a handshake error", r.ends, r.endErr)
	}
}

// TestTLSHandshakeDeadline: a peer that never sends its hello is dropped once the handshake
// deadline passes, with an error naming the deadline; the default is DefaultHandshakeTimeout.
func TestTLSHandshakeDeadline(t *testing.T) {
	tests := []struct {
		name   string
		client bool
	}{
		{"server waiting for a ClientHello", false},
		{"client waiting for a ServerHello", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fd, peer := pair(t)
			go io.Copy(io.Discard, peer) // reads, never answers
			r := &recorder{}
			conf := serverConf(t, 0)
			if tt.client {
				conf = clientConf(t, 0)
			}
			start := time.Now()
			runTLS(t, fd, conf, tt.client, r, func(l *loop.Loop, c *TLSConn) {
				if c.hsLimit != DefaultHandshakeTimeout || DefaultHandshakeTimeout != 10*time.Second {
					t.Errorf("handshake deadline %v by default, want 10s", c.hsLimit)
				}
				c.SetHandshakeTimeout(150 * time.Millisecond)
			})
			var he *HandshakeError
			var te *HandshakeTimeoutError
			if r.ends != 1 || !errors.As(r.endErr, &he) || !errors.As(r.endErr, &te) {
				t.Fatalf("End called %d times with %v, want a handshake timeout", r.ends, r.endErr)
			}
			if want := "tls: handshake not complete within the handshake deadline of 150ms"; r.endErr.Error() != want {
				t.Errorf("error %q, want %q", r.endErr, want)
			}
			if took := time.Since(start); took < 150*time.Millisecond {
				t.Errorf("ended after %v, before the deadline", took)
			}
		})
	}
}
