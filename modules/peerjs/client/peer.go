// Package client is the Go core of earlynode's PeerJS: a Peer that registers
// with a PeerServer over the signalling WebSocket and makes DataConnections
// over real WebRTC (pion/webrtc), negotiating exactly as PeerJS 1.5.5 does,
// so it connects to PeerJS in browsers and in Node (docs/wire/peerjs.md).
//
// The package knows nothing of JavaScript: it reports through the callbacks
// of Events, delivered in order from a goroutine of the Peer. Its methods may
// be called from any goroutine and never wait for the network. The
// signalling WebSocket runs on an event loop (Options.Loop, or one the
// package shares), with no goroutine of its own; WebRTC runs on pion's
// goroutines.
//
// The PeerServer is package earlynode/modules/peerjs/server; the message
// codec both use is earlynode/modules/peerjs/signal.
package client

import (
	"context"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/webrtc/v4"

	"earlynode/modules/peerjs/signal"
)

// Limits on the signalling messages kept for connections that do not
// exist yet (PeerJS keeps them without limit).
const (
	maxLostConnections = 256
	maxLostPerConn     = 256
)

// Peer is one PeerJS peer. Create it with NewPeer.
type Peer struct {
	opts   Options
	events Events
	api    *webrtc.API
	disp   dispatcher
	ctx    context.Context
	cancel context.CancelFunc

	// sendMu orders signalling sends, including the flush of the outbox
	// when the socket opens.
	sendMu sync.Mutex

	mu           sync.Mutex
	id           string
	lastServerID string
	open         bool
	disconnected bool
	destroyed    bool
	generation   int // bumped when a socket is started or dropped
	socket       *signalSocket
	lastSocket   *signalSocket // the most recent socket, possibly closing
	outbox       []signal.Message
	connections  map[string][]*DataConnection
	lost         map[string][]signal.Message
}

// NewPeer creates a Peer and starts connecting it to its server: with id
// when it is not empty, else with an id fetched from the server. It
// returns at once; Events.Open follows, or Events.Error (an id that breaks
// the id rule gives ErrInvalidID, then Close).
func NewPeer(id string, opts Options, events Events) *Peer {
	o := opts.withDefaults()
	ctx, cancel := context.WithCancel(context.Background())
	p := &Peer{
		opts:        o,
		events:      events,
		ctx:         ctx,
		cancel:      cancel,
		connections: make(map[string][]*DataConnection),
		lost:        make(map[string][]signal.Message),
	}
	se := webrtc.SettingEngine{}
	if o.IncludeLoopback {
		se.SetIncludeLoopbackCandidate(true)
	}
	if o.DisableMDNS {
		se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	}
	o.ICETimeouts.apply(&se)
	TuneSettingEngine(&se)
	p.api = webrtc.NewAPI(webrtc.WithSettingEngine(se))

	switch {
	case !ValidID(id):
		p.abort(newError(ErrInvalidID, nil, "ID %q is invalid", id))
	case id != "":
		p.initialize(id)
	default:
		go func() {
			got, err := retrieveID(p.ctx, p.opts)
			if err != nil {
				p.abort(err)
				return
			}
			p.initialize(got)
		}()
	}
	return p
}

// ID returns the peer's id; "" before the server gave one and after
// Disconnect.
func (p *Peer) ID() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.id
}

// Open reports whether the server has accepted the peer (OPEN received)
// and the peer is still connected to it.
func (p *Peer) Open() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.open
}

// Disconnected reports whether the signalling connection was ended.
func (p *Peer) Disconnected() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.disconnected
}

// Destroyed reports whether Destroy has run.
func (p *Peer) Destroyed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.destroyed
}

// Options returns the peer's options with defaults filled in.
func (p *Peer) Options() Options { return p.opts }

// Connections returns the live DataConnections keyed by remote peer id,
// each list in creation order.
func (p *Peer) Connections() map[string][]*DataConnection {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string][]*DataConnection, len(p.connections))
	for id, list := range p.connections {
		out[id] = append([]*DataConnection(nil), list...)
	}
	return out
}

// Connection returns the live DataConnection with the given connection id
// to remote, or nil.
func (p *Peer) Connection(remote, connectionID string) *DataConnection {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.connectionLocked(remote, connectionID)
}

// connectionLocked is Connection with p.mu held.
func (p *Peer) connectionLocked(remote, connectionID string) *DataConnection {
	for _, c := range p.connections[remote] {
		if c.id == connectionID {
			return c
		}
	}
	return nil
}

// Connect dials the peer remote and returns the new DataConnection at
// once; Events.ConnectionOpen follows when its channel opens. It fails
// (without emitting anything) when the serialization is unknown, remote is
// empty, or the peer is disconnected (ErrDisconnected).
func (p *Peer) Connect(remote string, co ConnectOptions) (*DataConnection, error) {
	ser, err := ParseSerialization(co.Serialization)
	if err != nil {
		return nil, err
	}
	if remote == "" {
		return nil, newError(ErrPeerUnavailable, nil, "Cannot connect to a peer without an id.")
	}
	p.mu.Lock()
	if p.disconnected || p.destroyed {
		p.mu.Unlock()
		return nil, newError(ErrDisconnected, nil, "Cannot connect to new Peer after disconnecting from server.")
	}
	id := co.ConnectionID
	if id == "" {
		id = "dc_" + randomToken()
	}
	label := co.Label
	if label == "" {
		label = id
	}
	c := newDataConnection(p, remote, id, label, co.Metadata, ser, co.Reliable, true)
	p.connections[remote] = append(p.connections[remote], c)
	p.mu.Unlock()
	c.startOffer()
	return c, nil
}

// ListAllPeers asks the server for the ids connected to it (the server
// needs allow_discovery).
func (p *Peer) ListAllPeers(ctx context.Context) ([]string, error) {
	ids, err := listPeers(ctx, p.opts)
	if err != nil {
		return nil, err
	}
	sort.Strings(ids)
	return ids, nil
}

// Disconnect closes the signalling connection; DataConnections stay open,
// but no new ones can be made. Events.Disconnected follows. Reconnect can
// register the same id again.
func (p *Peer) Disconnect() {
	p.mu.Lock()
	if p.disconnected {
		p.mu.Unlock()
		return
	}
	current := p.id
	p.disconnected = true
	p.open = false
	sock := p.socket
	p.socket = nil
	p.outbox = nil
	p.generation++
	if current != "" {
		p.lastServerID = current
	}
	p.id = ""
	p.mu.Unlock()
	if sock != nil {
		sock.close()
	}
	p.logf(3, "Disconnect peer with ID:%s", current)
	p.post(func() {
		if f := p.events.Disconnected; f != nil {
			f(current)
		}
	})
}

// Reconnect registers again with the id the peer had, after Disconnect.
// It fails on a destroyed peer or one that is not disconnected.
func (p *Peer) Reconnect() error {
	p.mu.Lock()
	switch {
	case p.destroyed:
		p.mu.Unlock()
		return newError(ErrDisconnected, nil, "This peer cannot reconnect to the server. It has already been destroyed.")
	case !p.disconnected && !p.open:
		p.mu.Unlock()
		return nil // still connecting the first time
	case !p.disconnected:
		p.mu.Unlock()
		return newError(ErrDisconnected, nil, "Peer %s cannot reconnect because it is not disconnected from the server!", p.ID())
	}
	p.disconnected = false
	id := p.lastServerID
	p.mu.Unlock()
	if id == "" {
		p.abort(newError(ErrServerError, nil, "Cannot reconnect: this peer never had an id."))
		return nil
	}
	p.initialize(id)
	return nil
}

// Destroy closes every DataConnection and the signalling connection for
// good. Events.Close follows (after Disconnected and the connections'
// ConnectionClose).
func (p *Peer) Destroy() {
	p.mu.Lock()
	if p.destroyed {
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	p.Disconnect()
	p.mu.Lock()
	if p.destroyed {
		p.mu.Unlock()
		return
	}
	p.destroyed = true
	var all []*DataConnection
	for _, list := range p.connections {
		all = append(all, list...)
	}
	p.mu.Unlock()
	p.cancel()
	for _, c := range all {
		c.Close()
	}
	p.post(func() {
		if f := p.events.Close; f != nil {
			f()
		}
	})
}

// initialize starts the signalling socket for id.
func (p *Peer) initialize(id string) {
	p.mu.Lock()
	if p.destroyed || p.disconnected {
		p.mu.Unlock()
		return
	}
	p.id = id
	p.generation++
	gen := p.generation
	prev := p.lastSocket
	p.mu.Unlock()
	sock := p.newSignalSocket(gen)
	if prev == nil {
		sock.l.Post(func() error { sock.dial(id, p.socketConnected); return nil })
		return
	}
	// On reconnection, let the server see the old socket go first: while it still holds it,
	// the same token is re-attached without OPEN.
	var once sync.Once
	start := func() { once.Do(func() { sock.l.Post(func() error { sock.dial(id, p.socketConnected); return nil }) }) }
	prev.afterGone(start)
	time.AfterFunc(2*closeWait, start)
}

// socketConnected takes the outcome of a socket's dial, on its loop: the socket becomes the
// peer's, what waited in the outbox is sent, and reading starts.
func (p *Peer) socketConnected(sock *signalSocket, err error) error {
	p.sendMu.Lock()
	p.mu.Lock()
	if sock.gen != p.generation || p.disconnected || p.destroyed || sock.closed() {
		p.mu.Unlock()
		p.sendMu.Unlock()
		if err == nil {
			sock.mu.Lock()
			sock.closing = true
			sock.mu.Unlock()
			sock.conn.Close(1000, "")
			return sock.conn.Start(sock)
		}
		sock.markGone()
		return nil
	}
	if err != nil {
		p.mu.Unlock()
		p.sendMu.Unlock()
		sock.markGone()
		p.socketLost(sock.gen, fmt.Errorf("connect to %s: %w", signalURL(p.opts, sock.id), err))
		return nil
	}
	p.socket = sock
	p.lastSocket = sock
	outbox := p.outbox
	p.outbox = nil
	p.mu.Unlock()
	for _, m := range outbox {
		sock.write(m.Encode())
	}
	p.sendMu.Unlock()
	return sock.start(p.opts.PingInterval)
}

// socketLost reports a signalling connection that failed or ended without
// Disconnect: ErrNetwork, then Disconnect.
func (p *Peer) socketLost(gen int, err error) {
	p.mu.Lock()
	current := gen == p.generation && !p.disconnected && !p.destroyed
	p.mu.Unlock()
	if !current {
		return
	}
	p.emitError(newError(ErrNetwork, err, "Lost connection to server."))
	p.Disconnect()
}

// sendSignal sends m on the signalling socket, or keeps it until the socket
// opens. Messages are dropped once the peer is disconnected, as PeerJS
// drops them.
func (p *Peer) sendSignal(m signal.Message) {
	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	p.mu.Lock()
	if p.disconnected || p.destroyed {
		p.mu.Unlock()
		return
	}
	sock := p.socket
	if sock == nil {
		p.outbox = append(p.outbox, m)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	sock.send(m)
}

// abort reports a fatal error: the peer is destroyed if the server never
// accepted it, else disconnected.
func (p *Peer) abort(err *Error) {
	p.logf(1, "Aborting! %v", err)
	p.emitError(err)
	p.mu.Lock()
	neverOpened := p.lastServerID == "" && !p.open
	p.mu.Unlock()
	if neverOpened {
		p.Destroy()
	} else {
		p.Disconnect()
	}
}

// emitError posts Events.Error.
func (p *Peer) emitError(err *Error) {
	p.post(func() {
		if f := p.events.Error; f != nil {
			f(err)
		}
	})
}

// post queues a callback on the peer's event goroutine.
func (p *Peer) post(f func()) { p.disp.post(f) }

// removeConnection forgets c and the messages stored for its id.
func (p *Peer) removeConnection(c *DataConnection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	list := p.connections[c.remote]
	for i, x := range list {
		if x == c {
			list = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(p.connections, c.remote)
	} else {
		p.connections[c.remote] = list
	}
	delete(p.lost, c.id)
}

// logf writes a log line when Debug is at least level.
func (p *Peer) logf(level int, format string, args ...any) {
	if p.opts.Debug < level {
		return
	}
	line := fmt.Sprintf(format, args...)
	if p.opts.Log != nil {
		p.opts.Log(line)
		return
	}
	fmt.Fprintln(os.Stderr, "PeerJS: "+line)
}
