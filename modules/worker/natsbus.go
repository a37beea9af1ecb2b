package worker

import (
	"os"
	"strings"

	"earlynode/internal/bus/natslink"
	"earlynode/loop"
)

// EnvNATS names the environment variable that puts node.worker's messages on NATS: a
// comma-separated list of NATS URLs. Every process with it set, a worker or not, on any
// machine, then reaches every other through publish and subscribe (docs/scaling.md).
const EnvNATS = "EARLYNODE_BUS"

// natsPrefix starts the NATS subject of a node.worker subject.
const natsPrefix = "earlynode.worker."

// natsBus carries node.worker's messages on NATS through the NATS helper process
// (node --nats-helper, internal/bus/natslink).
type natsBus struct {
	link    *natslink.Link
	onMsg   func(subject string, data []byte) error
	subs    map[string]bool
	counted bool
}

// natsServers returns the URLs of EARLYNODE_BUS, or nil.
func natsServers() []string {
	v := strings.TrimSpace(os.Getenv(EnvNATS))
	if v == "" {
		return nil
	}
	var urls []string
	for _, u := range strings.Split(v, ",") {
		if u = strings.TrimSpace(u); u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}

// openNATS starts the helper on the loop l.
func openNATS(l *loop.Loop, servers []string, onMsg func(string, []byte) error) (*natsBus, error) {
	b := &natsBus{onMsg: onMsg, subs: map[string]bool{}}
	link, err := natslink.Start(l, natslink.Config{Servers: servers}, b)
	if err != nil {
		return nil, err
	}
	b.link = link
	return b, nil
}

func (b *natsBus) publish(subject string, data []byte) { b.link.Publish(natsPrefix+subject, data) }

// subscribe asks NATS for subject's messages (once per subject).
func (b *natsBus) subscribe(subject string) {
	if !b.subs[subject] {
		b.subs[subject] = true
		b.link.Subscribe(natsPrefix + subject)
	}
}

// keepAlive makes the link keep the loop alive (on) or not.
func (b *natsBus) keepAlive(on bool) {
	if on != b.counted {
		b.counted = on
		b.link.KeepAlive(on)
	}
}

// Message hands a message to the subscribers (natslink.Handler).
func (b *natsBus) Message(subject string, data []byte) error {
	return b.onMsg(strings.TrimPrefix(subject, natsPrefix), data)
}

// Up (natslink.Handler): nothing to do; subscriptions are renewed by NATS's client.
func (b *natsBus) Up() error { return nil }

// Down (natslink.Handler): messages published meanwhile wait in the helper.
func (b *natsBus) Down() error { return nil }

// Error reports a problem of the link on stderr (natslink.Handler).
func (b *natsBus) Error(err error) {
	os.Stderr.WriteString("node: node.worker on NATS: " + err.Error() + "\n")
}
