package binaryjs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"earlynode/loop"
	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack"
	"earlynode/modules/binarypack/jsvalue"
)

// The socket's readyState, as the WebSocket API numbers it. It is the loop's view: it changes
// only on the loop goroutine.
const (
	stateConnecting = 0
	stateOpen       = 1
	stateClosing    = 2
	stateClosed     = 3
)

// Flow-control figures of one connection.
const (
	// writeHighWater: stream.write returns false while this many bytes wait to be written.
	writeHighWater = 1 << 20
	// inboxHighWater: the reader stops reading while this many received bytes wait for the loop
	// (TCP then pushes back on the sender).
	inboxHighWater = 8 << 20
	// closeTimeout bounds the closing handshake and the wait for the peer's FIN.
	closeTimeout = 3 * time.Second
)

// DefaultMaxMessageSize is the largest WebSocket message a connection accepts unless the
// maxMessageSize option says otherwise; a larger one is refused (error event, connection
// closed with 1009).
const DefaultMaxMessageSize = 64 << 20

// socket is one BinaryJS WebSocket connection: a reader goroutine that decodes envelopes and
// hands them to the loop in batches, a writer goroutine that writes queued messages in batches,
// and the JavaScript object (send, close, isOpen) a BinaryClient drives.
type socket struct {
	m        *module
	isServer bool
	maxMsg   int64
	handle   *loop.Handle
	obj      *goja.Object
	h        handler
	state    int                // loop side
	cancel   context.CancelFunc // of the dial, while connecting
	onClosed func()             // the server's bookkeeping, run on the loop at close

	ws *websocket.Conn
	nc *bufferedConn

	// writer side
	wmu         sync.Mutex
	wcond       *sync.Cond
	outbox      [][]byte
	spareOut    [][]byte
	pending     int  // bytes queued or being written
	needDrain   bool // a send returned false: post a drain once the queue is short
	drainPosted bool // a drain is on its way to the loop
	closeReq    bool // a close frame is wanted after the queue
	wstop       bool // the connection is gone: stop writing

	// reader side, handed to the loop
	imu     sync.Mutex
	icond   *sync.Cond
	inbox   []inItem
	spareIn []inItem
	inBytes int
	posted  bool
	gone    bool // the loop has delivered "close": nothing more is wanted
}

// handler is the BinaryClient the socket reports to and the hooks binaryjs.js returned.
type handler struct {
	client                                        *goja.Object
	onOpen, onMessage, onProtoErr, onErr, onClose goja.Callable
	onDrain                                       goja.Callable
}

type itemKind uint8

const (
	itemMessage itemKind = iota
	itemProtocolError
	itemSocketError
	itemClosed
)

// inItem is one thing the reader hands to the loop.
type inItem struct {
	kind itemKind
	msg  wire.Message
	text string // error text, or the close reason
	code int    // close code
}

func newSocket(m *module, isServer bool, maxMsg int64) *socket {
	s := &socket{m: m, isServer: isServer, maxMsg: maxMsg, state: stateConnecting}
	s.wcond = sync.NewCond(&s.wmu)
	s.icond = sync.NewCond(&s.imu)
	return s
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
	frame := wire.AppendHeader(make([]byte, 0, 16), typ)
	frame, err := s.m.packer.Append(frame, payload)
	if err == nil {
		frame, err = s.m.packer.Append(frame, id)
	}
	if err != nil {
		panic(s.m.rt.NewError(jsvalue.ErrorMessage(err)))
	}
	return vm.ToValue(s.queue(frame))
}

// queue hands one encoded message to the writer and reports whether there is room for more.
func (s *socket) queue(frame []byte) bool {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.wstop || s.closeReq {
		return false
	}
	s.outbox = append(s.outbox, frame)
	s.pending += len(frame)
	if len(s.outbox) == 1 {
		s.wcond.Signal()
	}
	if s.pending >= writeHighWater {
		s.needDrain = true
		return false
	}
	return true
}

// start begins reading and writing an open connection (from the loop, once bound).
func (s *socket) start(ws *websocket.Conn, nc *bufferedConn) {
	s.ws, s.nc = ws, nc
	ws.SetReadLimit(s.maxMsg)
	nc.startBuffering()
	s.state = stateOpen
	go s.writeLoop()
	go s.readLoop()
}

// close starts the closing handshake (code 1000) after the queued messages; from the loop.
func (s *socket) close() {
	switch s.state {
	case stateConnecting:
		s.state = stateClosing
		if s.cancel != nil {
			s.cancel() // the dial fails and reports "close"
		}
	case stateOpen:
		s.state = stateClosing
		s.wmu.Lock()
		s.closeReq = true
		s.wcond.Signal()
		s.wmu.Unlock()
	}
}

// writeLoop writes queued messages in batches, one flush per batch, then the close frame.
func (s *socket) writeLoop() {
	for {
		s.wmu.Lock()
		for len(s.outbox) == 0 && !s.closeReq && !s.wstop {
			s.wcond.Wait()
		}
		if s.wstop {
			s.wmu.Unlock()
			return
		}
		batch := s.outbox
		s.outbox = s.spareOut[:0]
		closing := s.closeReq && len(batch) == 0
		s.wmu.Unlock()

		var err error
		written := 0
		for i, f := range batch {
			if err == nil {
				err = s.ws.WriteMessage(websocket.BinaryMessage, f)
			}
			written += len(f)
			batch[i] = nil
		}
		if err == nil {
			err = s.nc.Flush()
		}
		s.wmu.Lock()
		s.spareOut = batch[:0]
		s.pending -= written
		drain := s.needDrain && s.pending < writeHighWater/2 && err == nil && !s.drainPosted
		if drain {
			s.needDrain = false
			s.drainPosted = true
		}
		s.wmu.Unlock()
		if drain {
			s.handle.Post(s.deliverDrain)
		}
		if err != nil {
			s.nc.Close() // the reader sees the failure and reports it
			return
		}
		if closing {
			s.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(closeTimeout))
			s.nc.Flush()
			// The peer answers with its close frame; if it does not, give up.
			time.AfterFunc(closeTimeout, func() { s.nc.Close() })
			return
		}
	}
}

// readLoop reads messages until the connection ends, decoding each in this goroutine.
func (s *socket) readLoop() {
	dec := binarypack.Decoder{MaxLength: int(s.maxMsg)}
	var scratch []byte
	for {
		mt, r, err := s.ws.NextReader()
		if err != nil {
			s.readEnded(err)
			return
		}
		scratch, err = readMessage(r, scratch[:0])
		if err != nil {
			s.readEnded(err)
			return
		}
		if mt != websocket.BinaryMessage {
			s.enqueue(inItem{kind: itemProtocolError,
				text: "Received unparsable message: a text frame (BinaryJS messages are binary frames)"}, len(scratch))
		} else if m, err := wire.Parse(scratch, &dec); err != nil {
			s.enqueue(inItem{kind: itemProtocolError, text: err.Error()}, len(scratch))
		} else {
			s.enqueue(inItem{kind: itemMessage, msg: m}, len(scratch))
		}
		if cap(scratch) > 1<<20 {
			scratch = nil // do not hold on to one large message's buffer
		}
	}
}

// readMessage reads a whole message into buf (grown as needed); gorilla enforces the limit.
func readMessage(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// readEnded turns the reader's final error into the events "error" (when something went
// wrong) and "close", and releases the connection.
func (s *socket) readEnded(err error) {
	code, reason, failure := 1006, "", ""
	var ce *websocket.CloseError
	switch {
	case errors.As(err, &ce):
		code, reason = ce.Code, ce.Text
		if ce.Code == websocket.CloseMessageTooBig {
			failure = fmt.Sprintf("Received message larger than the limit of %d bytes", s.maxMsg)
		}
		if ce.Code == websocket.CloseAbnormalClosure {
			reason = "" // the peer vanished without a closing handshake
		}
	case errors.Is(err, websocket.ErrReadLimit):
		code = websocket.CloseMessageTooBig
		failure = fmt.Sprintf("Received message larger than the limit of %d bytes", s.maxMsg)
		s.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, "message too big"), time.Now().Add(time.Second))
	case s.closing() && (errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF)):
		// Our close (1000) went unanswered, or the peer dropped the connection after it:
		// report the code we sent, as streamws does.
		code = websocket.CloseNormalClosure
	default:
		failure = err.Error()
		if strings.HasPrefix(failure, "websocket: ") {
			code = websocket.CloseProtocolError // gorilla has sent the peer a close 1002
		}
	}
	if !s.isServer && ce != nil && ce.Code != websocket.CloseAbnormalClosure {
		// A client waits for the server to close TCP first, so that the server never sees a
		// reset (a reset crashes a Node BinaryServer, docs/wire/binaryjs.md, Closing).
		s.nc.SetReadDeadline(time.Now().Add(closeTimeout))
		io.Copy(io.Discard, s.nc.Conn)
	}
	s.wmu.Lock()
	s.wstop = true
	s.wcond.Signal()
	s.wmu.Unlock()
	if failure != "" {
		s.enqueue(inItem{kind: itemSocketError, text: failure}, 0)
	}
	s.enqueue(inItem{kind: itemClosed, code: code, text: reason}, 0)
	s.handle.Close(s.deliver)
	// Closed after "close" is queued, so a peer in this process sees its own close later.
	s.nc.Close()
}

func (s *socket) closing() bool {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.closeReq
}

// enqueue hands an item to the loop, waiting while too much is already waiting.
func (s *socket) enqueue(it inItem, size int) {
	s.imu.Lock()
	for s.inBytes > inboxHighWater && !s.gone {
		s.icond.Wait()
	}
	s.inbox = append(s.inbox, it)
	s.inBytes += size
	post := !s.posted
	s.posted = true
	s.imu.Unlock()
	if post {
		s.handle.Post(s.deliver)
	}
}

// deliver runs on the loop: everything the reader handed over, in order.
func (s *socket) deliver() error {
	s.imu.Lock()
	batch := s.inbox
	s.inbox = s.spareIn[:0]
	s.spareIn = nil
	s.inBytes = 0
	s.posted = false
	s.icond.Broadcast()
	s.imu.Unlock()
	var err error
	for i := range batch {
		if err == nil && s.state != stateClosed {
			err = s.dispatch(&batch[i])
		}
		batch[i] = inItem{}
	}
	s.imu.Lock()
	if s.spareIn == nil {
		s.spareIn = batch[:0]
	}
	s.imu.Unlock()
	return err
}

func (s *socket) dispatch(it *inItem) error {
	rt := s.m.rt
	c := s.h.client
	switch it.kind {
	case itemMessage:
		_, err := rt.Call(s.h.onMessage, c, rt.VM.ToValue(it.msg.Type),
			s.m.packer.Unpack(it.msg.Payload), s.m.packer.Unpack(it.msg.StreamID))
		return err
	case itemProtocolError:
		_, err := rt.Call(s.h.onProtoErr, c, rt.NewError(it.text))
		return err
	case itemSocketError:
		_, err := rt.Call(s.h.onErr, c, rt.NewError(it.text))
		return err
	case itemClosed:
		s.state = stateClosed
		s.imu.Lock()
		s.gone = true
		s.icond.Broadcast()
		s.imu.Unlock()
		if s.onClosed != nil {
			s.onClosed()
		}
		_, err := rt.Call(s.h.onClose, c, rt.VM.ToValue(it.code), rt.VM.ToValue(it.text))
		return err
	}
	return nil
}

// deliverDrain runs on the loop when the writer has caught up after send returned false.
func (s *socket) deliverDrain() error {
	s.wmu.Lock()
	s.drainPosted = false
	// Written full again since the post? Then wait for the writer's next drain, unless it
	// has already caught up (it posts only after a batch).
	stale := s.needDrain && s.pending >= writeHighWater/2
	if !stale {
		s.needDrain = false
	}
	s.wmu.Unlock()
	if stale || (s.state != stateOpen && s.state != stateClosing) {
		return nil
	}
	_, err := s.m.rt.Call(s.h.onDrain, s.h.client)
	return err
}
