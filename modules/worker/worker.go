// Package worker is node.worker: which worker of `node --workers N` this process is, and a
// publish/subscribe bus reaching every worker (docs/scaling.md).
//
// A worker is a process started by the supervisor (modules/worker/supervisor) with its index,
// the count and the descriptor of its end of the bus in the environment (identity.go). In a
// worker every TCP listener shares its port with the other workers (SO_REUSEPORT, turned on
// process-wide by Install), so that a script written for one loop serves from all of them.
// Outside a supervisor node.worker is worker 0 of 1 and publish reaches this process alone.
package worker

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/internal/bus/wire"
	"earlynode/loop/netpoll"
	"earlynode/runtime"
)

//go:embed worker.js
var workerJS string

// module is node.worker inside one runtime.
type module struct {
	rt      *runtime.Runtime
	id      Identity
	bus     *bus          // the supervisor's bus, in a worker; nil otherwise
	nats    *natsBus      // NATS, when EARLYNODE_BUS names servers (instead of bus)
	deliver goja.Callable // the glue's hook; nil until node.worker is first read
}

// Install adds node.worker to the runtime (made on first use). In a worker process it also
// makes every TCP listener share its port and opens the bus to the supervisor, not keeping the
// loop alive until something subscribes.
func Install(rt *runtime.Runtime) {
	m := &module{rt: rt, id: Self()}
	if m.id.Supervised {
		netpoll.SetReusePortDefault(true)
		if m.id.BusFD >= 0 && natsServers() == nil {
			b, err := openBus(rt.Loop, m.id.BusFD, m.received)
			if err != nil {
				rt.Out.Stderr.WriteString("node: worker bus: " + err.Error() + " (node.worker.publish reaches this worker alone)\n")
			}
			m.bus = b
		}
	}
	rt.Lazy(rt.Node(), "worker", m.namespace)
}

// namespace builds the node.worker object; with EARLYNODE_BUS set, it starts the NATS helper.
func (m *module) namespace() goja.Value {
	vm := m.rt.VM
	if servers := natsServers(); servers != nil {
		b, err := openNATS(m.rt.Loop, servers, func(subject string, data []byte) error {
			return m.received(wire.Message{Subject: subject, Data: data})
		})
		if err != nil {
			m.rt.Out.Stderr.WriteString("node: " + EnvNATS + ": " + err.Error() + " (node.worker.publish reaches this process alone)\n")
		}
		m.nats = b
	}
	g := m.rt.LoadGlue("worker/worker.js", workerJS, runtime.Natives{
		"index":      vm.ToValue(m.id.Index),
		"count":      vm.ToValue(m.id.Count),
		"isWorker":   vm.ToValue(m.id.Supervised),
		"publish":    m.publish,
		"listen":     m.listen,
		"subscribed": m.subscribed,
	})
	m.deliver = g.Hook("deliver")
	return g.Exports
}

// publish(subject, text) sends a message to every worker, this one included.
func (m *module) publish(c goja.FunctionCall) goja.Value {
	msg := wire.Message{Subject: c.Argument(0).String(), Data: []byte(c.Argument(1).String())}
	if m.nats != nil {
		if _, err := wire.Append(nil, msg); err != nil {
			panic(m.rt.VM.NewGoError(err))
		}
		m.nats.publish(msg.Subject, msg.Data)
		return goja.Undefined()
	}
	if m.bus == nil {
		if _, err := wire.Append(nil, msg); err != nil { // the same limits as on the bus
			panic(m.rt.VM.NewGoError(err))
		}
		m.rt.Post(func() error { return m.received(msg) })
		return goja.Undefined()
	}
	if err := m.bus.publish(msg); err != nil {
		panic(m.rt.VM.NewGoError(err))
	}
	return goja.Undefined()
}

// listen(on) is called when the first subscription is made (true) and when the last one is
// dropped (false): a worker with subscriptions stays alive waiting for messages.
func (m *module) listen(c goja.FunctionCall) goja.Value {
	if m.nats != nil {
		m.nats.keepAlive(c.Argument(0).ToBoolean())
	}
	if m.bus != nil {
		m.bus.keepAlive(c.Argument(0).ToBoolean())
	}
	return goja.Undefined()
}

// subscribed(subject) is called when subject gets its first subscriber.
func (m *module) subscribed(c goja.FunctionCall) goja.Value {
	if m.nats != nil {
		m.nats.subscribe(c.Argument(0).String())
	}
	return goja.Undefined()
}

// received hands a message to the subscribers, on the loop.
func (m *module) received(msg wire.Message) error {
	if m.deliver == nil {
		return nil // node.worker was never read: nobody subscribed
	}
	_, err := m.rt.Call(m.deliver, goja.Undefined(), m.rt.StringValue(msg.Subject), m.rt.ValueOfUTF8(msg.Data))
	return err
}
