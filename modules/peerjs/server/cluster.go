package server

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"earlynode/internal/bus/natslink"
	"earlynode/loop"
	"earlynode/modules/peerjs/signal"
)

// ClusterOptions make a Server one member of a cluster of PeerServers that share their
// clients: a client connected to any member can signal a client connected to any other, and
// an id is taken across the whole cluster (docs/scaling.md, PeerServer cluster). Members meet
// on NATS, reached through a helper process, the node binary run as `node --nats-helper`
// (internal/bus/natslink).
type ClusterOptions struct {
	// Servers are the NATS URLs to join ("nats://a:4222"). Empty: the NATS server embedded at
	// Listen, started by whichever member of the machine gets there first.
	Servers []string
	// Listen is where the embedded NATS server listens; default "127.0.0.1:4222".
	Listen string
	// Name tells clusters on one NATS apart; default "default". Letters, digits, '-' and '_'.
	Name string
	// MemberTimeout is how long a member may stay silent before its ids are forgotten;
	// default 3 s (members say they are alive every second).
	MemberTimeout time.Duration
	// Helper is the node binary to run as the NATS helper (node --nats-helper); "" means
	// $EARLYNODE_NATS, else the running binary.
	Helper string
}

// DefaultClusterListen is where the embedded NATS server listens by default.
const DefaultClusterListen = "127.0.0.1:4222"

// remoteClient is an id registered at another member.
type remoteClient struct {
	member string
	token  string // hashToken of its token
	at     int64  // when it registered, unix ns
}

// cluster is a Server's membership of a cluster; everything runs on the server's loop (the
// link delivers there). The directory (remote) is read by ClientIDs from other goroutines,
// under s.mu.
type cluster struct {
	s       *Server
	opts    ClusterOptions
	member  string // this member's name, random
	prefix  string // subject prefix
	link    *natslink.Link
	up      bool
	members map[string]time.Time // other members, last heard (loop clock)
	remote  map[string]remoteClient
	joinAt  map[string]int64 // local ids, when they registered
	alive   *loop.Timer

	// Relayed messages leave in batches: one NATS message per member per turn (relayBatch).
	batchOf     map[string]*relayBatch // by member
	held        []*relayBatch          // those holding messages this turn
	flushPosted bool
}

// relayBatch collects a turn's messages for the clients of one member (cluster_wire.go).
type relayBatch struct {
	subject string // P.m.<member>
	buf     []byte
	held    bool // in cluster.held
}

// startCluster connects s to its cluster (on the loop, in New).
func startCluster(s *Server, o ClusterOptions) (*cluster, error) {
	if o.Name == "" {
		o.Name = "default"
	}
	for _, r := range o.Name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return nil, fmt.Errorf("peerjs cluster: name %q: use letters, digits, '-' and '_'", o.Name)
		}
	}
	if o.Listen == "" {
		o.Listen = DefaultClusterListen
	}
	if o.MemberTimeout <= 0 {
		o.MemberTimeout = 3 * time.Second
	}
	var id [8]byte
	rand.Read(id[:])
	c := &cluster{
		s: s, opts: o, member: hex.EncodeToString(id[:]), prefix: "earlynode.peerjs." + o.Name,
		members: map[string]time.Time{}, remote: map[string]remoteClient{}, joinAt: map[string]int64{},
		batchOf: map[string]*relayBatch{},
	}
	link, err := natslink.Start(s.l, natslink.Config{Servers: o.Servers, Listen: o.Listen, Helper: o.Helper}, c)
	if err != nil {
		return nil, fmt.Errorf("peerjs cluster: %v", err)
	}
	c.link = link
	link.Subscribe(c.prefix + ".dir")
	link.Subscribe(c.prefix + ".m." + c.member)
	c.alive = s.l.SetTimer(time.Second, c.beat)
	c.alive.Unref()
	return c, nil
}

// beat says this member is alive, every second, and forgets silent members.
func (c *cluster) beat() error {
	if c.up {
		c.publishDir(dirMsg{Op: opAlive, Member: c.member})
	}
	c.forgetSilent()
	c.alive.Reset(time.Second)
	return nil
}

// Message is a message of the cluster's subscriptions (natslink.Handler).
func (c *cluster) Message(subject string, data []byte) error {
	if subject == c.prefix+".dir" {
		return c.onDir(data)
	}
	return c.onRelayed(data)
}

// Up: NATS is reached; ask everyone for their ids and tell ours (natslink.Handler).
func (c *cluster) Up() error {
	c.up = true
	c.publishDir(dirMsg{Op: opHello, Member: c.member})
	c.announceAll()
	return nil
}

// Down: NATS is gone; every remote id is unknown until it returns (natslink.Handler).
func (c *cluster) Down() error {
	c.up = false
	c.forget(func(string) bool { return true })
	for m := range c.members {
		delete(c.members, m)
	}
	return nil
}

// Error reports a problem of the link (natslink.Handler).
func (c *cluster) Error(err error) { c.s.emitError(fmt.Errorf("peerjs cluster: %v", err)) }

// close leaves the cluster.
func (c *cluster) close() {
	c.flushRelays()
	c.alive.Stop()
	c.link.Close()
}

// publishDir publishes directory news, after the messages relayed before it.
func (c *cluster) publishDir(m dirMsg) {
	c.flushRelays()
	c.link.Publish(c.prefix+".dir", m.encode())
}

// relay adds m, for a client of member, to the member's batch, which is published at the end
// of the turn (or before, once it is maxRelayBatch long).
func (c *cluster) relay(member string, m signal.Message) {
	b := c.batchOf[member]
	if b == nil {
		b = &relayBatch{subject: c.prefix + ".m." + member}
		c.batchOf[member] = b
	}
	if len(b.buf) > 0 && len(b.buf)+64+len(m.Src)+2*len(m.Dst)+len(m.Type)+len(m.Payload) > maxRelayBatch {
		c.publishBatch(b)
	}
	b.buf = appendRelay(b.buf, m)
	if !b.held {
		b.held = true
		c.held = append(c.held, b)
	}
	if !c.flushPosted {
		c.flushPosted = true
		c.s.l.Post(c.endTurn)
	}
}

// publishBatch publishes what b holds (the link copies it).
func (c *cluster) publishBatch(b *relayBatch) {
	if len(b.buf) > 0 {
		c.link.Publish(b.subject, b.buf)
		b.buf = b.buf[:0]
	}
}

// flushRelays publishes every batch held.
func (c *cluster) flushRelays() {
	for i, b := range c.held {
		b.held = false
		c.publishBatch(b)
		c.held[i] = nil
	}
	c.held = c.held[:0]
}

// endTurn publishes the turn's batches.
func (c *cluster) endTurn() error {
	c.flushPosted = false
	c.flushRelays()
	return nil
}

// joined announces a local registration (loop).
func (c *cluster) joined(id, token string) {
	at := time.Now().UnixNano()
	c.joinAt[id] = at
	c.publishDir(dirMsg{Op: opJoin, Member: c.member, ID: id, Token: hashToken(token), At: at})
}

// left announces that a local id left (loop).
func (c *cluster) left(id string) {
	delete(c.joinAt, id)
	c.publishDir(dirMsg{Op: opLeave, Member: c.member, ID: id})
}

// takenLocked reports whether id is registered at another member with another token (s.mu
// held).
func (c *cluster) takenLocked(id, token string) bool {
	r, ok := c.remote[id]
	return ok && r.token != hashToken(token)
}

// relayLocked sends m to the member holding m.Dst, if another member holds it (s.mu held).
func (c *cluster) relayLocked(m signal.Message) bool {
	r, ok := c.remote[m.Dst]
	if !ok {
		return false
	}
	c.relay(r.member, m)
	return true
}

// idsLocked appends the ids other members hold (s.mu held).
func (c *cluster) idsLocked(ids []string) []string {
	for id := range c.remote {
		ids = append(ids, id)
	}
	return ids
}

// onRelayed delivers the messages of a batch another member relayed here.
func (c *cluster) onRelayed(data []byte) error {
	if err := decodeRelayBatch(data, c.deliverRelayed); err != nil {
		c.s.emitError(err)
	}
	return nil
}

// deliverRelayed writes a relayed frame to dst's client as it came, without decoding it. A
// destination that is not here (it left meanwhile) gets it in its queue, as Server.deliver
// does with a message from another member; one whose socket cannot take it loses its socket.
func (c *cluster) deliverRelayed(dst, frame []byte) {
	s := c.s
	s.mu.Lock()
	cl := s.clients[string(dst)]
	var sock *socket
	if cl != nil {
		if sock = cl.sock; sock == nil {
			delete(s.clients, cl.id)
		}
	}
	s.mu.Unlock()
	switch {
	case sock != nil:
		if !sock.send(frame) {
			sock.kill()
		}
	case cl == nil:
		m, err := signal.Decode(frame)
		if err != nil || m.Dst != string(dst) {
			s.emitError(fmt.Errorf("peerjs cluster: relayed message for %q: %v", dst, err))
			return
		}
		s.deliver(m, true, false)
	}
}

// onDir applies directory news.
func (c *cluster) onDir(data []byte) error {
	m, err := decodeDirMsg(data)
	if err != nil {
		c.s.emitError(err)
		return nil
	}
	if m.Member == c.member {
		return nil
	}
	s := c.s
	c.members[m.Member] = s.l.Now()
	switch m.Op {
	case opHello:
		c.announceAll()
	case opLeave:
		s.mu.Lock()
		if r, ok := c.remote[m.ID]; ok && r.member == m.Member {
			delete(c.remote, m.ID)
		}
		s.mu.Unlock()
	case opJoin:
		c.remoteJoined(m)
	}
	return nil
}

// remoteJoined records an id registered at another member: messages queued here for it go
// there; a local client holding it with the same token moved there and is dropped; with
// another token, the later registration loses it.
func (c *cluster) remoteJoined(m dirMsg) {
	s := c.s
	s.mu.Lock()
	c.remote[m.ID] = remoteClient{member: m.Member, token: m.Token, at: m.At}
	var pending []signal.Message
	if q := s.queues[m.ID]; q != nil {
		pending = q.messages
		s.queuedTotal -= len(q.messages)
		delete(s.queues, m.ID)
	}
	var drop *socket
	var refuse bool
	if local := s.clients[m.ID]; local != nil {
		at := c.joinAt[m.ID]
		switch {
		case hashToken(local.token) == m.Token:
			drop = local.sock // the same client, now connected there
		case at > m.At || at == m.At && c.member > m.Member:
			drop, refuse = local.sock, true // registered here later: the id is the other's
		default:
			delete(c.remote, m.ID) // registered here first: ours; the other member refuses its
		}
		if drop != nil {
			delete(s.clients, m.ID)
			local.sock = nil
			delete(c.joinAt, m.ID)
		}
	}
	s.mu.Unlock()
	if drop != nil {
		if refuse {
			drop.sendAndClose(signal.Message{Type: signal.TypeIDTaken, Payload: signal.ErrorPayload{Msg: msgIDTaken}.Encode()}.Encode())
		} else {
			drop.kill()
		}
	}
	for _, pm := range pending {
		c.relay(m.Member, pm)
	}
}

// announceAll tells the cluster every local id again.
func (c *cluster) announceAll() {
	s := c.s
	s.mu.Lock()
	news := make([]dirMsg, 0, len(s.clients))
	for id, cl := range s.clients {
		if cl.sock != nil {
			news = append(news, dirMsg{Op: opJoin, Member: c.member, ID: id, Token: hashToken(cl.token), At: c.joinAt[id]})
		}
	}
	s.mu.Unlock()
	for _, m := range news {
		c.publishDir(m)
	}
}

// forgetSilent forgets the ids of members not heard from for MemberTimeout.
func (c *cluster) forgetSilent() {
	now := c.s.l.Now()
	var gone []string
	for m, t := range c.members {
		if now.Sub(t) >= c.opts.MemberTimeout {
			gone = append(gone, m)
			delete(c.members, m)
		}
	}
	if len(gone) > 0 {
		c.forget(func(member string) bool {
			for _, g := range gone {
				if g == member {
					return true
				}
			}
			return false
		})
	}
}

// forget drops the remote ids of the members f names.
func (c *cluster) forget(f func(member string) bool) {
	s := c.s
	s.mu.Lock()
	for id, r := range c.remote {
		if f(r.member) {
			delete(c.remote, id)
		}
	}
	s.mu.Unlock()
}
