// Package nodeipc is earlynode's built-in node-ipc 9.2.1: require("node-ipc") gives the IPC
// singleton (and the IPC class), speaking the library's wire format (docs/wire/node-ipc.md) over unix
// sockets, TCP, TLS and UDP.
//
// The API's shape (config, log, serve/connect argument juggling, pubsub events, retries, the
// sync queue) is nodeipc.js; the sockets, the framing (package wire), the message encoding and
// decoding, util.inspect for the log and the colour getters of String.prototype are Go. Each
// read is decoded on the connection's goroutine and reaches JavaScript as one call per read.
package nodeipc

import (
	_ "embed"
	"fmt"
	"os"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/runtime"
)

//go:embed nodeipc.js
var apiJS string

//go:embed pubsub.js
var pubsubJS string

// Name is the name the package is required by.
const Name = "node-ipc"

// Install registers the package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage(Name, func(rt *runtime.Runtime) goja.Value {
		return newModule(rt).exports
	})
}

// module is one runtime's instance of the package.
type module struct {
	rt      *runtime.Runtime
	json    *ipcnet.JSON
	exports goja.Value

	clientChunk, clientRaw                goja.Callable
	serverChunk, serverRaw, serverCreated goja.Callable
	serverSocketError, serverSocketClosed goja.Callable
	udpReceived                           goja.Callable

	syntaxError, typeError goja.Constructor
	buf                    []byte
}

func newModule(rt *runtime.Runtime) *module {
	m := &module{rt: rt, json: ipcnet.NewJSON(rt)}
	installColors(rt)
	pubsub := rt.LoadGlue("nodeipc/pubsub.js", pubsubJS, nil).Exports
	host, _ := os.Hostname()
	natives := m.natives()
	natives["hostname"] = rt.VM.ToValue(host)
	natives["pubsub"] = pubsub
	g := rt.LoadGlue("nodeipc/nodeipc.js", apiJS, natives)
	m.exports = g.Exports
	m.clientChunk, m.clientRaw = g.Hook("clientChunk"), g.Hook("clientRaw")
	m.serverChunk, m.serverRaw, m.serverCreated = g.Hook("serverChunk"), g.Hook("serverRaw"), g.Hook("serverCreated")
	m.serverSocketError, m.serverSocketClosed = g.Hook("serverSocketError"), g.Hook("serverSocketClosed")
	m.udpReceived = g.Hook("udpReceived")
	m.syntaxError, _ = goja.AssertConstructor(rt.VM.Get("SyntaxError"))
	m.typeError, _ = goja.AssertConstructor(rt.VM.Get("TypeError"))
	return m
}

// call runs a JavaScript function from the loop.
func (m *module) call(fn goja.Callable, args ...goja.Value) error {
	_, err := m.rt.Call(fn, goja.Undefined(), args...)
	return err
}

// natives is what nodeipc.js is given: the native mechanism.
func (m *module) natives() runtime.Natives {
	vm := m.rt.VM
	b := runtime.Natives{
		"connect":   m.connect,
		"netServer": m.netServer,
		"udpSocket": m.udpSocket,
		"rawBuffer": m.rawBuffer,
	}
	// send(socket, type, data, delimiter) -> whether the socket took the message natively
	b["send"] = func(c goja.FunctionCall) goja.Value {
		s := ipcnet.SocketOf(m.rt, c.Argument(0))
		if s == nil {
			return vm.ToValue(false)
		}
		frame := m.encode(c.Argument(1), c.Argument(2), c.Argument(3).String())
		s.Write(frame)
		return vm.ToValue(true)
	}
	// broadcast(sockets, type, data, delimiter) -> whether every socket took it natively
	b["broadcast"] = func(c goja.FunctionCall) goja.Value {
		arr, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		n := int(arr.Get("length").ToInteger())
		socks := make([]*ipcnet.Socket, n)
		for i := 0; i < n; i++ {
			if socks[i] = ipcnet.SocketOf(m.rt, arr.Get(strconv.Itoa(i))); socks[i] == nil {
				return vm.ToValue(false)
			}
		}
		frame := m.encode(c.Argument(1), c.Argument(2), c.Argument(3).String())
		for _, s := range socks {
			s.Write(frame)
		}
		return vm.ToValue(true)
	}
	// frame(type, data, delimiter) -> the message text
	b["frame"] = func(c goja.FunctionCall) goja.Value {
		return m.rt.ValueOf(m.encode(c.Argument(0), c.Argument(1), c.Argument(2).String()), runtime.UTF8)
	}
	b["readFile"] = func(c goja.FunctionCall) goja.Value {
		data, err := os.ReadFile(c.Argument(0).String())
		if err != nil {
			panic(m.rt.NewError(fmt.Sprintf("ENOENT: no such file or directory, open '%s' (%v)", c.Argument(0).String(), err)))
		}
		return m.rt.NewBuffer(data)
	}
	// unlink(path, callback): where the library calls fs.unlink on the socket path before
	// serving, earlynode removes only a stale socket (ipcnet.RemoveStaleSocket): a file of any
	// other kind, or a live server's socket, stays, and listening then fails with EADDRINUSE
	// saying what is there. The callback runs on a later turn.
	b["unlink"] = func(c goja.FunctionCall) goja.Value {
		path := c.Argument(0).String()
		cb, _ := goja.AssertFunction(c.Argument(1))
		m.rt.Loop.Do(func() loop.Callback {
			err := ipcnet.RemoveStaleSocket(path)
			return func() error {
				if cb == nil {
					return nil
				}
				var arg goja.Value = goja.Null()
				if err != nil {
					arg = m.rt.NewError(err.Error())
				}
				_, e := m.rt.Call(cb, goja.Undefined(), arg)
				return e
			}
		})
		return goja.Undefined()
	}
	b["inspect"] = func(c goja.FunctionCall) goja.Value {
		depth := 5
		if d := c.Argument(1); !goja.IsUndefined(d) && !goja.IsNull(d) {
			f := d.ToFloat()
			if f > 1000 || f != f {
				depth = 1000
			} else {
				depth = int(f)
			}
		}
		return vm.ToValue(runtime.Inspect(c.Argument(0), runtime.InspectOptions{Depth: depth, Colors: c.Argument(2).ToBoolean()}))
	}
	return b
}
