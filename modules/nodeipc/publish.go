package nodeipc

import (
	"github.com/dop251/goja"
	"strconv"
)

// quiet reports whether a node-ipc Client or Server can have its messages published straight
// from Go: logging off (config.silent) and no sync queue to run after each read.
func quiet(target *goja.Object) bool {
	cfg, ok := target.Get("config").(*goja.Object)
	if !ok {
		return false
	}
	return cfg.Get("silent").ToBoolean() && !cfg.Get("sync").ToBoolean()
}

// publish is event-pubsub's publish(type, args...) done from Go: the handlers of type are
// called with `this` the target, once-handlers are removed after the round. With '*' handlers
// present it leaves the work to the JavaScript publish.
func (m *module) publish(target *goja.Object, typ goja.Value, args ...goja.Value) error {
	events, ok := target.Get("_events_").(*goja.Object)
	if !ok {
		return nil
	}
	if all := events.Get("*"); all != nil && !goja.IsUndefined(all) {
		fn, ok := goja.AssertFunction(target.Get("publish"))
		if !ok {
			return nil
		}
		_, err := m.rt.Call(fn, target, append([]goja.Value{typ}, args...)...)
		return err
	}
	key := typ.String()
	// Only an own list of handlers counts: the type comes from the other side and may name a
	// member of Object.prototype (the handlers object has no prototype, but its owner could
	// have replaced it).
	list, ok := events.Get(key).(*goja.Object)
	if !ok || list.ClassName() != "Array" {
		return nil
	}
	n := int(list.Get("length").ToInteger())
	var one [1]*goja.Object
	handlers := one[:0]
	for i := 0; i < n; i++ {
		if h, ok := list.Get(strconv.Itoa(i)).(*goja.Object); ok {
			handlers = append(handlers, h)
		}
	}
	var once []*goja.Object
	for _, h := range handlers {
		fn, ok := goja.AssertFunction(h)
		if !ok {
			continue
		}
		if _, err := m.rt.Call(fn, target, args...); err != nil {
			return err
		}
		if o := h.Get("_once_"); o != nil && o.ToBoolean() {
			once = append(once, h)
		}
	}
	if len(once) > 0 {
		off, ok := goja.AssertFunction(target.Get("off"))
		if ok {
			for _, h := range once {
				if _, err := m.rt.Call(off, target, typ, h); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// publishBatch publishes a read's messages from Go (see quiet); on a server each message's
// data.id, when truthy, becomes the socket's id first, as node-ipc does.
func (m *module) publishBatch(target *goja.Object, b *jsonBatch, socket *goja.Object) error {
	for i := 0; i < b.Len(); i++ {
		var typ, data goja.Value
		rawType, rawData, bad := b.At(i)
		if bad != nil {
			typ, data = m.rt.VM.ToValue("error"), m.invalidJSON(bad)
		} else {
			var err error
			if typ, err = m.json.Value(rawType); err == nil {
				data, err = m.json.Value(rawData)
			}
			if ex, ok := err.(*goja.Exception); ok {
				// Nested too deep: an 'error' event, as for a message that is not JSON.
				typ, data = m.rt.VM.ToValue("error"), ex.Value()
			} else if err != nil {
				return err
			}
		}
		if socket == nil {
			if err := m.publish(target, typ, data); err != nil {
				return err
			}
			continue
		}
		if o, ok := data.(*goja.Object); ok {
			if id := o.Get("id"); id != nil && id.ToBoolean() {
				socket.Set("id", id)
			}
		}
		if err := m.publish(target, typ, data, socket); err != nil {
			return err
		}
	}
	return nil
}
