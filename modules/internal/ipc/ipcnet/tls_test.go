package ipcnet

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"earlynode/loop"
)

// selfSigned returns a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func runLoop(t *testing.T, l *loop.Loop) {
	t.Helper()
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
}

// TestTLSConnExchange is TestConnExchange over TLS on TCP: writes queued before the handshake,
// a burst both ways, Node's order of end and close, the listener closing after its connection.
func TestTLSConnExchange(t *testing.T) {
	cert, pool := selfSigned(t)
	l := loop.New(0)
	var events []string
	var serverSide *Conn
	var ln *Listener
	const n = 50000
	want := bytes.Repeat([]byte("0123456789"), n)
	srv := &recorder{name: "server", log: &events}
	srv.onData = func(r *recorder) error {
		if r.data.Len() == len(want) {
			serverSide.Write(want) // echo it all at once
		}
		return nil
	}
	ln, err := Listen(l, ListenOptions{Network: "tcp", Address: "127.0.0.1:0", TLS: &tls.Config{Certificates: []tls.Certificate{cert}}},
		func(c *Conn) error {
			serverSide = c
			c.SetEvents(srv)
			c.SetDecoder(copyChunk)
			c.Start()
			ln.Close()
			return nil
		}, func(err error) error {
			t.Errorf("handshake: %v", err)
			return nil
		}, func() error {
			events = append(events, "listener closed")
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	cli := &recorder{name: "client", log: &events}
	var client *Conn
	cli.onData = func(r *recorder) error {
		if r.data.Len() == len(want) {
			client.End()
		}
		return nil
	}
	client = Dial(l, DialOptions{Network: "tcp", Address: ln.Addr().String(), TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}}, copyChunk, cli)
	for i := 0; i < n; i++ {
		client.Write(want[i*10 : i*10+10])
	}
	runLoop(t, l)
	if !bytes.Equal(srv.data.Bytes(), want) || !bytes.Equal(cli.data.Bytes(), want) {
		t.Fatalf("server read %d bytes, client %d, want %d each, in order", srv.data.Len(), cli.data.Len(), len(want))
	}
	got := strings.Join(events, ", ")
	for _, w := range []string{"client connect", "server end", "client end", "server close false", "client close false", "listener closed"} {
		if !strings.Contains(got, w) {
			t.Errorf("events %q lack %q", got, w)
		}
	}
}

// TestTLSHandshakeErrors: a client that does not trust the server's certificate gets a TLS
// error (connect), then close(true); the server reports the failed handshake to onError and
// never hands the connection over.
func TestTLSHandshakeErrors(t *testing.T) {
	cert, _ := selfSigned(t)
	l := loop.New(0)
	var events []string
	var serverErr error
	var ln *Listener
	ln, err := Listen(l, ListenOptions{Network: "tcp", Address: "127.0.0.1:0", TLS: &tls.Config{Certificates: []tls.Certificate{cert}}},
		func(c *Conn) error {
			t.Error("a connection whose handshake failed was handed over")
			c.Destroy()
			return nil
		}, func(err error) error {
			serverErr = err
			ln.Close()
			return nil
		}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var clientErr error
	r := &recorder{name: "client", log: &events}
	Dial(l, DialOptions{Network: "tcp", Address: ln.Addr().String(), TLS: &tls.Config{ServerName: "127.0.0.1"}}, copyChunk,
		&errCatcher{recorder: r, err: &clientErr})
	runLoop(t, l)
	var op *OpError
	if !errors.As(clientErr, &op) || op.Syscall != "connect" || !strings.Contains(op.Message(), "failed to verify certificate") {
		t.Errorf("client error %v, want a connect error for the certificate", clientErr)
	}
	if strings.Join(events, ",") != "client connect,client close true" {
		t.Errorf("client events %v", events)
	}
	if !errors.As(serverErr, &op) || op.Syscall != "handshake" {
		t.Errorf("server error %v, want a handshake error", serverErr)
	}
}
