// Package server is earlynode's PeerServer: the signalling broker of PeerJS,
// behaving on the wire as npm `peer` 1.0.2 does (docs/wire/peerjs.md, PeerServer).
//
// It hands out ids over HTTP, registers clients on a signalling WebSocket,
// relays OFFER/ANSWER/CANDIDATE/LEAVE between them, queues messages for
// absent peers and expires them, and drops clients that stop sending
// heartbeats. It can listen on its own port (Listen) or be attached to a
// host HTTP server: the host hands over parsed requests (ServeHTTPRequest)
// and upgrade requests with their connection (ServeStream for a
// netpoll.Stream, as node.http hands it over; ServeUpgrade for a Go
// net.Conn).
//
// Its connections run on an event loop (loop/netpoll, WebSockets with
// modules/http/websocket): no goroutine per connection, every message handled
// on the loop as it is read. The loop is Options.Loop, or one of the
// server's own on a goroutine. The package knows nothing of JavaScript. The
// callbacks in Events are invoked on the loop.
package server

import (
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"earlynode/loop"
	"earlynode/modules/peerjs/signal"
)

// Options configures a Server. The zero value of a field means its default,
// the default of the `peer` 1.0.2 library (src/config/index.ts).
type Options struct {
	// Loop is the event loop the server's connections and timers run on; New,
	// Listen, ServeStream and Close must then be called on its goroutine. nil
	// gives the server a loop of its own, run on a goroutine of its own; its
	// methods may then be called from any goroutine.
	Loop *loop.Loop

	// Key is the API key clients must present; default "peerjs".
	Key string
	// Path is where the server is mounted; default "/". The HTTP API lives
	// under it and the signalling WebSocket at Path + "peerjs".
	Path string
	// ExpireTimeout is how long messages queued for an absent peer wait
	// before the sender gets EXPIRE; default 5 s.
	ExpireTimeout time.Duration
	// AliveTimeout is how long a client may stay without a HEARTBEAT before
	// it is dropped; default 90 s.
	AliveTimeout time.Duration
	// ConcurrentLimit is the most clients registered at once; default 5000.
	ConcurrentLimit int
	// AllowDiscovery enables GET {path}{key}/peers.
	AllowDiscovery bool
	// CleanupInterval is how often queued messages are checked for expiry
	// (`cleanup_out_msgs`); default 1 s.
	CleanupInterval time.Duration
	// CheckInterval is how often clients are checked for silence; default
	// 300 ms.
	CheckInterval time.Duration
	// GenerateID returns a fresh client id for GET {path}{key}/id; default a
	// random UUID, as crypto.randomUUID() gives.
	GenerateID func() string

	// Limits that `peer` does not have; they keep one client from exhausting
	// the server. Zero means the default.

	// MaxMessageSize bounds one signalling frame; default 1 MiB. A bigger
	// frame closes that client's socket.
	MaxMessageSize int64
	// MaxQueuedPerPeer bounds the messages queued for one absent peer;
	// default 1000. Further messages for it are dropped until the queue
	// expires or is delivered.
	MaxQueuedPerPeer int
	// MaxQueuedTotal bounds the messages queued for all absent peers
	// together; default 100000.
	MaxQueuedTotal int
	// SendQueueSize bounds the frames waiting to be written to one client
	// behind a full socket; default 1024. A client that lets it fill up is
	// treated as dead, as `peer` treats a socket whose send throws.
	SendQueueSize int
	// WriteTimeout bounds how long a client's socket may stay full (frames
	// waiting for it) before the client is dropped; default 10 s.
	WriteTimeout time.Duration

	// Cluster, when set, makes the server a member of a cluster of PeerServers sharing their
	// clients over NATS (cluster.go, docs/scaling.md).
	Cluster *ClusterOptions

	// Events receives the server's events.
	Events Events
}

// Events are the server's callbacks; nil fields are skipped. They are
// invoked on the server's loop, one at a time, and must return quickly (the
// loop waits); they may call ClientIDs, not the methods that must run on
// the loop when the loop is the server's own.
type Events struct {
	// Connection fires when a client's signalling socket is accepted
	// (registered, or re-attached with its token).
	Connection func(id string)
	// Disconnect fires when a client leaves: its socket closed, or it was
	// dropped for silence.
	Disconnect func(id string)
	// Message fires for every well-formed message a client sends, with the
	// sender's id already set as Src (the `peer` "message" event).
	Message func(id string, m signal.Message)
	// Error reports a problem with one client (malformed frame, socket
	// error). The server goes on serving everyone else.
	Error func(err error)
}

// The library defaults of `peer` 1.0.2.
const (
	DefaultKey             = "peerjs"
	DefaultPath            = "/"
	DefaultExpireTimeout   = 5000 * time.Millisecond
	DefaultAliveTimeout    = 90000 * time.Millisecond
	DefaultConcurrentLimit = 5000
	DefaultCleanupInterval = 1000 * time.Millisecond
	DefaultCheckInterval   = 300 * time.Millisecond
)

// withDefaults returns o with every zero field replaced by its default and
// Path normalized to start and end with "/".
func (o Options) withDefaults() (Options, error) {
	if o.Key == "" {
		o.Key = DefaultKey
	}
	if o.Path == "" {
		o.Path = DefaultPath
	}
	if strings.ContainsAny(o.Path, "?#") {
		return o, fmt.Errorf("peerjs server: path %q must not contain '?' or '#'", o.Path)
	}
	if !strings.HasPrefix(o.Path, "/") {
		o.Path = "/" + o.Path
	}
	if !strings.HasSuffix(o.Path, "/") {
		o.Path += "/"
	}
	for name, d := range map[string]time.Duration{
		"expire_timeout": o.ExpireTimeout, "alive_timeout": o.AliveTimeout,
		"cleanup interval": o.CleanupInterval, "check interval": o.CheckInterval, "write timeout": o.WriteTimeout,
	} {
		if d < 0 {
			return o, fmt.Errorf("peerjs server: %s must not be negative (got %v)", name, d)
		}
	}
	if o.ConcurrentLimit < 0 || o.MaxQueuedPerPeer < 0 || o.MaxQueuedTotal < 0 || o.SendQueueSize < 0 || o.MaxMessageSize < 0 {
		return o, fmt.Errorf("peerjs server: limits must not be negative")
	}
	if o.ExpireTimeout == 0 {
		o.ExpireTimeout = DefaultExpireTimeout
	}
	if o.AliveTimeout == 0 {
		o.AliveTimeout = DefaultAliveTimeout
	}
	if o.ConcurrentLimit == 0 {
		o.ConcurrentLimit = DefaultConcurrentLimit
	}
	if o.CleanupInterval == 0 {
		o.CleanupInterval = DefaultCleanupInterval
	}
	if o.CheckInterval == 0 {
		o.CheckInterval = DefaultCheckInterval
	}
	if o.GenerateID == nil {
		o.GenerateID = randomUUID
	}
	if o.MaxMessageSize == 0 {
		o.MaxMessageSize = 1 << 20
	}
	if o.MaxQueuedPerPeer == 0 {
		o.MaxQueuedPerPeer = 1000
	}
	if o.MaxQueuedTotal == 0 {
		o.MaxQueuedTotal = 100000
	}
	if o.SendQueueSize == 0 {
		o.SendQueueSize = 1024
	}
	if o.WriteTimeout == 0 {
		o.WriteTimeout = 10 * time.Second
	}
	return o, nil
}

// randomUUID returns a version 4 UUID in its canonical text form.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux.
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
