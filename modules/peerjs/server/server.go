package server

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/modules/peerjs/signal"
)

// The messages of ERROR frames, as `peer` 1.0.2 words them.
const (
	msgInvalidWSParameters = "No id, token, or key supplied to websocket server"
	msgInvalidKey          = "Invalid key provided"
	msgConcurrentLimit     = "Server has reached its concurrent user limit"
	msgIDTaken             = "ID is taken"
)

// Server is a PeerServer. Create it with New; it is safe for concurrent use.
type Server struct {
	opts   Options
	wsPath string

	mu          sync.Mutex
	clients     map[string]*client
	queues      map[string]*messageQueue
	queuedTotal int
	sockets     map[*socket]struct{}
	servers     []*http.Server
	closed      bool

	stop     chan struct{}
	upgrader websocket.Upgrader
}

// client is one registered id.
type client struct {
	id       string
	token    string
	sock     *socket   // guarded by Server.mu; nil once dropped
	lastPing time.Time // guarded by Server.mu
}

// messageQueue holds the messages for one absent peer.
type messageQueue struct {
	lastRead time.Time
	messages []signal.Message
}

// New returns a Server with the given options and starts its timers (expiry
// of queued messages, dropping of silent clients). Stop it with Close.
func New(opts Options) (*Server, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:    o,
		wsPath:  o.Path + "peerjs",
		clients: make(map[string]*client),
		queues:  make(map[string]*messageQueue),
		sockets: make(map[*socket]struct{}),
		stop:    make(chan struct{}),
		upgrader: websocket.Upgrader{
			// `peer` accepts sockets from any origin.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
	go s.maintain()
	return s, nil
}

// Options returns the server's options with the defaults filled in.
func (s *Server) Options() Options { return s.opts }

// WebSocketPath returns the path of the signalling WebSocket:
// Options.Path + "peerjs".
func (s *Server) WebSocketPath() string { return s.wsPath }

// Listen binds addr ("host:port"; ":0" picks a free port) and serves the
// HTTP API and the signalling WebSocket on it in the background, with
// net/http. It returns the bound address. Close stops it.
func (s *Server) Listen(addr string) (net.Addr, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("peerjs server: listen on %s: %w", addr, err)
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		l.Close()
		return nil, errors.New("peerjs server: listen after close")
	}
	s.servers = append(s.servers, hs)
	s.mu.Unlock()
	go func() {
		if err := hs.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.emitError(fmt.Errorf("peerjs server: serving %s: %w", l.Addr(), err))
		}
	}()
	return l.Addr(), nil
}

// Close stops the timers and the listeners started by Listen, and closes
// every signalling socket. It is safe to call more than once.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.stop)
	servers := s.servers
	socks := make([]*socket, 0, len(s.sockets))
	for sock := range s.sockets {
		socks = append(socks, sock)
	}
	s.mu.Unlock()
	var err error
	for _, hs := range servers {
		if e := hs.Close(); e != nil && err == nil {
			err = e
		}
	}
	for _, sock := range socks {
		sock.kill()
	}
	return err
}

// ClientIDs returns the ids registered now, sorted.
func (s *Server) ClientIDs() []string {
	s.mu.Lock()
	ids := make([]string, 0, len(s.clients))
	for id := range s.clients {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	sort.Strings(ids)
	return ids
}

// accept runs the registration of a freshly upgraded signalling socket
// (`_onSocketConnection` of `peer`), then reads its frames until it closes.
// query is the raw query string of the upgrade request.
func (s *Server) accept(conn *websocket.Conn, query string) {
	conn.SetReadLimit(s.opts.MaxMessageSize)
	sock := newSocket(conn, s.opts.SendQueueSize, s.opts.WriteTimeout)
	params := parseQuery(query)
	id, token, key := params["id"], params["token"], params["key"]

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		sock.kill()
		return
	}
	s.sockets[sock] = struct{}{}
	refuse := func(m signal.Message) {
		s.mu.Unlock()
		sock.sendAndClose(m.Encode())
		s.drain(sock)
	}
	switch {
	case id == "" || token == "" || key == "":
		refuse(errorMessage(msgInvalidWSParameters))
		return
	case key != s.opts.Key:
		refuse(errorMessage(msgInvalidKey))
		return
	}
	var replaced *socket
	c := s.clients[id]
	if c != nil {
		if c.token != token {
			refuse(signal.Message{Type: signal.TypeIDTaken, Payload: signal.ErrorPayload{Msg: msgIDTaken}.Encode()})
			return
		}
		// The same client again: the new socket replaces the old one, and no
		// OPEN is sent.
		replaced = c.sock
		c.sock = sock
	} else {
		if len(s.clients) >= s.opts.ConcurrentLimit {
			refuse(errorMessage(msgConcurrentLimit))
			return
		}
		c = &client{id: id, token: token, sock: sock, lastPing: time.Now()}
		s.clients[id] = c
		sock.send(signal.Message{Type: signal.TypeOpen}.Encode())
	}
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
	s.readLoop(c, sock)
}

// errorMessage builds an ERROR frame with the given text.
func errorMessage(msg string) signal.Message {
	return signal.Message{Type: signal.TypeError, Payload: signal.ErrorPayload{Msg: msg}.Encode()}
}

// drain reads a refused socket until the client answers the close frame (or
// the grace period ends), then forgets it.
func (s *Server) drain(sock *socket) {
	for {
		if _, _, err := sock.conn.ReadMessage(); err != nil {
			break
		}
	}
	sock.kill()
	s.mu.Lock()
	delete(s.sockets, sock)
	s.mu.Unlock()
}

// readLoop handles c's frames from sock until the socket ends, then
// unregisters c if sock is still its socket.
func (s *Server) readLoop(c *client, sock *socket) {
	// A client that closes the socket is unregistered before it gets the
	// answer to its close frame, so that it may register the same id again
	// as soon as it has that answer.
	sock.conn.SetCloseHandler(func(code int, _ string) error {
		s.release(c, sock)
		msg := websocket.FormatCloseMessage(code, "")
		if code == websocket.CloseNoStatusReceived {
			msg = websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")
		}
		_ = sock.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
		return nil
	})
	for {
		_, frame, err := sock.conn.ReadMessage()
		if err != nil {
			if !websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived) &&
				!errors.Is(err, net.ErrClosed) {
				s.emitError(fmt.Errorf("peerjs server: socket of %q: %w", c.id, err))
			}
			break
		}
		m, err := signal.Decode(frame)
		if err != nil {
			s.emitError(fmt.Errorf("peerjs server: message from %q: %w", c.id, err))
			continue
		}
		m.Src = c.id
		if f := s.opts.Events.Message; f != nil {
			f(c.id, m)
		}
		s.handle(c, m)
	}
	sock.kill()
	s.mu.Lock()
	delete(s.sockets, sock)
	s.mu.Unlock()
	s.release(c, sock)
}

// release unregisters c if sock is still its socket, and reports the
// disconnection once.
func (s *Server) release(c *client, sock *socket) {
	s.mu.Lock()
	left := c.sock == sock && s.clients[c.id] == c
	if left {
		delete(s.clients, c.id)
		c.sock = nil
	}
	s.mu.Unlock()
	if left {
		if f := s.opts.Events.Disconnect; f != nil {
			f(c.id)
		}
	}
}

// handle acts on one message from c (the `peer` message handler).
func (s *Server) handle(c *client, m signal.Message) {
	switch m.Type {
	case signal.TypeHeartbeat:
		s.mu.Lock()
		c.lastPing = time.Now()
		s.mu.Unlock()
	case signal.TypeOffer, signal.TypeAnswer, signal.TypeCandidate, signal.TypeLeave, signal.TypeExpire:
		if m.Type == signal.TypeLeave && m.Dst == "" {
			// LEAVE without a destination unregisters the sender.
			s.mu.Lock()
			if s.clients[c.id] == c {
				delete(s.clients, c.id)
			}
			s.mu.Unlock()
			return
		}
		s.transmit(m, true)
	}
}

// transmit relays m to m.Dst, or queues it while m.Dst is absent. When the
// destination's socket cannot take it, that socket is closed and the sender
// gets a LEAVE from the destination (bounce is false for that LEAVE, so a
// failure never bounces twice).
func (s *Server) transmit(m signal.Message, bounce bool) {
	if m.Dst == "" {
		return
	}
	s.mu.Lock()
	dst := s.clients[m.Dst]
	if dst == nil {
		if m.Type != signal.TypeLeave && m.Type != signal.TypeExpire {
			s.enqueueLocked(m)
		}
		s.mu.Unlock()
		return
	}
	sock := dst.sock
	if sock != nil && sock.send(m.Encode()) {
		s.mu.Unlock()
		return
	}
	if sock == nil {
		delete(s.clients, dst.id)
	}
	s.mu.Unlock()
	if sock != nil {
		sock.kill()
	}
	if bounce {
		s.transmit(signal.Message{Type: signal.TypeLeave, Src: m.Dst, Dst: m.Src}, false)
	}
}

// enqueueLocked stores m for its absent destination, within the queue
// limits. s.mu must be held.
func (s *Server) enqueueLocked(m signal.Message) {
	q := s.queues[m.Dst]
	if q == nil {
		if s.queuedTotal >= s.opts.MaxQueuedTotal {
			return
		}
		q = &messageQueue{lastRead: time.Now()}
		s.queues[m.Dst] = q
	}
	if len(q.messages) >= s.opts.MaxQueuedPerPeer || s.queuedTotal >= s.opts.MaxQueuedTotal {
		return
	}
	q.messages = append(q.messages, m)
	s.queuedTotal++
}

// maintain runs the two periodic jobs until Close.
func (s *Server) maintain() {
	expire := time.NewTicker(s.opts.CleanupInterval)
	check := time.NewTicker(s.opts.CheckInterval)
	defer expire.Stop()
	defer check.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-expire.C:
			s.expireQueues(now)
		case now := <-check.C:
			s.dropSilentClients(now)
		}
	}
}

// expireQueues drops the queues not read for ExpireTimeout and sends one
// EXPIRE per (sender, absent peer) pair back to the sender.
func (s *Server) expireQueues(now time.Time) {
	type pair struct{ src, dst string }
	var notices []pair
	seen := make(map[pair]bool)
	s.mu.Lock()
	for id, q := range s.queues {
		if now.Sub(q.lastRead) < s.opts.ExpireTimeout {
			continue
		}
		for _, m := range q.messages {
			p := pair{m.Src, m.Dst}
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

// dropSilentClients closes and unregisters every client whose last
// heartbeat is AliveTimeout old, dropping its queue.
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
		sock.sendAndClose(nil)
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
