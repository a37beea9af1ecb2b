package http

import (
	"errors"

	"github.com/dop251/goja"
)

// symServer is the hidden property of a node.http server object holding its *Server.
var symServer = goja.NewSymbol("earlynode.http.server")

// Server is the Go side of a node.http server object.
type Server struct {
	hooks hooks
}

// serverOf returns the Go side of a node.http server object.
func serverOf(v goja.Value) (*Server, error) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, errors.New("not a node.http server object")
	}
	h := o.GetSymbol(symServer)
	if h == nil {
		return nil, errors.New("not a node.http server object")
	}
	s, ok := h.Export().(*Server)
	if !ok {
		return nil, errors.New("not a node.http server object")
	}
	return s, nil
}
