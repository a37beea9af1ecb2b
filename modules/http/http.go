package http

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

//go:embed http.js
var httpJS string

// module is node.http inside one runtime. Everything in it is touched only on the loop.
type module struct {
	rt *runtime.Runtime

	serverProto   *goja.Object // node.http.Server.prototype
	connProto     *goja.Object // node.http.Connection.prototype
	requestProto  *goja.Object // node.http.ServerRequest.prototype
	responseProto *goja.Object // node.http.ServerResponse.prototype
	clientProto   *goja.Object // node.http.Client.prototype
	creqProto     *goja.Object // node.http.ClientRequest.prototype
	cresProto     *goja.Object // node.http.ClientResponse.prototype
	uriProto      *goja.Object // prototype of request.uri and parseUri results

	// The response object responseOf found last, and its Go side.
	lastResponseObj *goja.Object
	lastResponse    *response

	headerScratch []wire.Header // sendHeader's list of headers, reused

	// The connections with answers to write at the end of this turn (flushTurn), and the
	// list's spare.
	toFlush, flushSpare []*serverConn

	// Values made once: common strings the hot path hands to JavaScript.
	strGET, strPOST, str11, str10 goja.Value
	indexKeys                     []string
}

// Install adds node.http (made on first use) and node.cat to the runtime.
func Install(rt *runtime.Runtime) {
	m := &module{rt: rt}
	rt.Lazy(rt.Node(), "http", m.namespace)
	rt.Node().Set("cat", m.nodeCat)
}

// namespace builds the node.http object: http.js over the native factories and types.
func (m *module) namespace() goja.Value {
	vm := m.rt.VM
	m.strGET, m.strPOST = vm.ToValue("GET"), vm.ToValue("POST")
	m.str11, m.str10 = vm.ToValue("1.1"), vm.ToValue("1.0")
	m.indexKeys = make([]string, 64)
	for i := range m.indexKeys {
		m.indexKeys[i] = strconv.Itoa(i)
	}
	m.uriProto = m.uriPrototype()
	m.serverProto = m.serverPrototype()
	m.connProto = m.connectionPrototype()
	m.requestProto = m.requestPrototype()
	m.responseProto = m.responsePrototype()
	m.clientProto = m.clientPrototype()
	m.creqProto = m.clientRequestPrototype()
	m.cresProto = m.clientResponsePrototype()

	codes := vm.NewObject()
	for _, s := range wire.StatusCodes() {
		codes.Set(strconv.Itoa(s.Code), s.Reason)
	}
	natives := runtime.Natives{
		"createServer": func(c goja.FunctionCall) goja.Value {
			return m.newServer(c.Argument(0), c.Argument(1)).obj
		},
		"createClient": func(c goja.FunctionCall) goja.Value {
			return m.newClient(c.Argument(0), c.Argument(1))
		},
		"cat": m.httpCat,
		"parseUri": func(c goja.FunctionCall) goja.Value {
			return m.uriObject(wire.ParseURI(c.Argument(0).String()))
		},
		"STATUS_CODES": codes,
	}
	for name, proto := range map[string]*goja.Object{
		"Server": m.serverProto, "Connection": m.connProto,
		"ServerRequest": m.requestProto, "ServerResponse": m.responseProto,
		"Client": m.clientProto, "ClientRequest": m.creqProto, "ClientResponse": m.cresProto,
	} {
		natives[name] = m.typeObject(name, proto)
	}
	return m.rt.LoadGlue("http/http.js", httpJS, natives).Exports
}

// typeObject makes a constructor-like function for instanceof checks: node.http.Server and
// friends are made by the module, not by users, as the man page says.
func (m *module) typeObject(name string, proto *goja.Object) goja.Value {
	fn := m.rt.VM.ToValue(func(call goja.ConstructorCall) *goja.Object {
		panic(m.rt.NewError("node.http." + name + " objects are made by node.http, not with new"))
	}).(*goja.Object)
	fn.Set("prototype", proto)
	proto.DefineDataProperty("constructor", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return fn
}

// newEmitterWith returns a new object inheriting proto.
func (m *module) newEmitterWith(proto *goja.Object) *goja.Object {
	o := m.rt.VM.NewObject()
	o.SetPrototype(proto)
	return o
}

// emitterProto returns a new prototype object inheriting node.EventEmitter.prototype.
func (m *module) emitterProto() *goja.Object {
	p := m.rt.VM.NewObject()
	p.SetPrototype(m.rt.EmitterPrototype())
	return p
}

// errorValue makes an Error for an `error` event or an errback.
func (m *module) errorValue(msg string) *goja.Object { return m.rt.NewError(msg) }

// throw panics with a JavaScript Error naming the method that failed.
func (m *module) throw(method string, msg string) {
	panic(m.rt.NewError(method + "(): " + msg))
}

// isHTTPLocation reports whether node.cat should fetch loc with node.http.cat.
func isHTTPLocation(loc string) bool {
	l := strings.ToLower(loc)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
