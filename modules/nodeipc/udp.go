package nodeipc

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/modules/nodeipc/wire"
	"earlynode/runtime"
)

// udpSocket is the dgram socket a UDP node-ipc Server binds: a JavaScript object inheriting
// node.EventEmitter with bind, send, close and address, emitting 'listening', 'error' and
// 'close'. Each received datagram is decoded on the reader goroutine (wire.DecodeDatagram or
// wire.RawDatagram) and published by the node-ipc Server with its rinfo.
type udpSocket struct {
	m       *module
	ipc     *goja.Object
	obj     *goja.Object
	network string // "udp4" or "udp6"
	md      mode
	handle  *loop.Handle
	mu      sync.Mutex
	pc      *net.UDPConn
	closed  bool
}

// datagram is one received datagram, decoded.
type datagram struct {
	from *net.UDPAddr
	size int
	json *jsonBatch
	raw  []byte
}

// udpSocket(ipcServer, "udp4"|"udp6", mode) -> the socket object.
func (m *module) udpSocket(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	u := &udpSocket{m: m, ipc: c.Argument(0).ToObject(vm), obj: m.rt.NewEmitter(), network: c.Argument(1).String(),
		md: m.modeOf(c.Argument(2).ToObject(vm))}
	u.obj.Set("bind", u.bind)
	u.obj.Set("send", u.send)
	u.obj.Set("close", func(c goja.FunctionCall) goja.Value {
		u.close()
		return c.This
	})
	u.obj.Set("address", func(goja.FunctionCall) goja.Value {
		if u.pc == nil {
			return goja.Null()
		}
		return ipcnet.AddrObject(m.rt, u.pc.LocalAddr())
	})
	u.obj.Set("ref", func(c goja.FunctionCall) goja.Value {
		if u.handle != nil {
			u.handle.Ref()
		}
		return c.This
	})
	u.obj.Set("unref", func(c goja.FunctionCall) goja.Value {
		if u.handle != nil {
			u.handle.Unref()
		}
		return c.This
	})
	return u.obj
}

// bind(port, host): binds at once; 'listening' or 'error' follows on the loop.
func (u *udpSocket) bind(c goja.FunctionCall) goja.Value {
	m := u.m
	port := int(c.Argument(0).ToInteger())
	host := ""
	if h := c.Argument(1); !goja.IsUndefined(h) && !goja.IsNull(h) {
		host = h.String()
	}
	err := familyMismatch(u.network, host)
	var addr *net.UDPAddr
	if err == nil {
		addr, err = net.ResolveUDPAddr(u.network, net.JoinHostPort(host, strconv.Itoa(port)))
	}
	var pc *net.UDPConn
	if err == nil {
		pc, err = net.ListenUDP(u.network, addr)
	}
	if err != nil {
		e := &ipcnet.OpError{Syscall: "bind", Address: host, Port: port, Err: err}
		m.rt.Post(func() error { return m.rt.Emit(u.obj, "error", ipcnet.JSError(m.rt, e)) })
		return c.This
	}
	u.pc = pc
	u.handle = m.rt.Loop.NewHandle()
	m.rt.Post(func() error { return m.rt.Emit(u.obj, "listening") })
	go u.readLoop()
	return c.This
}

// familyError is a UDP socket of one address family asked to bind an address of the other
// (udp6 and 127.0.0.1, udp4 and ::1). The system refuses such a bind with EINVAL, and Node
// reports "bind EINVAL 127.0.0.1:PORT"; the reason says what to change.
type familyError struct{ network, host string }

func (e *familyError) Error() string { return e.Reason() }

// Reason says why the address cannot be bound and what would work.
func (e *familyError) Reason() string {
	if e.network == "udp6" {
		return "a udp6 socket cannot bind the IPv4 address " + e.host + " (serve udp4, or an IPv6 host such as ::1)"
	}
	return "a udp4 socket cannot bind the IPv6 address " + e.host + " (serve udp6, or an IPv4 host such as 127.0.0.1)"
}

// Unwrap gives EINVAL, the error code it is reported with.
func (e *familyError) Unwrap() error { return syscall.EINVAL }

// familyMismatch refuses an IP literal of the other family than network's.
func familyMismatch(network, host string) error {
	ip := net.ParseIP(host)
	if ip == nil {
		return nil // a name, or empty: resolved for network's family
	}
	v6 := strings.IndexByte(host, ':') >= 0
	if (network == "udp6" && !v6) || (network == "udp4" && v6) {
		return &familyError{network: network, host: host}
	}
	return nil
}

func (u *udpSocket) readLoop() {
	buf := make([]byte, 65536)
	credits := make(chan struct{}, 4)
	for {
		n, from, err := u.pc.ReadFromUDP(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		d := &datagram{from: from, size: n}
		if u.md.raw {
			d.raw = wire.RawDatagram(nil, buf[:n], u.md.encoding)
		} else {
			d.json = &jsonBatch{}
			d.json.add(wire.DecodeDatagram(nil, buf[:n], u.md.delimiter))
		}
		credits <- struct{}{}
		u.handle.Post(func() error {
			<-credits
			return u.deliver(d)
		})
	}
}

func (u *udpSocket) deliver(d *datagram) error {
	m := u.m
	if u.closed {
		return nil
	}
	rinfo := m.rt.VM.NewObject()
	rinfo.Set("address", d.from.IP.String())
	fam := "IPv4"
	if d.from.IP.To4() == nil {
		fam = "IPv6"
	}
	rinfo.Set("family", fam)
	rinfo.Set("port", d.from.Port)
	rinfo.Set("size", d.size)
	if err := m.call(m.udpReceived, u.ipc, rinfo); err != nil {
		return err
	}
	if d.raw != nil {
		return m.call(m.serverRaw, u.ipc, rinfo, m.rt.NewBuffer(d.raw))
	}
	if d.json.Len() == 0 {
		return nil
	}
	arr, err := m.values(d.json)
	if err != nil {
		return err
	}
	return m.call(m.serverChunk, u.ipc, rinfo, arr, m.rt.VM.ToValue(false))
}

// send(buffer, offset, length, port, address, callback): one datagram.
func (u *udpSocket) send(c goja.FunctionCall) goja.Value {
	m := u.m
	data, err := m.rt.BytesOf(c.Argument(0), runtime.BufferEncoding)
	cb, _ := goja.AssertFunction(c.Argument(5))
	report := func(err error) {
		m.rt.Post(func() error {
			if cb == nil {
				if err != nil {
					return m.rt.Emit(u.obj, "error", ipcnet.JSError(m.rt, err))
				}
				return nil
			}
			var arg goja.Value = goja.Null()
			if err != nil {
				arg = ipcnet.JSError(m.rt, err)
			}
			_, e := m.rt.Call(cb, u.obj, arg, m.rt.VM.ToValue(len(data)))
			return e
		})
	}
	if err != nil {
		report(err)
		return goja.Undefined()
	}
	off := int(c.Argument(1).ToInteger())
	n := int(c.Argument(2).ToInteger())
	if off < 0 || off > len(data) {
		off = 0
	}
	if n < 0 || off+n > len(data) {
		n = len(data) - off
	}
	data = data[off : off+n]
	port := int(c.Argument(3).ToInteger())
	host := c.Argument(4).String()
	if u.pc == nil || u.closed {
		report(errors.New("Not running"))
		return goja.Undefined()
	}
	to, err := net.ResolveUDPAddr(u.network, net.JoinHostPort(host, strconv.Itoa(port)))
	if err == nil {
		_, err = u.pc.WriteToUDP(data, to)
	}
	if err != nil {
		err = &ipcnet.OpError{Syscall: "send", Address: host, Port: port, Err: err}
	}
	report(err)
	return goja.Undefined()
}

func (u *udpSocket) close() {
	if u.closed || u.pc == nil {
		return
	}
	u.closed = true
	u.pc.Close()
	u.handle.Close(func() error { return u.m.rt.Emit(u.obj, "close") })
}
