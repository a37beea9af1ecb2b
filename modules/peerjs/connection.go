package peerjs

import (
	"encoding/json"
	"fmt"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
	"earlynode/modules/binarypack/jsvalue"
	"earlynode/modules/peerjs/client"
)

// jsClose is natives.close(connection).
func (cn *conn) jsClose() goja.Value {
	if cn.core != nil {
		cn.core.Close()
	}
	return goja.Undefined()
}

// jsCloseAfterFlush is natives.closeAfterFlush(connection).
func (cn *conn) jsCloseAfterFlush() goja.Value {
	if cn.core != nil {
		cn.core.CloseAfterFlush()
	}
	return goja.Undefined()
}

// jsBufferedAmount is natives.bufferedAmount(connection).
func (cn *conn) jsBufferedAmount() goja.Value {
	if cn.core == nil {
		return cn.p.m.rt.VM.ToValue(0)
	}
	return cn.p.m.rt.VM.ToValue(cn.core.BufferedAmount())
}

// jsSend is natives.send(connection, data): it sends one value and returns
// undefined, or the Error to emit.
func (cn *conn) jsSend(c goja.FunctionCall) goja.Value {
	m := cn.p.m
	if cn.core == nil {
		return m.newError(string(client.ErrNotOpenYet), "Connection is not open. You should listen for the `open` event before sending messages.")
	}
	v, err := m.outgoing(cn.core.Serialization(), c.Argument(1))
	if err != nil {
		return m.newError(string(client.ErrInvalidMessage), err.Error())
	}
	if err := cn.core.Send(v); err != nil {
		return m.coreError(err)
	}
	return goja.Undefined()
}

// outgoing turns a JavaScript value into what the core sends for the
// serialization: packed BinaryPack bytes, JSON text, or a string or bytes
// for raw.
func (m *module) outgoing(ser client.Serialization, v goja.Value) (any, error) {
	switch ser {
	case client.SerializationJSON:
		text, err := m.jsonText(v)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(text), nil
	case client.SerializationRaw:
		if o, ok := v.(*goja.Object); ok {
			if b, ok := m.packer.Bytes(o); ok {
				return append([]byte(nil), b...), nil
			}
		} else if s, ok := v.Export().(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("a raw connection sends strings and binary data, not %s", describeType(v))
	}
	b, err := m.packer.Pack(v)
	if err != nil {
		return nil, fmt.Errorf("cannot pack the value: %s", jsvalue.ErrorMessage(err))
	}
	return binarypack.Packed(b), nil
}

// jsonText is JSON.stringify(v), with its exceptions (cycles, BigInt) and
// unserializable values (undefined, functions) as errors.
func (m *module) jsonText(v goja.Value) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("JSON.stringify failed: %v", r)
		}
	}()
	r, jerr := m.stringify(m.jsonObj, v)
	if jerr != nil {
		if ex, ok := jerr.(*goja.Exception); ok {
			return "", fmt.Errorf("JSON.stringify failed: %s", ex.Value().String())
		}
		return "", fmt.Errorf("JSON.stringify failed: %v", jerr)
	}
	if r == nil || goja.IsUndefined(r) {
		return "", fmt.Errorf("%s has no JSON form", describeType(v))
	}
	return r.String(), nil
}

// describeType names a value's type for error messages.
func describeType(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "a function"
		}
		return "an object of class " + o.ClassName()
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "a symbol"
	}
	return "a " + jsvalue.TypeOf(v)
}

// messageValue turns a received message into the value of the "data"
// event: the decoded BinaryPack value, the parsed JSON, or for raw a string
// (text message) or an ArrayBuffer (binary message).
func (m *module) messageValue(msg client.Message) (goja.Value, error) {
	vm := m.rt.VM
	switch msg.Serialization {
	case client.SerializationJSON:
		v, err := m.parse(m.jsonObj, m.rt.ValueOfUTF8(msg.Data))
		if err != nil {
			return nil, fmt.Errorf("a JSON message could not be parsed: %v", err)
		}
		return v, nil
	case client.SerializationRaw:
		if msg.Text {
			return m.rt.ValueOfUTF8(msg.Data), nil
		}
		return vm.ToValue(vm.NewArrayBuffer(msg.Data)), nil
	}
	return m.packer.Unpack(msg.Value), nil
}
