package http

import (
	"time"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// connState is the Go side of a node.http.Connection object.
var connState = runtime.NewState[*serverConn]("http.connection")

func (m *module) serverConnOf(v goja.Value) *serverConn {
	if sc, ok := connState.Get(v); ok {
		return sc
	}
	panic(m.rt.VM.NewTypeError("not a node.http.Connection"))
}

// connectionPrototype is node.http.Connection.prototype: the server side of one TCP connection
// (request.connection, the `connection` event). Its events are `disconnect(had_error)`,
// `timeout` and `error` (input that broke HTTP, with what failed).
func (m *module) connectionPrototype() *goja.Object {
	vm := m.rt.VM
	p := m.emitterProto()
	accessor := func(name string, get func(sc *serverConn) goja.Value, set func(sc *serverConn, v goja.Value)) {
		g := vm.ToValue(func(c goja.FunctionCall) goja.Value { return get(m.serverConnOf(c.This)) })
		var s goja.Value
		if set != nil {
			s = vm.ToValue(func(c goja.FunctionCall) goja.Value {
				set(m.serverConnOf(c.This), c.Argument(0))
				return goja.Undefined()
			})
		}
		p.DefineAccessorProperty(name, g, s, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	accessor("remoteAddress", func(sc *serverConn) goja.Value { return vm.ToValue(sc.remote) }, nil)
	accessor("readyState", func(sc *serverConn) goja.Value {
		switch {
		case sc.dead:
			return vm.ToValue("closed")
		case sc.peerClosed:
			return vm.ToValue("writeOnly")
		}
		return vm.ToValue("open")
	}, nil)
	accessor("server", func(sc *serverConn) goja.Value { return sc.srv.obj }, nil)
	accessor("timeout", func(sc *serverConn) goja.Value {
		return vm.ToValue(float64(sc.timeout) / float64(time.Millisecond))
	}, func(sc *serverConn, v goja.Value) {
		ms := v.ToFloat()
		if !(ms > 0) {
			sc.timeout = 0
			if sc.timer != nil {
				sc.timer.Stop()
			}
			return
		}
		sc.timeout = time.Duration(ms * float64(time.Millisecond))
		sc.armTimer(sc.timeout)
	})
	// close and fullClose stop serving requests and close once the queued answers are out;
	// forceClose drops the connection now.
	closeFn := func(c goja.FunctionCall) goja.Value {
		sc := m.serverConnOf(c.This)
		if !sc.dead {
			sc.closing = true
			sc.flush()
		}
		return goja.Undefined()
	}
	p.Set("close", closeFn)
	p.Set("fullClose", closeFn)
	p.Set("forceClose", func(c goja.FunctionCall) goja.Value {
		sc := m.serverConnOf(c.This)
		if !sc.dead {
			sc.stream.Abort(nil)
		}
		return goja.Undefined()
	})
	return p
}
