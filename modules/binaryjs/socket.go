package binaryjs

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack"
	"earlynode/modules/binarypack/jsvalue"
	"earlynode/modules/http/websocket"
)

// The socket's readyState, as the WebSocket API numbers it.
const (
	stateConnecting = 0
	stateOpen       = 1
	stateClosing    = 2
	stateClosed     = 3
)

// writeHighWater: stream.write returns false while this many bytes wait to be written.
const writeHighWater = 1 << 20

// DefaultMaxMessageSize is the largest WebSocket message a connection accepts unless the
// maxMessageSize option says otherwise; a larger one is refused (error event, connection
// closed with 1009).
const DefaultMaxMessageSize = 64 << 20

// socket is one BinaryJS WebSocket connection (a websocket.Conn on the loop) and the
// JavaScript object (send, close, isOpen) a BinaryClient drives. Everything runs on the loop:
// each received message is decoded and handed to the BinaryClient as it is read; messages
// sent in one turn leave together at its end.
type socket struct {
	m         *module
	isServer  bool
	maxMsg    int64
	obj       *goja.Object
	h         handler
	state     int
	conn      *websocket.Conn
	cancel    func()  // of the dial, while connecting
	srv       *server // the server that accepted it (nil for a client's): it forgets it at close
	needDrain bool    // a send returned false: call _onDrain once the writes are out
}

// handler is the BinaryClient the socket reports to and the hooks binaryjs.js returned.
type handler struct {
	client                                        *goja.Object
	onOpen, onMessage, onProtoErr, onErr, onClose goja.Callable
	onDrain                                       goja.Callable
}

func newSocket(m *module, isServer bool, maxMsg int64) *socket {
	return &socket{m: m, isServer: isServer, maxMsg: maxMsg, state: stateConnecting}
}

// jsObject makes the socket's JavaScript side (on the loop): an object binaryjs.js hands to
// the natives send, close, isOpen and bind.
func (s *socket) jsObject() *goja.Object {
	o := s.m.rt.VM.NewObject()
	socketState.Set(s.m.rt, o, s)
	s.obj = o
	return o
}

// bind makes client (a BinaryClient) the receiver of the socket's events.
func (s *socket) bind(client *goja.Object) {
	s.h = s.m.client
	s.h.client = client
}

// send is natives.send(socket, type, payload, id): pack and queue one message. It returns
// false when the socket is not open or is backed up (more than writeHighWater bytes waiting).
func (s *socket) send(typeV, payload, id goja.Value) goja.Value {
	vm := s.m.rt.VM
	if s.state != stateOpen {
		return vm.ToValue(false)
	}
	typ := int(typeV.ToInteger())
	// The message is packed into the module's scratch buffer, which the WebSocket frame then
	// copies: a fresh buffer per message cost more than the packing (new pages, growth).
	frame := wire.AppendHeader(s.m.scratch[:0], typ)
	frame, err := s.m.packer.Append(frame, payload)
	if err == nil {
		frame, err = s.m.packer.Append(frame, id)
	}
	if cap(frame) <= maxScratch {
		s.m.scratch = frame[:0]
	}
	if err != nil {
		panic(s.m.rt.NewError(jsvalue.ErrorMessage(err)))
	}
	return vm.ToValue(s.queue(frame))
}

// maxScratch is the largest packing buffer the module keeps between messages.
const maxScratch = 4 << 20

// queue writes one encoded message and reports whether there is room for more.
func (s *socket) queue(frame []byte) bool {
	if s.conn == nil || s.conn.WriteBinary(frame) != nil {
		return false
	}
	if s.conn.Buffered() >= writeHighWater {
		s.needDrain = true
		s.conn.NotifyDrain()
		return false
	}
	return true
}

// open makes a connected socket open: the conn is its, its messages come to s.
func (s *socket) open(c *websocket.Conn) {
	s.conn = c
	s.state = stateOpen
}

// close starts the closing handshake (code 1000) after the queued messages.
func (s *socket) close() {
	switch s.state {
	case stateConnecting:
		s.state = stateClosing
		if s.cancel != nil {
			s.cancel() // the dial fails and reports "close"
		}
	case stateOpen:
		s.state = stateClosing
		s.conn.Close(1000, "")
	}
}

// Message decodes one received message and hands it to the BinaryClient
// (websocket.Handler).
func (s *socket) Message(text bool, data []byte) error {
	if s.state == stateClosed {
		return nil
	}
	rt := s.m.rt
	if text {
		_, err := rt.Call(s.h.onProtoErr, s.h.client,
			rt.NewError("Received unparsable message: a text frame (BinaryJS messages are binary frames)"))
		return err
	}
	// The payload nests at most as deeply as a value we send may (jsvalue.MaxDepth).
	dec := binarypack.Decoder{MaxLength: int(s.maxMsg), MaxDepth: jsvalue.MaxDepth + 1}
	m, err := wire.Parse(data, &dec)
	if err != nil {
		_, err = rt.Call(s.h.onProtoErr, s.h.client, rt.NewError(err.Error()))
		return err
	}
	_, err = rt.Call(s.h.onMessage, s.h.client, rt.VM.ToValue(m.Type),
		s.m.packer.Unpack(m.Payload), s.m.packer.Unpack(m.StreamID))
	return err
}

// Drained runs once the writes are out after send returned false (websocket.Drainer).
func (s *socket) Drained() error {
	if !s.needDrain || (s.state != stateOpen && s.state != stateClosing) {
		return nil
	}
	s.needDrain = false
	_, err := s.m.rt.Call(s.h.onDrain, s.h.client)
	return err
}

// End turns the end of the connection into the events "error" (when something went wrong)
// and "close" (websocket.Handler).
func (s *socket) End(st websocket.CloseStatus) error {
	code, reason, failure := int(st.Code), st.Reason, ""
	var pe *websocket.ProtocolError
	switch {
	case errors.As(st.Err, &pe) && pe.Code == 1009, st.PeerClosed && st.Code == 1009:
		failure = fmt.Sprintf("Received message larger than the limit of %d bytes", s.maxMsg)
	case st.Err != nil:
		failure = st.Err.Error()
	}
	if failure != "" {
		if _, err := s.m.rt.Call(s.h.onErr, s.h.client, s.m.rt.NewError(failure)); err != nil {
			return err
		}
	}
	return s.ended(code, reason)
}

// ended reports "close" with code and reason, once.
func (s *socket) ended(code int, reason string) error {
	if s.state == stateClosed {
		return nil
	}
	s.state = stateClosed
	if s.srv != nil {
		delete(s.srv.sockets, s)
	}
	if s.h.client == nil {
		return nil
	}
	rt := s.m.rt
	_, err := rt.Call(s.h.onClose, s.h.client, rt.VM.ToValue(code), rt.VM.ToValue(reason))
	return err
}
