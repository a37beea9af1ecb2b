package nodeipc

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/batch"
	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/modules/nodeipc/wire"
)

// encode makes the JSON-mode frame of emit(type, data): node-ipc's data rule (falsy but not
// false or 0 becomes {}, and so does an EventEmitter), JSON.stringify({type, data}) and the
// delimiter. An exception from JSON.stringify (a cycle) is thrown to the caller, as the real
// library throws it from emit.
func (m *module) encode(typ, data goja.Value, delimiter string) []byte {
	data = normalizeData(m.rt.VM, data)
	buf := m.buf[:0]
	buf = append(buf, `{"type":`...)
	mark := len(buf)
	var ok bool
	var err error
	if buf, ok, err = m.json.AppendStringify(buf, typ); err != nil {
		panic(err)
	}
	hasType := ok
	if !ok {
		buf = buf[:mark-len(`"type":`)]
	} else {
		buf = append(buf, ',')
	}
	buf = append(buf, `"data":`...)
	mark = len(buf)
	if buf, ok, err = m.json.AppendStringify(buf, data); err != nil {
		panic(err)
	}
	if !ok {
		buf = buf[:mark-len(`"data":`)]
		if hasType {
			buf = buf[:len(buf)-1]
		}
	}
	buf = append(buf, '}')
	buf = append(buf, delimiter...)
	m.buf = buf
	return buf
}

// normalizeData applies js-message's rule for data before it is stringified.
func normalizeData(vm *goja.Runtime, data goja.Value) goja.Value {
	if data == nil {
		return vm.NewObject()
	}
	if !data.ToBoolean() {
		if b, isBool := data.Export().(bool); isBool && !b {
			return data
		}
		if n, isNum := numberOf(data); isNum && n == 0 {
			return data
		}
		return vm.NewObject()
	}
	if o, isObj := data.(*goja.Object); isObj {
		if ml := o.Get("_maxListeners"); ml != nil && ml.ToBoolean() {
			return vm.NewObject()
		}
	}
	return data
}

func numberOf(v goja.Value) (float64, bool) {
	switch x := v.Export().(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// rawBuffer is Buffer.from(string, encoding) with Node's exact rules (wire.EncodeString).
func (m *module) rawBuffer(c goja.FunctionCall) goja.Value {
	enc, err := wire.ParseEncoding(c.Argument(1).String())
	if err != nil {
		panic(m.rt.VM.NewTypeError(err.Error()))
	}
	return m.rt.NewBuffer(wire.EncodeString(nil, c.Argument(0).String(), enc))
}

// jsonBatch is what one read (or one datagram) decoded into, in JSON mode: each message's type
// and data, or the parse error node-ipc publishes instead.
type jsonBatch struct {
	batch.Batch[*wire.ParseError]
	partial bool  // a message is still incomplete after this read
	tooBig  error // a message passed the size limit
}

func (b *jsonBatch) add(msgs []wire.Message) {
	size := 0
	for i := range msgs {
		size += len(msgs[i].Type) + len(msgs[i].Data)
	}
	b.Grow(len(msgs), size)
	for _, msg := range msgs {
		if msg.Err != nil {
			b.Add(nil, nil, msg.Err)
			continue
		}
		b.Add(msg.Type, msg.Data, nil)
	}
}

// streamDecoder returns the reader-side decoder of a stream socket in the given mode.
func streamDecoder(raw bool, enc wire.Encoding, delimiter string, maxMessage int) ipcnet.Decoder {
	if raw {
		d := wire.NewRawDecoder(enc)
		return func(chunk []byte) any {
			out := d.Decode(nil, chunk)
			if len(out) == 0 {
				return nil
			}
			return out
		}
	}
	d := wire.NewDecoder(delimiter, maxMessage)
	return func(chunk []byte) any {
		msgs, err := d.Decode(chunk)
		b := &jsonBatch{partial: d.Buffered() > 0, tooBig: err}
		b.add(msgs)
		return b
	}
}

// values turns a batch into the flat [type, data, type, data, ...] array the JavaScript side
// publishes.
func (m *module) values(b *jsonBatch) (*goja.Object, error) {
	vals := make([]any, 0, 2*b.Len())
	for i := 0; i < b.Len(); i++ {
		typ, data, bad := b.At(i)
		if bad != nil {
			vals = append(vals, "error", m.invalidJSON(bad))
			continue
		}
		t, err := m.json.Value(typ)
		if err != nil {
			return nil, err
		}
		d, err := m.json.Value(data)
		if err != nil {
			return nil, err
		}
		vals = append(vals, t, d)
	}
	return m.rt.VM.NewArray(vals...), nil
}

// invalidJSON is the data of the 'error' event node-ipc publishes for a text that is not JSON.
func (m *module) invalidJSON(pe *wire.ParseError) goja.Value {
	vm := m.rt.VM
	o := vm.NewObject()
	o.Set("message", wire.InvalidJSONMessage)
	if pe.Null {
		e, _ := m.typeError(nil, vm.ToValue("Cannot read properties of null (reading 'type')"))
		o.Set("err", e)
		o.Set("response", goja.Null())
		return o
	}
	msg := pe.Error()
	if pe.Cause != nil {
		msg = pe.Cause.Error()
	}
	e, _ := m.syntaxError(nil, vm.ToValue(msg))
	o.Set("err", e)
	o.Set("response", string(pe.Response))
	return o
}

// tooLargeError is the error published when a message passes the size limit.
func (m *module) tooLargeError(err error, limit int) *goja.Object {
	msg := err.Error()
	if errors.Is(err, wire.ErrFrameTooLarge) {
		msg = fmt.Sprintf("node-ipc: a received message is longer than the limit of %d bytes (config.maxMessageSize); the connection is closed", limit)
	}
	e := m.rt.NewError(msg)
	e.Set("code", "ERR_IPC_MESSAGE_TOO_LARGE")
	return e
}
