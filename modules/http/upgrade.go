package http

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
)

// UpgradeHandler takes over a connection whose request asked for an upgrade (e.g. WebSocket):
// the netpoll.Stream itself, on the loop, once the answers to the requests before it are
// written. head is a copy of the parsed request head (safe to keep); buffered holds the bytes
// already read after the head (the handler's to keep). From then on the HTTP server neither
// reads nor writes the stream nor counts it; reading is paused. The handler must, on this turn,
// make the stream its own (websocket.Upgrade does: SetHandler, then Resume) or close it. An
// error returned (an exception thrown by JavaScript it called) stops the loop.
type UpgradeHandler func(st *netpoll.Stream, head *wire.Head, buffered []byte) error

// RouteHandler answers a plain HTTP request for a Go-side service (such as a PeerServer's REST
// endpoints). It runs off the loop; body is the whole request body (bounded).
type RouteHandler func(head *wire.Head, body []byte) (status int, headers []wire.Header, respBody []byte)

// MaxRouteBody bounds the request body a RouteHandler receives; a longer body is answered with
// 413 and the connection closes.
const MaxRouteBody = 1 << 20

// AttachUpgrade makes the node.http server object srv hand upgrade requests whose path
// (without the query) equals path to h. Requests to other paths asking to upgrade get the usual
// `request` event (or a 400 if nobody can upgrade them).
//
// Call it on the loop goroutine (it reads the JavaScript object). The handed-over stream keeps
// its loop handle (referenced): whether it keeps the loop alive is its new owner's choice
// (Stream.Unref).
func AttachUpgrade(srv goja.Value, path string, h UpgradeHandler) error {
	s, err := serverOf(srv)
	if err != nil {
		return fmt.Errorf("http.AttachUpgrade(%q): %w", path, err)
	}
	if h == nil {
		return fmt.Errorf("http.AttachUpgrade(%q): nil handler", path)
	}
	s.hooks.update(func(t *hookTable) { t.upgrades = append(t.upgrades, upgradeHook{path: path, h: h}) })
	return nil
}

// AttachRoute sends requests whose path starts with prefix to h instead of the `request` event.
//
// Call it on the loop goroutine. Answers from h take their turn among the connection's other
// answers (pipelined requests are answered in order).
func AttachRoute(srv goja.Value, prefix string, h RouteHandler) error {
	s, err := serverOf(srv)
	if err != nil {
		return fmt.Errorf("http.AttachRoute(%q): %w", prefix, err)
	}
	if h == nil {
		return fmt.Errorf("http.AttachRoute(%q): nil handler", prefix)
	}
	s.hooks.update(func(t *hookTable) { t.routes = append(t.routes, routeHook{prefix: prefix, h: h}) })
	return nil
}

type upgradeHook struct {
	path string
	h    UpgradeHandler
}

type routeHook struct {
	prefix string
	h      RouteHandler
}

// hookTable is the Go-side handlers of one server. It is replaced, never changed in place, so
// that it can be read without a lock.
type hookTable struct {
	upgrades []upgradeHook
	routes   []routeHook
}

// hooks holds a server's hookTable.
type hooks struct {
	mu sync.Mutex
	p  atomic.Pointer[hookTable]
}

func (h *hooks) update(change func(*hookTable)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := &hookTable{}
	if old := h.p.Load(); old != nil {
		t.upgrades = append(t.upgrades, old.upgrades...)
		t.routes = append(t.routes, old.routes...)
	}
	change(t)
	h.p.Store(t)
}

// load returns the current table; nil when no handler was attached.
func (h *hooks) load() *hookTable { return h.p.Load() }

// targetPath is a request-target's path: without the query and the anchor.
func targetPath(target string) string {
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		return target[:i]
	}
	return target
}

// upgrade returns the handler for an upgrade request to target, or nil.
func (t *hookTable) upgrade(target string) UpgradeHandler {
	if t == nil {
		return nil
	}
	p := targetPath(target)
	for _, u := range t.upgrades {
		if u.path == p {
			return u.h
		}
	}
	return nil
}

// route returns the handler for a request to target, or nil.
func (t *hookTable) route(target string) RouteHandler {
	if t == nil {
		return nil
	}
	p := targetPath(target)
	for _, r := range t.routes {
		if strings.HasPrefix(p, r.prefix) {
			return r.h
		}
	}
	return nil
}
