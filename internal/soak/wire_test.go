package soak

import (
	"bufio"
	"crypto/rand"
	"crypto/sha1"
	"crypto/tls"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// A kind is one server of testdata/servers.js and how to speak to it: how to connect (a
// WebSocket kind upgrades first), a well-formed echo message, the start of one (for half-open
// connections), the start of an endless one, and a deeply nested one.
type kind struct {
	name    string
	network string // "tcp" or "unix"
	addr    string
	tls     bool   // a TLS server: Dial handshakes (raw connections do not)
	ws      string // a WebSocket server: the request target to upgrade on
	echo    func(payload string) []byte
	partial []byte
	endless func() ([]byte, []byte) // a head that never ends, and filler to follow it
	deep    []byte                  // nil: the protocol has no nesting
}

// nest returns n opening brackets, then inner, then n closing ones.
func nest(open, inner, closing string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(closing, n)
}

// deepDepth is how deeply the deep messages nest.
const deepDepth = 100000

func nodeIPCKind(name, network, addr string, tlsOn bool) kind {
	return kind{name: name, network: network, addr: addr, tls: tlsOn,
		echo:    func(p string) []byte { return []byte(`{"type":"echo","data":"` + p + "\"}\f") },
		partial: []byte(`{"type":"echo","da`),
		endless: func() ([]byte, []byte) { return []byte(`{"type":"echo","data":"`), []byte(strings.Repeat("x", 1<<16)) },
		deep:    []byte(`{"type":"echo","data":` + nest("[", "", "]", deepDepth) + "}\f"),
	}
}

func socketIPCKind(path string) kind {
	return kind{name: "socket-ipc", network: "unix", addr: path,
		echo:    func(p string) []byte { return []byte(`{"topic":"echo","message":"` + p + "\"}\x00\x00") },
		partial: []byte(`{"topic":"echo","mes`),
		endless: func() ([]byte, []byte) {
			return []byte(`{"topic":"echo","message":"`), []byte(strings.Repeat("x", 1<<16))
		},
		deep: []byte(`{"topic":"echo","message":` + nest("[", "", "]", deepDepth) + "}\x00\x00"),
	}
}

func httpKind(addr string) kind {
	return kind{name: "node.http", network: "tcp", addr: addr,
		echo: func(p string) []byte {
			return []byte(fmt.Sprintf("POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Length: %d\r\n\r\n%s", len(p), p))
		},
		partial: []byte("GET /slow HTTP/1.1\r\nHost: so"),
		endless: func() ([]byte, []byte) {
			return []byte("GET / HTTP/1.1\r\nX-Endless: "), []byte(strings.Repeat("x", 1<<16))
		},
	}
}

func tcpKind(addr string) kind {
	return kind{name: "node.tcp", network: "tcp", addr: addr,
		echo:    func(p string) []byte { return []byte(p) },
		partial: []byte("a line without its end"),
	}
}

// wsKind is a WebSocket server: its messages are masked frames (binary for BinaryJS, whose
// messages are BinaryPack arrays; text for the PeerServer, whose messages are JSON).
func wsKind(name, addr, target string, opcode byte, deep []byte) kind {
	return kind{name: name, network: "tcp", addr: addr, ws: target,
		echo:    func(p string) []byte { return wsFrame(0x9, []byte(p[:min(len(p), 125)])) }, // a ping: answered by a pong
		partial: wsFrame(opcode, make([]byte, 200))[:10],
		endless: func() ([]byte, []byte) {
			return wsHeader(opcode, 1<<40), make([]byte, 1<<16) // announces a 1 TiB frame
		},
		deep: wsFrame(opcode, deep),
	}
}

// wsHeader is a masked frame's header (FIN set) for a payload of n bytes; the mask is zero, so
// the payload goes as is.
func wsHeader(opcode byte, n uint64) []byte {
	h := []byte{0x80 | opcode}
	switch {
	case n < 126:
		h = append(h, 0x80|byte(n))
	case n < 1<<16:
		h = append(h, 0x80|126, byte(n>>8), byte(n))
	default:
		h = append(h, 0x80|127)
		h = binary.BigEndian.AppendUint64(h, n)
	}
	return append(h, 0, 0, 0, 0)
}

func wsFrame(opcode byte, payload []byte) []byte {
	return append(wsHeader(opcode, uint64(len(payload))), payload...)
}

// dialRaw connects without any handshake.
func dialRaw(k kind) (net.Conn, error) {
	return net.DialTimeout(k.network, k.addr, 10*time.Second)
}

// dial connects and does the kind's handshake (TLS, WebSocket upgrade).
func dial(k kind) (net.Conn, error) {
	c, err := dialRaw(k)
	if err != nil {
		return nil, err
	}
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if k.tls {
		tc := tls.Client(c, &tls.Config{InsecureSkipVerify: true})
		if err := tc.Handshake(); err != nil {
			c.Close()
			return nil, fmt.Errorf("TLS handshake: %w", err)
		}
		c = tc
	}
	if k.ws != "" {
		if err := upgrade(c, k.ws); err != nil {
			c.Close()
			return nil, err
		}
	}
	c.SetDeadline(time.Time{})
	return c, nil
}

// upgrade does a WebSocket opening handshake on c.
func upgrade(c net.Conn, target string) error {
	key := make([]byte, 16)
	rand.Read(key)
	k := base64.StdEncoding.EncodeToString(key)
	req := "GET " + target + " HTTP/1.1\r\nHost: soak\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: " + k + "\r\nSec-WebSocket-Version: 13\r\n\r\n"
	if _, err := io.WriteString(c, req); err != nil {
		return err
	}
	// Read the answer's head byte by byte, so that nothing after it is taken from c.
	var head []byte
	b := make([]byte, 1)
	for !strings.HasSuffix(string(head), "\r\n\r\n") {
		if _, err := c.Read(b); err != nil {
			return fmt.Errorf("upgrade: %w", err)
		}
		head = append(head, b[0])
		if len(head) > 8192 {
			return errors.New("upgrade: answer head too long")
		}
	}
	res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(string(head))), nil)
	if err != nil {
		return err
	}
	sum := sha1.Sum([]byte(k + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	if res.StatusCode != 101 || res.Header.Get("Sec-WebSocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		return fmt.Errorf("upgrade: %s", res.Status)
	}
	return nil
}
