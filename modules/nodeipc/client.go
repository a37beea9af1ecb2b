package nodeipc

import (
	"net"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/modules/nodeipc/wire"
)

// clientConn is a Client's side of its connection: callbacks into the JavaScript connect()
// closure for connect, error and close, and the Client's message publishing for reads.
type clientConn struct {
	m         *module
	client    *goja.Object
	callbacks *goja.Object
	sock      *ipcnet.Socket
	raw       bool
	maxSize   int
}

func (h *clientConn) callback(name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(h.callbacks.Get(name))
	if !ok {
		return nil
	}
	_, err := h.m.rt.Call(fn, h.client, args...)
	return err
}

// Connect implements ipcnet.Events.
func (h *clientConn) Connect() error { return h.callback("connect") }

// Batch implements ipcnet.Events.
func (h *clientConn) Batch(b any) error {
	switch x := b.(type) {
	case []byte:
		return h.m.call(h.m.clientRaw, h.client, h.m.rt.NewBuffer(x))
	case *jsonBatch:
		if quiet(h.client) {
			if err := h.m.publishBatch(h.client, x, nil); err != nil {
				return err
			}
		} else {
			arr, err := h.m.values(x)
			if err != nil {
				return err
			}
			if err := h.m.call(h.m.clientChunk, h.client, arr, h.m.rt.VM.ToValue(x.partial)); err != nil {
				return err
			}
		}
		if x.tooBig != nil && !h.sock.Conn.Destroyed() {
			if err := h.callback("error", h.m.tooLargeError(x.tooBig, h.maxSize)); err != nil {
				return err
			}
			h.sock.Conn.Destroy()
		}
	}
	return nil
}

// End implements ipcnet.Events.
func (h *clientConn) End() error { return nil }

// Error implements ipcnet.Events.
func (h *clientConn) Error(err error) error {
	return h.callback("error", ipcnet.JSError(h.m.rt, err))
}

// Close implements ipcnet.Events.
func (h *clientConn) Close(bool) error { return h.callback("close") }

// mode is how a connection's bytes are read: config.rawBuffer, encoding and the delimiter.
type mode struct {
	raw       bool
	encoding  wire.Encoding
	delimiter string
	maxSize   int // config.maxMessageSize (earlynode's), else wire.DefaultMaxMessageSize
}

func (m *module) modeOf(o *goja.Object) mode {
	md := mode{delimiter: wire.DefaultDelimiter, maxSize: wire.DefaultMaxMessageSize}
	if o == nil {
		return md
	}
	if v := o.Get("maxMessageSize"); v != nil && !goja.IsUndefined(v) && v.ToInteger() > 0 {
		md.maxSize = int(v.ToInteger())
	}
	md.raw = o.Get("rawBuffer").ToBoolean()
	if e := o.Get("encoding"); e != nil && !goja.IsUndefined(e) {
		enc, err := wire.ParseEncoding(e.String())
		if err != nil {
			panic(m.rt.VM.NewTypeError(err.Error()))
		}
		md.encoding = enc
	}
	if d := o.Get("delimiter"); d != nil && !goja.IsUndefined(d) && d.String() != "" {
		md.delimiter = d.String()
	}
	return md
}

// connect(client, options, tls|null, mode, callbacks) starts a Client's connection and returns
// its socket.
func (m *module) connect(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	client := c.Argument(0).ToObject(vm)
	opts := c.Argument(1).ToObject(vm)
	md := m.modeOf(c.Argument(3).ToObject(vm))
	h := &clientConn{m: m, client: client, callbacks: c.Argument(4).ToObject(vm), raw: md.raw, maxSize: md.maxSize}
	dial := ipcnet.DialOptions{Network: "unix"}
	host := ""
	if p := opts.Get("path"); p != nil && !goja.IsUndefined(p) {
		dial.Address = p.String()
	} else {
		host = opts.Get("host").String()
		port := int(opts.Get("port").ToInteger())
		dial.Network = "tcp"
		if f := opts.Get("family"); f != nil && !goja.IsUndefined(f) {
			switch f.ToInteger() {
			case 4:
				dial.Network = "tcp4"
			case 6:
				dial.Network = "tcp6"
			}
		}
		dial.Address = net.JoinHostPort(host, strconv.Itoa(port))
		la := opts.Get("localAddress")
		lp := opts.Get("localPort")
		if (la != nil && !goja.IsUndefined(la)) || (lp != nil && !goja.IsUndefined(lp)) {
			addr := &net.TCPAddr{}
			if la != nil && !goja.IsUndefined(la) {
				addr.IP = net.ParseIP(la.String())
			}
			if lp != nil && !goja.IsUndefined(lp) {
				addr.Port = int(lp.ToInteger())
			}
			dial.LocalAddr = addr
		}
		if t, ok := c.Argument(2).(*goja.Object); ok {
			conf, err := m.clientTLS(t, host)
			if err != nil {
				panic(m.rt.NewError(err.Error()))
			}
			dial.TLS = conf
		}
	}
	conn := ipcnet.Dial(m.rt.Loop, dial, streamDecoder(md.raw, md.encoding, md.delimiter, md.maxSize), nil)
	h.sock = ipcnet.NewSocket(m.rt, conn, h)
	return h.sock.Obj
}
