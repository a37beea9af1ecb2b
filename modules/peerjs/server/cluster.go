package server

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"earlynode/modules/peerjs/signal"
)

// ClusterOptions make a Server one member of a cluster of PeerServers that share their
// clients: a client connected to any member can signal a client connected to any other, and
// an id is taken across the whole cluster (docs/scaling.md, PeerServer cluster). Members meet
// on NATS.
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
}

// DefaultClusterListen is where the embedded NATS server listens by default.
const DefaultClusterListen = "127.0.0.1:4222"

// remoteClient is an id registered at another member.
type remoteClient struct {
	member string
	token  string // hashToken of its token
	at     int64  // when it registered, unix ns
}

// cluster is a Server's membership of a cluster. The NATS client's callbacks run on its
// goroutines and post to the server's loop; the directory (remote, under s.mu) and the member
// table belong to the loop.
type cluster struct {
	s       *Server
	opts    ClusterOptions
	member  string // this member's name, random
	prefix  string // subject prefix
	nc      *nats.Conn
	embed   *embedded
	members map[string]time.Time // other members, last heard (loop clock)
	remote  map[string]remoteClient
	joinAt  map[string]int64 // local ids, when they registered
	alive   *time.Ticker
	stop    chan struct{}
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
		stop: make(chan struct{}),
	}
	urls := o.Servers
	if len(urls) == 0 {
		c.embed = &embedded{listen: o.Listen}
		if err := c.embed.ensure(); err != nil {
			return nil, err
		}
		urls = []string{"nats://" + o.Listen}
	}
	nc, err := nats.Connect(strings.Join(urls, ","),
		nats.Name("earlynode PeerServer "+c.member),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.CustomReconnectDelay(c.reconnectDelay),
		nats.DisconnectErrHandler(func(*nats.Conn, error) { s.l.Post(c.lost) }),
		nats.ReconnectHandler(func(*nats.Conn) { s.l.Post(c.regained) }),
	)
	if err != nil {
		c.embed.close()
		return nil, fmt.Errorf("peerjs cluster: %v", err)
	}
	c.nc = nc
	post := func(fn func(*nats.Msg) error) nats.MsgHandler {
		return func(m *nats.Msg) { s.l.Post(func() error { return fn(m) }) }
	}
	if _, err := nc.Subscribe(c.prefix+".dir", post(c.onDir)); err != nil {
		c.close()
		return nil, fmt.Errorf("peerjs cluster: %v", err)
	}
	if _, err := nc.Subscribe(c.prefix+".m."+c.member, post(c.onRelayed)); err != nil {
		c.close()
		return nil, fmt.Errorf("peerjs cluster: %v", err)
	}
	c.publishDir(dirMsg{Op: opHello, Member: c.member})
	c.alive = time.NewTicker(time.Second)
	go c.beat()
	return c, nil
}

// reconnectDelay is how long the NATS client waits between attempts; with an embedded
// server, the member whose process ran it may be gone, and another member starts it.
func (c *cluster) reconnectDelay(attempts int) time.Duration {
	if c.embed != nil {
		c.embed.ensure()
	}
	return 100 * time.Millisecond
}

// beat says this member is alive every second, and forgets silent members (posted).
func (c *cluster) beat() {
	for {
		select {
		case <-c.stop:
			return
		case <-c.alive.C:
			c.publishDir(dirMsg{Op: opAlive, Member: c.member})
			c.s.l.Post(c.forgetSilent)
		}
	}
}

// close leaves the cluster.
func (c *cluster) close() {
	if c.alive != nil {
		c.alive.Stop()
		close(c.stop)
	}
	if c.nc != nil {
		c.nc.Close()
	}
	c.embed.close()
}

func (c *cluster) publishDir(m dirMsg) {
	c.nc.Publish(c.prefix+".dir", m.encode())
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
	c.nc.Publish(c.prefix+".m."+r.member, m.Encode())
	return true
}

// idsLocked appends the ids other members hold (s.mu held).
func (c *cluster) idsLocked(ids []string) []string {
	for id := range c.remote {
		ids = append(ids, id)
	}
	return ids
}

// onRelayed delivers a message another member relayed here (loop).
func (c *cluster) onRelayed(msg *nats.Msg) error {
	m, err := signal.Decode(msg.Data)
	if err != nil || m.Dst == "" {
		c.s.emitError(fmt.Errorf("peerjs cluster: relayed message: %v", err))
		return nil
	}
	c.s.deliver(m, true, false)
	return nil
}

// onDir applies directory news (loop).
func (c *cluster) onDir(msg *nats.Msg) error {
	m, err := decodeDirMsg(msg.Data)
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
		c.nc.Publish(c.prefix+".m."+m.Member, pm.Encode())
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

// forgetSilent forgets the ids of members not heard from for MemberTimeout (loop).
func (c *cluster) forgetSilent() error {
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
	return nil
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

// lost: NATS is gone; every remote id is unknown until it returns (loop).
func (c *cluster) lost() error {
	c.forget(func(string) bool { return true })
	for m := range c.members {
		delete(c.members, m)
	}
	return nil
}

// regained: NATS is back; ask everyone for their ids and tell ours (loop).
func (c *cluster) regained() error {
	c.publishDir(dirMsg{Op: opHello, Member: c.member})
	c.announceAll()
	return nil
}
