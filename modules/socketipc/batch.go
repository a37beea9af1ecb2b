package socketipc

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	ipcbatch "earlynode/modules/internal/ipc/batch"
	"earlynode/modules/socketipc/wire"
)

// batch is what one read decoded into: each message's topic and message (marked when the
// text was null), and the error that ended the read's messages, if any.
type batch struct {
	ipcbatch.Batch[bool]
	err error // *wire.DecodeError or a size-limit error
}

// newDecoder returns the reader-side decoder of one connection.
func newDecoder(maxMessage int) func([]byte) any {
	d := wire.NewDecoder(maxMessage)
	return func(chunk []byte) any {
		envs, err := d.Decode(chunk)
		if len(envs) == 0 && err == nil {
			return nil
		}
		b := &batch{err: err}
		size := 0
		for i := range envs {
			size += len(envs[i].Topic) + len(envs[i].Message)
		}
		b.Grow(len(envs), size)
		for _, e := range envs {
			b.Add(e.Topic, e.Message, e.IsNull)
		}
		return b
	}
}

// rawDecoder hands each chunk over as it is, for a custom transcoder.
func rawDecoder(chunk []byte) any { return append([]byte(nil), chunk...) }

// deliver emits a batch's messages on the emitter ('message', then 'message.<topic>'), as the
// library does for each decoded message; a bad message or a throwing listener destroys the
// connection and becomes an 'error' event. The messages of one read are delivered in one
// runtime.Batch, as the library delivers those of one 'data' event.
func (h *connHandler) deliver(b *batch) error {
	if b.Len() > 1 {
		return h.mod.rt.Batch(func() error { return h.deliverAll(b) })
	}
	return h.deliverAll(b)
}

func (h *connHandler) deliverAll(b *batch) error {
	m := h.mod
	for i := 0; i < b.Len(); i++ {
		if h.sock.Conn.Destroyed() {
			return nil
		}
		rawTopic, rawMsg, isNull := b.At(i)
		if isNull {
			return h.failMessage(m.rt.VM.NewTypeError("Cannot read properties of null (reading 'message')"))
		}
		topic, err := m.json.Value(rawTopic)
		if err != nil {
			return h.failMessage(err)
		}
		msg, err := m.json.Value(rawMsg)
		if err != nil {
			return h.failMessage(err)
		}
		if err := m.rt.Emit(h.emitter, "message", msg, topic, h.clientID); err != nil {
			return h.listenerFailed(err)
		}
		if err := m.rt.Emit(h.emitter, h.topicEvent(topic), msg, h.clientID); err != nil {
			return h.listenerFailed(err)
		}
	}
	if b.err != nil && !h.sock.Conn.Destroyed() {
		var de *wire.DecodeError
		var jsErr goja.Value
		if errors.As(b.err, &de) {
			jsErr = m.newDecodeError(de.Error(), string(de.RawData), h.clientID)
		} else {
			jsErr = m.newDecodeError(fmt.Sprintf("Failed to decode, caused by: message longer than the limit of %d bytes", h.maxMessage), goja.Undefined(), h.clientID)
		}
		return h.failMessage(jsErr)
	}
	return nil
}

// listenerFailed handles an exception thrown by a message listener (the error Runtime.Emit
// gave) as the library does: the connection is destroyed and the exception becomes an 'error'
// event. node.exit passes.
func (h *connHandler) listenerFailed(err error) error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return h.failMessage(ex)
	}
	return err
}

// topicEvent is "message." + topic, remembered for the last topic seen.
func (h *connHandler) topicEvent(topic goja.Value) string {
	t := topic.String()
	if t != h.lastTopic {
		h.lastTopic = t
		h.lastEvent = "message." + t
	}
	return h.lastEvent
}
