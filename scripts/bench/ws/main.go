// Command wsload is the load generator of scripts/bench/ws.sh: many plain WebSocket clients in
// one Go process (gorilla/websocket), against a server whose RSS it reads from
// /proc/PID/status (VmRSS). The same generator drives earlynode's servers and the real npm
// ones, so it is never the difference between them; its sends are batched so that it stays
// cheap next to the server on a small machine.
//
//	wsload -mode peer -url ws://127.0.0.1:PORT/peerjs -pid PID -n 2000 -msgs 120000
//
// connects N PeerJS signalling clients (?key=peerjs&id=ID&token=TOKEN&version=1.5.5, as
// PeerJS 1.5.5 does), waits for each one's OPEN, then has them send MSGS OFFER/ANSWER
// messages to one another and waits until the receivers got them all.
//
//	wsload -mode binary -url ws://127.0.0.1:PORT/ -pid PID -n 2000 -ready FILE
//
// connects N WebSocket clients to a BinaryServer and waits until FILE (the server's output)
// holds a line "ready" (the server counts its connections).
//
// Before the N clients, one warm-up client connects (retrying until the server listens),
// gets its answer and leaves, so that the server's one-time costs of a first connection are
// in the "before" figure. The last line of stdout is
//
//	KB_PER_CLIENT [MSGS_PER_SECOND RSS_AFTER_BURST_MB]
//
// (KB = 10^3 bytes, MB = 10^6): the server's RSS growth from before the N clients to after
// they are all connected, divided by N; then, when MSGS > 0, the relay rate and the server's
// RSS a moment after the burst. A line with the absolute figures goes to stderr.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

var (
	mode     = flag.String("mode", "peer", "peer (PeerJS signalling) or binary (BinaryJS)")
	rawURL   = flag.String("url", "", "server URL: ws://HOST:PORT/peerjs (peer) or ws://HOST:PORT/ (binary)")
	pid      = flag.Int("pid", 0, "the server's process id, whose VmRSS is measured")
	n        = flag.Int("n", 2000, "clients to connect")
	msgs     = flag.Int("msgs", 0, "peer: OFFER/ANSWER messages to relay among the clients (0: none)")
	batch    = flag.Int("batch", 10, "peer: frames per write system call when sending")
	conc     = flag.Int("conc", 32, "connections being opened at once")
	settle   = flag.Duration("settle", time.Second, "wait before each RSS reading")
	ready    = flag.String("ready", "", "binary: file in which the server writes \"ready\" once it holds N connections")
	deadline = flag.Duration("timeout", 120*time.Second, "give up after this long in any phase")
)

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "wsload:", err)
		os.Exit(1)
	}
}

func run() error {
	if *rawURL == "" || *pid == 0 || *n < 2 {
		return errors.New("need -url, -pid and -n >= 2")
	}
	if *mode != "peer" && *mode != "binary" {
		return fmt.Errorf("unknown -mode %q", *mode)
	}
	if *mode == "binary" && *ready == "" {
		return errors.New("-mode binary needs -ready")
	}
	dialer := &websocket.Dialer{HandshakeTimeout: 10 * time.Second, ReadBufferSize: 4096, WriteBufferSize: 4096}

	// Warm-up: the first connection, retried until the server listens.
	warm, err := warmUp(dialer)
	if err != nil {
		return err
	}
	// It leaves with a close handshake, reading until the server's close frame: unread bytes
	// would make the close a reset, which binaryjs 0.2.1's server does not survive.
	_ = warm.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	warm.SetReadDeadline(time.Now().Add(2 * time.Second))
	for {
		if _, _, err := warm.ReadMessage(); err != nil {
			break
		}
	}
	warm.Close()
	time.Sleep(*settle)
	before, err := rss()
	if err != nil {
		return err
	}

	// The N clients.
	var failed firstError // of the readers
	var received atomic.Int64
	want := int64(*msgs)
	allReceived := make(chan struct{})
	clients := make([]*websocket.Conn, *n)
	ids := make([]string, *n)
	for i := range ids {
		ids[i] = fmt.Sprintf("bench%05d", i)
	}
	reader := func(c *websocket.Conn, id string) {
		buf := make([]byte, 0, 1024)
		for {
			_, r, err := c.NextReader()
			if err != nil {
				failed.set(fmt.Errorf("client %s: %w", id, err))
				return
			}
			buf = buf[:0]
			for {
				if len(buf) == cap(buf) {
					buf = append(buf, 0)[:len(buf)]
				}
				k, err := r.Read(buf[len(buf):cap(buf)])
				buf = buf[:len(buf)+k]
				if err == io.EOF {
					break
				}
				if err != nil {
					failed.set(fmt.Errorf("client %s: %w", id, err))
					return
				}
			}
			if bytes.Contains(buf, []byte(`"type":"OFFER"`)) || bytes.Contains(buf, []byte(`"type":"ANSWER"`)) {
				if received.Add(1) == want {
					close(allReceived)
				}
				continue
			}
			failed.set(fmt.Errorf("client %s got an unexpected frame: %.200s", id, buf))
			return
		}
	}
	t0 := time.Now()
	var wg sync.WaitGroup
	var dialErr firstError
	sem := make(chan struct{}, *conc)
	for i := 0; i < *n; i++ {
		sem <- struct{}{}
		wg.Add(1)
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			c, err := connect(dialer, ids[i])
			if err != nil {
				dialErr.set(err)
				return
			}
			clients[i] = c
			go reader(c, ids[i])
		}(i)
		if e := dialErr.get(); e != nil {
			break
		}
	}
	wg.Wait()
	if e := dialErr.get(); e != nil {
		return e
	}
	if *mode == "binary" {
		if err := waitReady(t0); err != nil {
			return err
		}
	}
	connectTime := time.Since(t0)
	time.Sleep(*settle)
	if e := failed.get(); e != nil {
		return e
	}
	withClients, err := rss()
	if err != nil {
		return err
	}
	perClient := float64(withClients-before) / float64(*n) / 1e3
	if *msgs <= 0 {
		fmt.Fprintf(os.Stderr, "rss before %.1f MB, with %d clients %.1f MB (connected in %.2f s)\n",
			float64(before)/1e6, *n, float64(withClients)/1e6, connectTime.Seconds())
		fmt.Printf("%.2f\n", perClient)
		return nil
	}

	// The burst: client i sends its share of the messages, alternately OFFER and ANSWER, each
	// to another client; the frames are made first and written in batches.
	frames := make([][][]byte, *n)
	for i := range frames {
		count := *msgs / *n
		if i < *msgs%*n {
			count++
		}
		var bufs [][]byte
		var cur []byte
		for j := 0; j < count; j++ {
			dst := (i + 1 + (j*7919)%(*n-1)) % *n
			cur = appendFrame(cur, message(j, ids[dst]))
			if (j+1)%*batch == 0 || j == count-1 {
				bufs = append(bufs, cur)
				cur = nil
			}
		}
		frames[i] = bufs
	}
	start := make(chan struct{})
	var sendErr firstError
	for i, c := range clients {
		wg.Add(1)
		go func(c *websocket.Conn, bufs [][]byte) {
			defer wg.Done()
			<-start
			for _, b := range bufs {
				if _, err := c.NetConn().Write(b); err != nil {
					sendErr.set(fmt.Errorf("client %s: send: %w", ids[i], err))
					return
				}
			}
		}(c, frames[i])
	}
	t1 := time.Now()
	genCPU0, srvCPU0 := selfCPU(), serverCPU()
	close(start)
	timer := time.NewTimer(*deadline)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
wait:
	for {
		select {
		case <-allReceived:
			break wait
		case <-timer.C:
			return fmt.Errorf("relay: %d of %d messages received in %v", received.Load(), want, *deadline)
		case <-tick.C:
			if e := failed.get(); e != nil {
				return e
			}
			if e := sendErr.get(); e != nil {
				return e
			}
		}
	}
	elapsed := time.Since(t1)
	genCPU, srvCPU := selfCPU()-genCPU0, serverCPU()-srvCPU0
	wg.Wait()
	rate := float64(want) / elapsed.Seconds()
	time.Sleep(*settle)
	if e := failed.get(); e != nil {
		return e
	}
	afterBurst, err := rss()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "rss before %.1f MB, with %d clients %.1f MB (connected in %.2f s), after %d messages in %.2f s %.1f MB; "+
		"CPU in the burst: server %.2f s, generator %.2f s\n",
		float64(before)/1e6, *n, float64(withClients)/1e6, connectTime.Seconds(), want, elapsed.Seconds(), float64(afterBurst)/1e6,
		srvCPU.Seconds(), genCPU.Seconds())
	fmt.Printf("%.2f %.0f %.1f\n", perClient, rate, float64(afterBurst)/1e6)
	return nil
}

// firstError keeps the first error reported from any goroutine.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// warmUp opens the first connection, retrying for up to 10 s while the server starts, and
// waits for the server's answer (OPEN for a PeerServer; for a BinaryServer, which says
// nothing, a moment).
func warmUp(d *websocket.Dialer) (*websocket.Conn, error) {
	var err error
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var c *websocket.Conn
		if c, err = connect(d, "warmup"); err == nil {
			if *mode == "binary" {
				time.Sleep(200 * time.Millisecond)
			}
			return c, nil
		}
	}
	return nil, fmt.Errorf("warm-up connection: %w", err)
}

// connect opens one client; a PeerJS client waits for its OPEN.
func connect(d *websocket.Dialer, id string) (*websocket.Conn, error) {
	u := *rawURL
	if *mode == "peer" {
		u += "?key=peerjs&id=" + url.QueryEscape(id) + "&token=" + token() + "&version=1.5.5"
	}
	var c *websocket.Conn
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if c, _, err = d.Dial(u, nil); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", id, err)
	}
	if *mode == "peer" {
		c.SetReadDeadline(time.Now().Add(*deadline))
		_, m, err := c.ReadMessage()
		if err != nil {
			c.Close()
			return nil, fmt.Errorf("client %s: waiting for OPEN: %w", id, err)
		}
		if !bytes.Contains(m, []byte(`"type":"OPEN"`)) {
			c.Close()
			return nil, fmt.Errorf("client %s: expected OPEN, got %.200s", id, m)
		}
		c.SetReadDeadline(time.Time{})
	}
	return c, nil
}

// token is a random token as PeerJS makes one (Math.random().toString(36).slice(2)).
func token() string {
	return strconv.FormatUint(rand.Uint64(), 36)
}

// The SDP of a data-channel-only session, as a browser writes one, shortened.
const sdp = `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n` +
	`a=msid-semantic: WMS\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n` +
	`a=ice-ufrag:hTq4\r\na=ice-pwd:Xd0Yv9yVbQ3nLPLq2tW4Ff8K\r\na=ice-options:trickle\r\n` +
	`a=fingerprint:sha-256 5B:3C:9E:1F:60:0A:D2:77:4B:8E:01:C4:9A:3F:E2:6D:11:B0:5C:72:8A:E9:43:0F:D6:2B:97:14:C8:5E:A3:60\r\n` +
	`a=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n`

// message is the j-th signalling message of a client, to dst: an OFFER with PeerJS 1.5.5's
// payload for a data connection, or an ANSWER.
func message(j int, dst string) []byte {
	conn := fmt.Sprintf("dc_%010d", j)
	if j%2 == 0 {
		return []byte(`{"type":"OFFER","dst":"` + dst + `","payload":{"sdp":{"type":"offer","sdp":"` + sdp +
			`"},"type":"data","connectionId":"` + conn + `","label":"` + conn +
			`","reliable":true,"serialization":"binary"}}`)
	}
	return []byte(`{"type":"ANSWER","dst":"` + dst + `","payload":{"sdp":{"type":"answer","sdp":"` +
		strings.Replace(sdp, "actpass", "active", 1) + `"},"type":"data","connectionId":"` + conn + `"}}`)
}

// appendFrame appends payload to b as one masked text frame, as a client sends it.
func appendFrame(b, payload []byte) []byte {
	b = append(b, 0x81) // FIN, text
	switch l := len(payload); {
	case l < 126:
		b = append(b, 0x80|byte(l))
	case l < 1<<16:
		b = append(b, 0x80|126, byte(l>>8), byte(l))
	default:
		b = append(b, 0x80|127, 0, 0, 0, 0, byte(l>>24), byte(l>>16), byte(l>>8), byte(l))
	}
	var key [4]byte
	k := rand.Uint32()
	key[0], key[1], key[2], key[3] = byte(k), byte(k>>8), byte(k>>16), byte(k>>24)
	b = append(b, key[:]...)
	for i, c := range payload {
		b = append(b, c^key[i&3])
	}
	return b
}

// waitReady waits until the server's output file holds a line "ready".
func waitReady(since time.Time) error {
	for time.Since(since) < *deadline {
		f, err := os.Open(*ready)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		found := false
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "ready" {
				found = true
			}
		}
		f.Close()
		if found {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("the server did not report %d connections within %v", *n, *deadline)
}

// selfCPU is the user and system CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serverCPU is the user and system CPU time the server has used, from /proc/PID/stat (in
// clock ticks of 1/100 s, as on every Linux the bench runs on).
func serverCPU() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", *pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (which may hold spaces) in parentheses; utime and
	// stime are the 14th and 15th of the whole line.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// rss is the server's resident set size in bytes.
func rss() (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", *pid))
	if err != nil {
		return 0, fmt.Errorf("server process: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) < 1 {
				break
			}
			kb, err := strconv.ParseInt(f[0], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}
