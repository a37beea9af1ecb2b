package loop

import "sync"

// Handle is a long-lived resource (a listening server, an open socket, a child process) that
// keeps the loop alive while referenced. A new handle is referenced.
type Handle struct {
	loop   *Loop
	mu     sync.Mutex
	ref    bool
	closed bool
}

// NewHandle returns a referenced handle.
func (l *Loop) NewHandle() *Handle {
	l.addRef(1)
	return &Handle{loop: l, ref: true}
}

// Loop returns the loop the handle belongs to.
func (h *Handle) Loop() *Loop { return h.loop }

// Ref makes the handle keep the loop alive. It is idempotent and does nothing after Close.
func (h *Handle) Ref() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ref || h.closed {
		return
	}
	h.ref = true
	h.loop.addRef(1)
}

// Unref lets the loop exit even while the handle is open. It is idempotent.
func (h *Handle) Unref() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.ref {
		return
	}
	h.ref = false
	h.loop.addRef(-1)
}

// Post queues fn on the handle's loop; safe from any goroutine.
func (h *Handle) Post(fn Callback) { h.loop.Post(fn) }

// Close queues final (which may be nil) and drops the handle's reference in one step, so the
// loop runs final before it can decide to exit. Later calls do nothing and return false.
func (h *Handle) Close(final Callback) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.closed = true
	if h.ref {
		h.ref = false
		h.loop.postAndRelease(final)
	} else if final != nil {
		h.loop.Post(final)
	}
	return true
}

// Closed reports whether Close has been called.
func (h *Handle) Closed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
}
