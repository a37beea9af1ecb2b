package client

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/pion/webrtc/v4"

	"earlynode/loop"
)

// The defaults of PeerJS 1.5.5.
const (
	// CloudHost is the public PeerServer, used when Options.Host is empty.
	CloudHost = "0.peerjs.com"
	// CloudPort is its port.
	CloudPort = 443
	// DefaultKey is the API key sent when Options.Key is empty.
	DefaultKey = "peerjs"
	// DefaultPingInterval is the heartbeat period.
	DefaultPingInterval = 5 * time.Second
	// ClientVersion is the PeerJS version this client announces to servers.
	ClientVersion = "1.5.5"
)

// DefaultConfig returns the ICE configuration PeerJS uses when none is
// given: Google's STUN server and PeerJS's TURN servers.
func DefaultConfig() webrtc.Configuration {
	return webrtc.Configuration{ICEServers: []webrtc.ICEServer{
		{URLs: []string{"stun:stun.l.google.com:19302"}},
		{
			URLs:       []string{"turn:eu-0.turn.peerjs.com:3478", "turn:us-0.turn.peerjs.com:3478"},
			Username:   "peerjs",
			Credential: "peerjsp",
		},
	}}
}

// Options configures a Peer. Zero fields take PeerJS 1.5.5's defaults.
type Options struct {
	// Host is the PeerServer's host; default CloudHost.
	Host string
	// Port is the PeerServer's port; default CloudPort (443).
	Port int
	// Path is where the PeerServer is mounted; default "/". A missing
	// leading or trailing "/" is added.
	Path string
	// Key is the API key; default DefaultKey.
	Key string
	// Secure selects https/wss. It is forced on for CloudHost.
	Secure bool
	// Token proves ownership of the id on reconnection; default a random
	// token.
	Token string
	// Config is passed to every RTCPeerConnection; nil means
	// DefaultConfig(). Use an empty Configuration for host candidates only.
	Config *webrtc.Configuration
	// PingInterval is the heartbeat period; default DefaultPingInterval.
	PingInterval time.Duration

	// IncludeLoopback makes ICE offer loopback candidates (127.0.0.1), so
	// that two peers on one machine without a network can connect.
	IncludeLoopback bool
	// DisableMDNS turns off mDNS in ICE: no .local names are resolved or
	// offered. Use it where multicast is unavailable (tests, namespaces).
	DisableMDNS bool
	// ICETimeouts bound how long ICE waits on a remote peer that went
	// silent; zero fields keep DefaultICETimeouts.
	ICETimeouts ICETimeouts
	// HTTPClient fetches ids from the server; default a client with a 10 s
	// timeout.
	HTTPClient *http.Client
	// DialTimeout bounds the signalling WebSocket handshake; default 10 s.
	DialTimeout time.Duration
	// Loop is the event loop the signalling WebSocket runs on (an
	// embedding's, whose liveness the socket then leaves alone); nil uses a
	// loop the package shares among Peers, running on one goroutine while
	// any of their sockets is open.
	Loop *loop.Loop

	// Debug is PeerJS's log level: 0 none, 1 errors, 2 warnings, 3 all.
	Debug int
	// Log receives log lines when Debug allows them; default standard
	// error with a "PeerJS: " prefix. It is called from any goroutine.
	Log func(line string)
}

// ICETimeouts are ICE's liveness timers (pion's
// SettingEngine.SetICETimeouts). A peer that vanishes without a word (its
// process killed, its network gone) is noticed after Disconnected+Failed,
// when its connections close.
type ICETimeouts struct {
	// Disconnected is how long the selected candidate pair may receive
	// nothing before ICE is disconnected.
	Disconnected time.Duration
	// Failed is how much longer ICE stays disconnected before it fails.
	Failed time.Duration
	// KeepAlive is how often ICE checks an idle pair; keep it well below
	// Disconnected.
	KeepAlive time.Duration
}

// DefaultICETimeouts are pion's defaults: a vanished peer is noticed after
// about 30 s.
var DefaultICETimeouts = ICETimeouts{Disconnected: 5 * time.Second, Failed: 25 * time.Second, KeepAlive: 2 * time.Second}

// apply sets t on se when any field is given, the others taking
// DefaultICETimeouts; with none given, se keeps pion's own defaults.
func (t ICETimeouts) apply(se *webrtc.SettingEngine) {
	if t == (ICETimeouts{}) {
		return
	}
	or := func(v, def time.Duration) time.Duration {
		if v > 0 {
			return v
		}
		return def
	}
	d := DefaultICETimeouts
	se.SetICETimeouts(or(t.Disconnected, d.Disconnected), or(t.Failed, d.Failed), or(t.KeepAlive, d.KeepAlive))
}

// withDefaults returns o with zero fields filled in and Path normalized.
func (o Options) withDefaults() Options {
	if o.Host == "" {
		o.Host = CloudHost
	}
	if o.Host == CloudHost {
		o.Secure = true
		if o.Port == 0 {
			o.Port = CloudPort
		}
	}
	if o.Port == 0 {
		if o.Secure {
			o.Port = 443
		} else {
			o.Port = 80
		}
	}
	if o.Path == "" {
		o.Path = "/"
	}
	if !strings.HasPrefix(o.Path, "/") {
		o.Path = "/" + o.Path
	}
	if !strings.HasSuffix(o.Path, "/") {
		o.Path += "/"
	}
	if o.Key == "" {
		o.Key = DefaultKey
	}
	if o.Token == "" {
		o.Token = randomToken()
	}
	if o.Config == nil {
		c := DefaultConfig()
		o.Config = &c
	}
	if o.PingInterval <= 0 {
		o.PingInterval = DefaultPingInterval
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = 10 * time.Second
	}
	return o
}

// ConnectOptions configures a DataConnection made by Peer.Connect.
type ConnectOptions struct {
	// Label is the data channel label; default the connection id.
	Label string
	// Metadata is the JSON text of any metadata for the remote peer; nil
	// means none (the OFFER then has no metadata key).
	Metadata json.RawMessage
	// Serialization is "binary" (also "binary-utf8", "default" or empty),
	// "json", or "raw" (also "none", the 0.x name).
	Serialization string
	// Reliable asks for an ordered channel. Delivery is always reliable:
	// PeerJS sets neither retransmit limit, so false only means unordered.
	Reliable bool
	// ConnectionID overrides the generated "dc_" id; for tests.
	ConnectionID string
}

// Serialization is how a DataConnection turns values into messages.
type Serialization string

// The serializations of PeerJS 1.5.5 (docs/wire/peerjs.md, Data-channel serialisations).
const (
	// SerializationBinary: one BinaryPack value per message, chunked above
	// 16300 bytes.
	SerializationBinary Serialization = "binary"
	// SerializationJSON: one JSON text per binary message, under 16300
	// bytes.
	SerializationJSON Serialization = "json"
	// SerializationRaw: messages as given, text or binary.
	SerializationRaw Serialization = "raw"
)

// ParseSerialization maps a serialization name, as users and OFFERs give
// it, onto one of the three: "", "binary", "binary-utf8" and "default" are
// binary; "json" is json; "raw" and the 0.x "none" are raw.
func ParseSerialization(name string) (Serialization, error) {
	switch name {
	case "", "binary", "binary-utf8", "default":
		return SerializationBinary, nil
	case "json":
		return SerializationJSON, nil
	case "raw", "none":
		return SerializationRaw, nil
	}
	return "", newError(ErrInvalidSerialization, nil, "unknown serialization %q (want binary, json or raw)", name)
}
