package socketipc

import (
	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/ipcnet"
)

// connHandler is the library's side of one connection, client or server: it turns the
// connection's events into calls of the JavaScript callbacks the Client or Server gave, and
// its messages into 'message' events on that Client or Server.
type connHandler struct {
	mod        *module
	sock       *ipcnet.Socket
	emitter    *goja.Object // the Client or Server
	clientID   goja.Value   // the server's id for the client; undefined on the client side
	callbacks  *goja.Object // connect, data, end, error, close
	custom     bool         // a custom transcoder decodes in JavaScript
	encoding   string       // its socketEncoding
	maxMessage int
	server     *server // the server that accepted it, or nil

	lastTopic, lastEvent string
}

func (h *connHandler) call(name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(h.callbacks.Get(name))
	if !ok {
		return nil
	}
	_, err := h.mod.rt.Call(fn, h.emitter, args...)
	return err
}

// Connect implements ipcnet.Events.
func (h *connHandler) Connect() error { return h.call("connect", h.sock.Obj) }

// Batch implements ipcnet.Events.
func (h *connHandler) Batch(b any) error {
	switch x := b.(type) {
	case *batch:
		return h.deliver(x)
	case []byte:
		v, err := h.mod.rt.DecodeString(x, h.encoding)
		if err != nil {
			return err
		}
		return h.call("data", v, h.sock.Obj)
	}
	return nil
}

// End implements ipcnet.Events.
func (h *connHandler) End() error {
	if h.server != nil {
		h.server.forget(h)
		return nil
	}
	return h.call("end")
}

// Error implements ipcnet.Events.
func (h *connHandler) Error(err error) error {
	if h.server != nil {
		return h.call("clientError", ipcnet.JSError(h.mod.rt, err), h.clientID)
	}
	return h.call("error", ipcnet.JSError(h.mod.rt, err))
}

// Close implements ipcnet.Events.
func (h *connHandler) Close(hadError bool) error {
	if h.server != nil {
		h.server.forget(h)
		return nil
	}
	return h.call("close", h.mod.rt.VM.ToValue(hadError))
}

// failMessage is the library's reaction to a message it cannot take (bad JSON, a listener
// that threw): destroy the connection, then emit 'error' (err, clientId) on the emitter.
func (h *connHandler) failMessage(err any) error {
	var v goja.Value
	switch x := err.(type) {
	case *goja.Exception:
		v = x.Value()
	case goja.Value:
		v = x
	case error:
		v = h.mod.rt.NewError(x.Error())
	}
	h.sock.Conn.Destroy()
	_, e := h.mod.rt.Call(h.mod.emitError, goja.Undefined(), h.emitter, v, h.clientID, h.mod.rt.VM.ToValue(true))
	return e
}
