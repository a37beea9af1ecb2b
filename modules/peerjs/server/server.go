package server

import (
	"errors"
	"fmt"
	"net"
	"sort"
	"strconv"
	"sync"
	"time"

	"earlynode/loop"
	"earlynode/modules/http/websocket"
	"earlynode/modules/peerjs/signal"
)

// The messages of ERROR frames, as `peer` 1.0.2 words them.
const (
	msgInvalidWSParameters = "No id, token, or key supplied to websocket server"
	msgInvalidKey          = "Invalid key provided"
	msgConcurrentLimit     = "Server has reached its concurrent user limit"
	msgIDTaken             = "ID is taken"
)

// Server is a PeerServer. Create it with New. Its connections and timers run on an event loop
// (Options.Loop, or a loop of its own); ClientIDs and ServeHTTPRequest may be called from any
// goroutine.
type Server struct {
	opts   Options
	wsPath string
	l      *loop.Loop
	own    bool          // the loop is the server's own, run on a goroutine of its own
	exited chan struct{} // closed when the own loop has ended
	keep   *loop.Handle  // keeps an own loop running until Close

	// mu guards what goroutines other than the loop's read: the registered clients, the
	// queues and the set of sockets (the loop changes them with mu held, and reads them
	// without). Everything else belongs to the loop.
	mu          sync.Mutex
	clients     map[string]*client
	queues      map[string]*messageQueue
	queuedTotal int
	closed      bool

	sockets    map[*socket]struct{}
	listeners  []*websocket.Listener
	dirty      []*socket // written to this turn (relayBudget)
	held       int       // bytes they hold
	turnPosted bool
	expire     *loop.Timer
	check      *loop.Timer
	cl         *cluster // the cluster this server is a member of, or nil
}

// client is one registered id.
type client struct {
	id       string
	token    string
	sock     *socket   // nil once dropped
	lastPing time.Time // loop clock
}

// messageQueue holds the messages for one absent peer.
type messageQueue struct {
	lastRead time.Time
	messages []signal.Message
}

// New returns a Server with the given options and starts its timers (expiry of queued
// messages, dropping of silent clients). Stop it with Close.
//
// With Options.Loop, call New, Listen, ServeStream and Close on that loop's goroutine. Without
// it the server starts a loop of its own on a goroutine, and its methods may be called from
// any goroutine.
func New(opts Options) (*Server, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:    o,
		wsPath:  o.Path + "peerjs",
		l:       o.Loop,
		clients: make(map[string]*client),
		queues:  make(map[string]*messageQueue),
		sockets: make(map[*socket]struct{}),
	}
	if s.l == nil {
		s.own = true
		s.l = loop.New(1)
		s.keep = s.l.NewHandle()
	}
	s.expire = s.l.SetTimer(o.CleanupInterval, s.onExpire)
	s.expire.Unref()
	s.check = s.l.SetTimer(o.CheckInterval, s.onCheck)
	s.check.Unref()
	if o.Cluster != nil {
		if s.cl, err = startCluster(s, *o.Cluster); err != nil {
			s.expire.Stop()
			s.check.Stop()
			if s.own {
				s.keep.Close(nil)
				go s.l.Run()
			}
			return nil, err
		}
	}
	if s.own {
		s.exited = make(chan struct{})
		go func() {
			s.l.Run()
			close(s.exited)
		}()
	}
	return s, nil
}

// errClosed is what the methods of a closed server return.
var errClosed = errors.New("peerjs server: closed")

// onLoop runs fn on the server's loop: at once when the loop is the caller's, else posted to
// the server's own loop, waiting for it to finish. It reports false when fn could not run (the
// server's own loop has ended after Close).
func (s *Server) onLoop(fn func()) bool {
	if !s.own {
		fn()
		return true
	}
	done := make(chan struct{})
	s.l.Post(func() error {
		defer close(done)
		fn()
		return nil
	})
	select {
	case <-done:
		return true
	case <-s.exited:
		return false
	}
}

// Options returns the server's options with the defaults filled in.
func (s *Server) Options() Options { return s.opts }

// WebSocketPath returns the path of the signalling WebSocket:
// Options.Path + "peerjs".
func (s *Server) WebSocketPath() string { return s.wsPath }

// Listen binds addr ("host:port"; ":0" picks a free port) and serves the HTTP API and the
// signalling WebSocket on it, on the server's loop. It returns the bound address. Close stops
// it.
func (s *Server) Listen(addr string) (net.Addr, error) {
	host, portText, err := net.SplitHostPort(addr)
	port := 0
	if err == nil {
		port, err = strconv.Atoi(portText)
	}
	if err != nil {
		return nil, fmt.Errorf("peerjs server: listen on %s: %w", addr, err)
	}
	var bound net.Addr
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return nil, errors.New("peerjs server: listen after close")
	}
	ran := s.onLoop(func() {
		var ln *websocket.Listener
		ln, err = websocket.Listen(s.l, host, port, websocket.Service{Upgrade: s.ownUpgrade, Request: s.ownRequest})
		if err != nil {
			err = fmt.Errorf("peerjs server: listen on %s: %w", addr, err)
			return
		}
		s.listeners = append(s.listeners, ln)
		bound = boundAddr(host, ln.Port())
	})
	if !ran {
		return nil, errors.New("peerjs server: listen after close")
	}
	return bound, err
}

// boundAddr is the address a listener on host and port has, as net.Listen would report it.
func boundAddr(host string, port int) net.Addr {
	if host == "" {
		return &net.TCPAddr{IP: net.IPv6unspecified, Port: port}
	}
	if ip := net.ParseIP(host); ip != nil {
		return &net.TCPAddr{IP: ip, Port: port}
	}
	if a, err := net.ResolveTCPAddr("tcp", net.JoinHostPort(host, strconv.Itoa(port))); err == nil {
		return a
	}
	return &net.TCPAddr{Port: port}
}

// Close stops the timers and the listeners started by Listen, and closes every signalling
// socket. It is safe to call more than once.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.onLoop(func() {
		s.expire.Stop()
		s.check.Stop()
		for _, ln := range s.listeners {
			ln.Close()
		}
		s.listeners = nil
		for sock := range s.sockets {
			sock.kill()
		}
		if s.cl != nil {
			s.cl.close()
		}
		if s.own {
			s.keep.Close(nil)
		}
	})
	return nil
}

// ClientIDs returns the ids registered now, sorted; in a cluster, those of every member.
func (s *Server) ClientIDs() []string {
	s.mu.Lock()
	ids := make([]string, 0, len(s.clients))
	for id := range s.clients {
		ids = append(ids, id)
	}
	if s.cl != nil {
		ids = s.cl.idsLocked(ids)
	}
	s.mu.Unlock()
	sort.Strings(ids)
	return ids
}

// accept runs the registration of a freshly upgraded signalling socket (`_onSocketConnection`
// of `peer`), then starts reading it. query is the raw query string of the upgrade request.
func (s *Server) accept(conn *websocket.Conn, query string) error {
	sock := &socket{s: s, c: conn}
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		conn.Abort()
		return nil
	}
	s.mu.Lock()
	s.sockets[sock] = struct{}{}
	s.mu.Unlock()
	// Registered (or refused) first, then read: frames that came with the handshake are then
	// the client's.
	defer conn.Start(sock)
	params := parseQuery(query)
	id, token, key := params["id"], params["token"], params["key"]
	switch {
	case id == "" || token == "" || key == "":
		sock.sendAndClose(errorMessage(msgInvalidWSParameters).Encode())
		return nil
	case key != s.opts.Key:
		sock.sendAndClose(errorMessage(msgInvalidKey).Encode())
		return nil
	}
	s.mu.Lock()
	var replaced *socket
	c := s.clients[id]
	if c != nil {
		if c.token != token {
			s.mu.Unlock()
			sock.sendAndClose(signal.Message{Type: signal.TypeIDTaken, Payload: signal.ErrorPayload{Msg: msgIDTaken}.Encode()}.Encode())
			return nil
		}
		// The same client again: the new socket replaces the old one, and no OPEN is sent.
		replaced = c.sock
		c.sock = sock
	} else {
		if s.cl != nil && s.cl.takenLocked(id, token) {
			s.mu.Unlock()
			sock.sendAndClose(signal.Message{Type: signal.TypeIDTaken, Payload: signal.ErrorPayload{Msg: msgIDTaken}.Encode()}.Encode())
			return nil
		}
		if len(s.clients) >= s.opts.ConcurrentLimit {
			s.mu.Unlock()
			sock.sendAndClose(errorMessage(msgConcurrentLimit).Encode())
			return nil
		}
		c = &client{id: id, token: token, sock: sock, lastPing: s.l.Now()}
		s.clients[id] = c
		sock.send(openFrame)
		if s.cl != nil {
			s.cl.joined(id, token)
		}
	}
	sock.cl = c
	// Deliver what was queued for this id while it was away.
	var pending []signal.Message
	if q := s.queues[id]; q != nil {
		pending = q.messages
		s.queuedTotal -= len(q.messages)
		delete(s.queues, id)
	}
	s.mu.Unlock()
	if replaced != nil {
		replaced.kill()
	}
	for _, m := range pending {
		s.transmit(m, true)
	}
	if f := s.opts.Events.Connection; f != nil {
		f(id)
	}
	return nil
}

// relayBudget bounds the bytes of relayed frames held for all clients together before they
// are written. Frames for one client written in one turn leave in one write, at the turn's
// end; but a turn may read a burst from hundreds of clients, and holding all of it would set
// the heap's size.
const relayBudget = 1 << 20

// batched notes n bytes written to k's connection this turn; past relayBudget, every
// connection written to is flushed.
func (s *Server) batched(k *socket, n int) {
	if !k.dirty {
		k.dirty = true
		s.dirty = append(s.dirty, k)
	}
	if !s.turnPosted {
		s.turnPosted = true
		s.l.Post(s.endTurn)
	}
	s.held += n
	if s.held >= relayBudget {
		s.flushDirty()
	}
}

// flushDirty writes what every connection written to holds.
func (s *Server) flushDirty() {
	for i, k := range s.dirty {
		k.dirty = false
		k.c.Flush()
		s.dirty[i] = nil
	}
	s.dirty = s.dirty[:0]
	s.held = 0
}

// endTurn ends a turn's batching.
func (s *Server) endTurn() error {
	s.turnPosted = false
	s.flushDirty()
	return nil
}

// openFrame is the OPEN message a registered client gets.
var openFrame = signal.Message{Type: signal.TypeOpen}.Encode()

// errorMessage builds an ERROR frame with the given text.
func errorMessage(msg string) signal.Message {
	return signal.Message{Type: signal.TypeError, Payload: signal.ErrorPayload{Msg: msg}.Encode()}
}

// release unregisters c if sock is still its socket, and reports the disconnection once.
func (s *Server) release(c *client, sock *socket) {
	s.mu.Lock()
	left := c.sock == sock && s.clients[c.id] == c
	if left {
		delete(s.clients, c.id)
		c.sock = nil
	}
	s.mu.Unlock()
	if left {
		if s.cl != nil {
			s.cl.left(c.id)
		}
		if f := s.opts.Events.Disconnect; f != nil {
			f(c.id)
		}
	}
}

// handle acts on one message from c (the `peer` message handler).
func (s *Server) handle(c *client, m signal.Message) {
	switch m.Type {
	case signal.TypeHeartbeat:
		c.lastPing = s.l.Now()
	case signal.TypeOffer, signal.TypeAnswer, signal.TypeCandidate, signal.TypeLeave, signal.TypeExpire:
		// Only the socket that holds an id speaks for it: a client that left (LEAVE without a
		// destination) and kept its socket open is no one, and must not relay as the id's
		// next holder once one registers (peer 1.0.2 lets such a ghost speak).
		s.mu.Lock()
		holds := s.clients[c.id] == c
		left := holds && m.Type == signal.TypeLeave && m.Dst == ""
		if left {
			delete(s.clients, c.id) // LEAVE without a destination unregisters the sender
			holds = false
		}
		s.mu.Unlock()
		if left && s.cl != nil {
			s.cl.left(c.id)
		}
		if !holds {
			return
		}
		s.transmit(m, true)
	}
}

// transmit relays m to m.Dst, or queues it while m.Dst is absent. When the destination's
// socket cannot take it, that socket is closed and the sender gets a LEAVE from the
// destination (bounce is false for that LEAVE, so a failure never bounces twice).
func (s *Server) transmit(m signal.Message, bounce bool) { s.deliver(m, false, bounce) }

// deliver is transmit; in a cluster, a destination held by another member gets m through
// NATS, unless m came from another member already (fromCluster): it then waits here in the
// queue, as for an absent peer, until its destination registers somewhere.
func (s *Server) deliver(m signal.Message, fromCluster, bounce bool) {
	if m.Dst == "" {
		return
	}
	s.mu.Lock()
	dst := s.clients[m.Dst]
	if dst == nil {
		if s.cl != nil && !fromCluster && s.cl.relayLocked(m) {
			s.mu.Unlock()
			return
		}
		if m.Type != signal.TypeLeave && m.Type != signal.TypeExpire {
			s.enqueueLocked(m)
		}
		s.mu.Unlock()
		return
	}
	sock := dst.sock
	if sock == nil {
		delete(s.clients, dst.id)
	}
	s.mu.Unlock()
	if sock != nil && sock.send(m.Encode()) {
		return
	}
	if sock != nil {
		sock.kill()
	}
	if bounce {
		s.transmit(signal.Message{Type: signal.TypeLeave, Src: m.Dst, Dst: m.Src}, false)
	}
}

// enqueueLocked stores m for its absent destination, within the queue limits. s.mu must be
// held.
func (s *Server) enqueueLocked(m signal.Message) {
	q := s.queues[m.Dst]
	if q == nil {
		if s.queuedTotal >= s.opts.MaxQueuedTotal {
			return
		}
		q = &messageQueue{lastRead: s.l.Now()}
		s.queues[m.Dst] = q
	}
	if len(q.messages) >= s.opts.MaxQueuedPerPeer || s.queuedTotal >= s.opts.MaxQueuedTotal {
		return
	}
	q.messages = append(q.messages, m)
	s.queuedTotal++
}

// onExpire is the timer of `cleanup_out_msgs`.
func (s *Server) onExpire() error {
	s.expireQueues(s.l.Now())
	s.expire.Reset(s.opts.CleanupInterval)
	return nil
}

// onCheck is the timer that drops silent clients.
func (s *Server) onCheck() error {
	s.dropSilentClients(s.l.Now())
	s.check.Reset(s.opts.CheckInterval)
	return nil
}

// expireQueues drops the queues not read for ExpireTimeout and sends one EXPIRE per (sender,
// absent peer) pair back to the sender.
func (s *Server) expireQueues(now time.Time) {
	type pair struct{ src, dst string }
	var notices []pair
	var seen map[pair]bool
	s.mu.Lock()
	for id, q := range s.queues {
		if now.Sub(q.lastRead) < s.opts.ExpireTimeout {
			continue
		}
		for _, m := range q.messages {
			p := pair{m.Src, m.Dst}
			if seen == nil {
				seen = make(map[pair]bool)
			}
			if !seen[p] {
				seen[p] = true
				notices = append(notices, p)
			}
		}
		s.queuedTotal -= len(q.messages)
		delete(s.queues, id)
	}
	s.mu.Unlock()
	for _, p := range notices {
		s.transmit(signal.Message{Type: signal.TypeExpire, Src: p.dst, Dst: p.src}, true)
	}
}

// dropSilentClients closes and unregisters every client whose last heartbeat is AliveTimeout
// old, dropping its queue; and drops the sockets that could not write for WriteTimeout.
func (s *Server) dropSilentClients(now time.Time) {
	var dropped []*client
	var socks []*socket
	s.mu.Lock()
	for id, c := range s.clients {
		if now.Sub(c.lastPing) < s.opts.AliveTimeout {
			continue
		}
		if c.sock != nil {
			socks = append(socks, c.sock)
		}
		c.sock = nil
		if q := s.queues[id]; q != nil {
			s.queuedTotal -= len(q.messages)
			delete(s.queues, id)
		}
		delete(s.clients, id)
		dropped = append(dropped, c)
	}
	s.mu.Unlock()
	for _, sock := range socks {
		sock.c.Close(1000, "")
	}
	for sock := range s.sockets {
		if sock.backlog > 0 && now.Sub(sock.stuckSince) >= s.opts.WriteTimeout {
			sock.kill()
		}
	}
	if s.cl != nil {
		for _, c := range dropped {
			s.cl.left(c.id)
		}
	}
	if f := s.opts.Events.Disconnect; f != nil {
		for _, c := range dropped {
			f(c.id)
		}
	}
}

// emitError reports err to Events.Error, if set.
func (s *Server) emitError(err error) {
	if f := s.opts.Events.Error; f != nil {
		f(err)
	}
}
