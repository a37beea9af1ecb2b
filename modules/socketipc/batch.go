package socketipc

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/modules/socketipc/wire"
)

// batch is what one read decoded into: the messages' raw members copied into one arena, and
// the error that ended the read's messages, if any.
type batch struct {
	arena []byte
	items []item
	err   error // *wire.DecodeError or a size-limit error
	raw   []byte
}

// item locates one message's members in the arena; a negative offset is a missing member.
type item struct {
	topicOff, topicEnd int
	msgOff, msgEnd     int
	isNull             bool
}

// newDecoder returns the reader-side decoder of one connection.
func newDecoder(maxMessage int) func([]byte) any {
	d := wire.NewDecoder(maxMessage)
	return func(chunk []byte) any {
		envs, err := d.Decode(chunk)
		if len(envs) == 0 && err == nil {
			return nil
		}
		b := &batch{items: make([]item, 0, len(envs))}
		size := 0
		for i := range envs {
			size += len(envs[i].Topic) + len(envs[i].Message)
		}
		b.arena = make([]byte, 0, size)
		for _, e := range envs {
			it := item{topicOff: -1, msgOff: -1, isNull: e.IsNull}
			if e.Topic != nil {
				it.topicOff = len(b.arena)
				b.arena = append(b.arena, e.Topic...)
				it.topicEnd = len(b.arena)
			}
			if e.Message != nil {
				it.msgOff = len(b.arena)
				b.arena = append(b.arena, e.Message...)
				it.msgEnd = len(b.arena)
			}
			b.items = append(b.items, it)
		}
		b.err = err
		return b
	}
}

// rawDecoder hands each chunk over as it is, for a custom transcoder.
func rawDecoder(chunk []byte) any { return append([]byte(nil), chunk...) }

// deliver emits a batch's messages on the emitter ('message', then 'message.<topic>'), as the
// library does for each decoded message; a bad message or a throwing listener destroys the
// connection and becomes an 'error' event.
func (h *connHandler) deliver(b *batch) error {
	m := h.mod
	for _, it := range b.items {
		if h.sock.Conn.Destroyed() {
			return nil
		}
		if it.isNull {
			return h.failMessage(m.rt.VM.NewTypeError("Cannot read properties of null (reading 'message')"))
		}
		topic, err := m.json.Value(slice(b.arena, it.topicOff, it.topicEnd))
		if err != nil {
			return h.failMessage(err)
		}
		msg, err := m.json.Value(slice(b.arena, it.msgOff, it.msgEnd))
		if err != nil {
			return h.failMessage(err)
		}
		if _, err := ipcnet.Emit(h.emitter, "message", msg, topic, h.clientID); err != nil {
			return h.listenerFailed(err)
		}
		if _, err := ipcnet.Emit(h.emitter, h.topicEvent(topic), msg, h.clientID); err != nil {
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

func slice(a []byte, off, end int) []byte {
	if off < 0 {
		return nil
	}
	return a[off:end]
}

// listenerFailed handles an exception thrown by a message listener as the library does:
// the connection is destroyed and the exception becomes an 'error' event. node.exit passes.
func (h *connHandler) listenerFailed(err error) error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return h.failMessage(ex)
	}
	return ipcnet.Uncaught(h.mod.rt, err)
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
