package soak

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// The bounds the soak holds the server process to.
const (
	// rssBound is the most resident memory the process may use at any moment of the soak.
	rssBound = 3 << 29 // 1.5 GiB
	// rssSettle is how far above its baseline resident memory may stay once the soak is over.
	rssSettle = 96 << 20
	// goodLatency is the longest a good client's round trip may take.
	goodLatency = 5 * time.Second
	// halfOpen is how many half-open connections each stream server gets.
	halfOpen = 50
	// hugeBytes is how much an endless message sends at most (past every default limit).
	hugeBytes = 80 << 20
	// unreadBytes is how much a peer that never reads sends at most.
	unreadBytes = 128 << 20
	// caseTime bounds the sending of an endless message and of a peer that never reads.
	caseTime = 15 * time.Second
)

// TestSoak runs every server kind in one earlynode process (testdata/servers.js) and, kind by
// kind, feeds it the bad-input matrix (garbage, resets, half-open connections, an endless
// message, a deeply nested one) and peers that never read, while a good client makes round
// trips to node.http, node.tcp, node-ipc (unix and TLS) and socket-ipc every 100 ms.
func TestSoak(t *testing.T) {
	if os.Getenv("EARLYNODE_SOAK") != "1" {
		t.Skip("the soak test runs with EARLYNODE_SOAK=1 (scripts/test sets it)")
	}
	bin := testenv.Node(t)
	dir := t.TempDir()
	ports := map[string]any{
		"http": testenv.FreePort(t), "tcp": testenv.FreePort(t), "binary": testenv.FreePort(t),
		"ipctcp": testenv.FreePort(t), "ipctls": testenv.FreePort(t), "peer": testenv.FreePort(t),
		"udp": testenv.FreeUDPPort(t), "sipc": filepath.Join(dir, "sipc.sock"), "unix": filepath.Join(dir, "ipc.sock"),
	}
	arg, _ := json.Marshal(ports)
	srv := testenv.Start(t, "servers", filepath.Join(testenv.Root(), "internal/soak/testdata"), bin, "servers.js", string(arg))
	srv.WaitLines(t, 30*time.Second, "ready")

	at := func(name string) string { return "127.0.0.1:" + strconv.Itoa(ports[name].(int)) }
	kinds := []kind{
		httpKind(at("http")),
		tcpKind(at("tcp")),
		wsKind("BinaryServer", at("binary"), "/", 0x2, append(bytes.Repeat([]byte{0x91}, deepDepth), 0xc0)),
		socketIPCKind(ports["sipc"].(string)),
		nodeIPCKind("node-ipc unix", "unix", ports["unix"].(string), false),
		nodeIPCKind("node-ipc TCP", "tcp", at("ipctcp"), false),
		nodeIPCKind("node-ipc TLS", "tcp", at("ipctls"), true),
		wsKind("PeerServer", at("peer"), "/peerjs?key=peerjs&id=soak&token=t0k&version=1.5.5", 0x1,
			[]byte(nest("[", "", "]", deepDepth))),
	}

	good := newGoodClient(t, kinds)
	good.round() // connects and warms every server up
	stopGood := good.run()

	mem := watch(srv)
	baseRSS, baseFDs := rss(srv), srv.FDs()
	t.Logf("baseline: RSS %.1f MiB, %d descriptors", mib(baseRSS), baseFDs)
	start := time.Now()

	for _, k := range kinds {
		k := k
		mem.phasePeak()
		t.Run(k.name, func(t *testing.T) {
			good.setPhase(k.name)
			began := time.Now()
			var held []net.Conn
			var mu sync.Mutex
			hold := func(c net.Conn) { mu.Lock(); held = append(held, c); mu.Unlock() }
			var wg sync.WaitGroup
			for _, c := range matrix(k) {
				c := c
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := c.run(k, hold); err != nil {
						t.Errorf("%s: %v", c.name, err)
					}
				}()
			}
			wg.Wait()
			closedByServer := countClosed(held)
			for _, c := range held {
				c.Close()
			}
			if srv.Exited() {
				t.Fatalf("the server process ended:\n%s", srv.Output())
			}
			took := time.Since(began)
			// Each kind starts from a settled process, so that its peak is its own.
			settled := testenv.Poll(10*time.Second, func() bool { return rss(srv) <= baseRSS+rssSettle })
			t.Logf("%s: %.1f s, RSS peak %.1f MiB, settled back near the baseline: %v; half-open connections closed by the server: %d of %d",
				k.name, took.Seconds(), mib(mem.phasePeak()), settled, closedByServer, len(held))
		})
	}
	good.setPhase("node-ipc UDP")
	t.Run("node-ipc UDP", func(t *testing.T) { udpMatrix(t, at("udp")) })
	good.setPhase("after the matrix")

	matrixTime := time.Since(start)
	stopGood()
	if srv.Exited() {
		t.Fatalf("the server process ended:\n%s", srv.Output())
	}
	rounds, worst, failures := good.report()
	t.Logf("good client: %d rounds, slowest %v, failures %d", rounds, worst.Round(time.Millisecond), len(failures))
	good.mu.Lock()
	for phase, d := range good.stalls {
		if d > goodLatency {
			t.Errorf("good client: slowest round trip during %s: %v (bound %v)", phase, d.Round(time.Millisecond), goodLatency)
		}
	}
	good.mu.Unlock()
	for i, f := range failures {
		if i == 10 {
			break
		}
		t.Errorf("good client: %s", f)
	}
	good.close()

	fdsBack := testenv.Poll(60*time.Second, func() bool { return srv.FDs() <= baseFDs })
	var settled int64
	rssBack := testenv.Poll(90*time.Second, func() bool {
		settled = rss(srv)
		return settled <= baseRSS+rssSettle
	})
	mem.stop()
	t.Logf("soak: matrix %.0f s; RSS baseline %.1f MiB, peak %.1f MiB (bound %.0f MiB), after %.1f MiB (bound baseline + %.0f MiB); descriptors baseline %d, after %d",
		matrixTime.Seconds(), mib(baseRSS), mib(mem.peak()), mib(rssBound), mib(settled), mib(rssSettle), baseFDs, srv.FDs())
	if mem.peak() > rssBound {
		t.Errorf("RSS reached %.1f MiB, over the bound of %.0f MiB", mib(mem.peak()), mib(rssBound))
	}
	if !rssBack {
		t.Errorf("RSS %.1f MiB 90 s after the soak, baseline %.1f MiB", mib(settled), mib(baseRSS))
	}
	if !fdsBack {
		t.Errorf("%d descriptors 60 s after the soak, baseline %d", srv.FDs(), baseFDs)
	}
	if srv.Exited() {
		t.Fatalf("the server process ended:\n%s", srv.Output())
	}
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// rss returns p's resident set size, or -1 once it cannot be read.
func rss(p *testenv.Proc) int64 {
	n, err := testenv.RSS(p.Pid())
	if err != nil {
		return -1
	}
	return n
}

// memWatch samples a process's RSS every 50 ms and keeps the peak, overall and since the last
// call of phasePeak.
type memWatch struct {
	max  atomic.Int64
	pmax atomic.Int64
	done chan struct{}
	wg   sync.WaitGroup
}

func watch(p *testenv.Proc) *memWatch {
	w := &memWatch{done: make(chan struct{})}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			r := rss(p)
			if r > w.max.Load() {
				w.max.Store(r)
			}
			if r > w.pmax.Load() {
				w.pmax.Store(r)
			}
			select {
			case <-w.done:
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

func (w *memWatch) peak() int64 { return w.max.Load() }

// phasePeak returns the peak since its last call and starts a new phase.
func (w *memWatch) phasePeak() int64 { return w.pmax.Swap(0) }
func (w *memWatch) stop()            { close(w.done); w.wg.Wait() }

// countClosed says how many of the held connections the server has closed: a read that ends
// at once (EOF or reset) rather than timing out.
func countClosed(cs []net.Conn) int {
	n := 0
	for _, c := range cs {
		c.SetReadDeadline(time.Now().Add(time.Millisecond))
		buf := make([]byte, 4096)
		for {
			_, err := c.Read(buf)
			if err == nil {
				continue
			}
			if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
				n++
			}
			break
		}
	}
	return n
}

// A badCase is one entry of the bad-input and slow-peer matrix.
type badCase struct {
	name string
	run  func(k kind, hold func(net.Conn)) error
}

// matrix returns the cases that apply to k.
func matrix(k kind) []badCase {
	cs := []badCase{
		{"garbage", garbage},
		{"resets", resets},
		{"half-open connections", halfOpenConns},
		{"a peer that never reads", neverReads},
	}
	if k.endless != nil {
		cs = append(cs, badCase{"an endless message", endless})
	}
	if k.deep != nil {
		cs = append(cs, badCase{"a deeply nested message", deep})
	}
	// EARLYNODE_SOAK_SKIP (comma-separated parts of case names) leaves cases out, to find which
	// one a failure comes from.
	var kept []badCase
	for _, c := range cs {
		skip := false
		for _, s := range strings.Split(os.Getenv("EARLYNODE_SOAK_SKIP"), ",") {
			if s != "" && strings.Contains(c.name, s) {
				skip = true
			}
		}
		if !skip {
			kept = append(kept, c)
		}
	}
	return kept
}

// drain reads c until it ends or until the deadline.
func drain(c net.Conn, d time.Duration) {
	c.SetReadDeadline(time.Now().Add(d))
	io.Copy(io.Discard, c)
}

// garbage sends 64 KiB of random bytes (after the handshake) on 10 connections at once, then
// half-closes each and reads what comes back until the server closes or 3 s pass.
func garbage(k kind, _ func(net.Conn)) error {
	errs := make(chan error, 10)
	for i := 0; i < 10; i++ {
		go func() {
			c, err := dial(k)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			junk := make([]byte, 64<<10)
			rand.Read(junk)
			c.SetWriteDeadline(time.Now().Add(3 * time.Second))
			c.Write(junk)
			if cw, ok := c.(interface{ CloseWrite() error }); ok {
				cw.CloseWrite()
			}
			drain(c, 3*time.Second)
			errs <- nil
		}()
	}
	var first error
	for i := 0; i < 10; i++ {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// resets sends the start of a message on 200 connections and resets each (RST, no FIN).
func resets(k kind, _ func(net.Conn)) error {
	for i := 0; i < 200; i++ {
		c, err := dialRaw(k)
		if err != nil {
			return err
		}
		c.Write(k.partial)
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		c.Close()
	}
	return nil
}

// halfOpenConns opens connections that send the start of a message (a TLS one: not even a
// ClientHello) and then nothing; they are held until the kind's matrix is over.
func halfOpenConns(k kind, hold func(net.Conn)) error {
	for i := 0; i < halfOpen; i++ {
		c, err := dialRaw(k)
		if err != nil {
			return err
		}
		if !k.tls {
			c.Write(k.partial)
		}
		hold(c)
	}
	return nil
}

// neverReads sends echo messages of 1 MiB (pings of 125 bytes on a WebSocket; pipelined
// requests to HTTP) and never reads the answers, until unreadBytes are sent or the server
// stops taking them (a write blocked for 3 s) or closes, or caseTime has passed; the connection is then held, unread,
// until the kind's matrix is over.
func neverReads(k kind, hold func(net.Conn)) error {
	c, err := dial(k)
	if err != nil {
		return err
	}
	hold(c)
	msg := k.echo(strings.Repeat("u", 1<<20))
	if k.ws != "" || k.name == "node.http" {
		msg = bytes.Repeat(k.echo(strings.Repeat("u", 64)), (1<<20)/len(k.echo(strings.Repeat("u", 64))))
	}
	end := time.Now().Add(caseTime)
	for sent := 0; sent < unreadBytes && time.Now().Before(end); sent += len(msg) {
		c.SetWriteDeadline(time.Now().Add(3 * time.Second))
		if _, err := c.Write(msg); err != nil {
			break
		}
	}
	return nil
}

// endless sends a message that never ends, up to hugeBytes, reading whatever comes back, until
// the server refuses it (closes) or all is sent.
func endless(k kind, _ func(net.Conn)) error {
	c, err := dial(k)
	if err != nil {
		return err
	}
	defer c.Close()
	go drain(c, caseTime)
	head, filler := k.endless()
	c.SetWriteDeadline(time.Now().Add(caseTime))
	if _, err := c.Write(head); err != nil {
		return nil
	}
	for sent := len(head); sent < hugeBytes; sent += len(filler) {
		if _, err := c.Write(filler); err != nil {
			return nil
		}
	}
	return nil
}

// deep sends one deeply nested message and reads the answer (if any) for up to 10 s.
func deep(k kind, _ func(net.Conn)) error {
	c, err := dial(k)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetWriteDeadline(time.Now().Add(10 * time.Second))
	c.Write(k.deep)
	drain(c, 10*time.Second)
	return nil
}

// udpMatrix sends node-ipc's UDP server garbage datagrams, a deeply nested one and a flood of
// 60 KB echo requests whose answers are never read.
func udpMatrix(t *testing.T, addr string) {
	c, err := net.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	junk := make([]byte, 1200)
	for i := 0; i < 2000; i++ {
		rand.Read(junk)
		c.Write(junk)
	}
	c.Write([]byte(`{"type":"echo","data":` + nest("[", "", "]", 30000) + "}\f"))
	big := []byte(`{"type":"echo","data":"` + strings.Repeat("d", 60000) + "\"}\f")
	for i := 0; i < 2000; i++ {
		c.Write(big)
	}
}

// goodClient makes a round trip to several servers every 100 ms and records how long each
// took and what failed.
type goodClient struct {
	t        *testing.T
	http     string
	conns    map[string]*goodConn
	mu       sync.Mutex
	phase    string // the part of the soak under way, named in failures
	stalls   map[string]time.Duration
	rounds   int
	worst    time.Duration
	failures []string
}

// goodConn is a persistent connection of the good client and how to make one round trip.
type goodConn struct {
	k    kind
	c    net.Conn
	r    *bufio.Reader
	term byte // the byte each answer ends with
}

func newGoodClient(t *testing.T, kinds []kind) *goodClient {
	g := &goodClient{t: t, conns: map[string]*goodConn{}, stalls: map[string]time.Duration{}, phase: "warm-up"}
	for _, k := range kinds {
		var term byte
		switch k.name {
		case "node.http":
			g.http = k.addr
			continue
		case "node.tcp":
			term = '\n'
		case "socket-ipc":
			term = 0
		case "node-ipc unix", "node-ipc TLS":
			term = '\f'
		default:
			continue
		}
		c, err := dial(k)
		if err != nil {
			t.Fatalf("good client: %s: %v", k.name, err)
		}
		g.conns[k.name] = &goodConn{k: k, c: c, r: bufio.NewReader(c), term: term}
	}
	return g
}

// round makes one round trip to each server; failures are recorded.
func (g *goodClient) round() {
	for name, gc := range g.conns {
		began := time.Now()
		err := gc.trip()
		g.note(name, time.Since(began), err)
	}
	began := time.Now()
	err := g.httpTrip()
	g.note("node.http", time.Since(began), err)
	g.mu.Lock()
	g.rounds++
	g.mu.Unlock()
}

func (g *goodClient) note(name string, d time.Duration, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if d > g.worst {
		g.worst = d
	}
	if d > g.stalls[g.phase] {
		g.stalls[g.phase] = d
	}
	if err != nil {
		g.failures = append(g.failures, fmt.Sprintf("during %s: %s: %v (after %v)", g.phase, name, err, d.Round(time.Millisecond)))
	}
}

// trip sends one echo message and reads its answer.
func (gc *goodConn) trip() error {
	payload := "good " + strconv.FormatInt(time.Now().UnixNano(), 10)
	msg := gc.k.echo(payload)
	if gc.k.name == "node.tcp" {
		msg = append(msg, '\n')
	}
	gc.c.SetDeadline(time.Now().Add(2 * goodLatency))
	if _, err := gc.c.Write(msg); err != nil {
		return err
	}
	for {
		line, err := gc.r.ReadString(gc.term)
		if err != nil {
			return err
		}
		if strings.Contains(line, payload) {
			return nil
		}
	}
}

// httpTrip makes one request on a new connection.
func (g *goodClient) httpTrip() error {
	c, err := net.DialTimeout("tcp", g.http, 2*goodLatency)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * goodLatency))
	if _, err := io.WriteString(c, "POST /good HTTP/1.1\r\nHost: soak\r\nConnection: close\r\nContent-Length: 4\r\n\r\ngood"); err != nil {
		return err
	}
	b, err := io.ReadAll(c)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(b, []byte("HTTP/1.1 200")) || !bytes.HasSuffix(b, []byte("ok 4")) {
		return fmt.Errorf("answer %q", b)
	}
	return nil
}

// run makes rounds every 100 ms until the returned function is called.
func (g *goodClient) run() func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond):
			}
			g.round()
		}
	}()
	return func() { close(done); wg.Wait() }
}

// setPhase names the part of the soak that begins.
func (g *goodClient) setPhase(p string) {
	g.mu.Lock()
	g.phase = p
	g.mu.Unlock()
}

func (g *goodClient) report() (int, time.Duration, []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.rounds, g.worst, append([]string(nil), g.failures...)
}

func (g *goodClient) close() {
	for _, gc := range g.conns {
		gc.c.Close()
	}
}
