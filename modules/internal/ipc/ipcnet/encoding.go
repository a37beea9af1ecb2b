package ipcnet

import (
	"strings"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// EncodeString is Buffer.from(s, encoding) for Node's encoding names; utf8 (the default for an
// unknown name, as Node does for writes) is done in Go, the others by the runtime's Buffer.
func EncodeString(rt *runtime.Runtime, s string, encoding string) ([]byte, error) {
	switch strings.ToLower(encoding) {
	case "utf8", "utf-8", "":
		return []byte(s), nil
	}
	v, err := BufferFrom(rt, rt.VM.ToValue(s), encoding)
	if err != nil {
		return nil, err
	}
	return rt.BytesOf(v, runtime.BufferEncoding)
}

// BufferFrom calls JavaScript's Buffer.from(v, encoding).
func BufferFrom(rt *runtime.Runtime, v goja.Value, encoding string) (goja.Value, error) {
	buf := rt.VM.Get("Buffer").ToObject(rt.VM)
	from, _ := goja.AssertFunction(buf.Get("from"))
	return from(buf, v, rt.VM.ToValue(encoding))
}

// DecodeString is buffer.toString(encoding) for Node's encoding names.
func DecodeString(rt *runtime.Runtime, b []byte, encoding string) (goja.Value, error) {
	switch strings.ToLower(encoding) {
	case "utf8", "utf-8", "":
		return rt.ValueOf(b, runtime.UTF8), nil
	}
	buf := rt.NewBuffer(b)
	ts, _ := goja.AssertFunction(buf.Get("toString"))
	return ts(buf, rt.VM.ToValue(encoding))
}
