package worker

import (
	"fmt"
	"net"
	"os"

	"earlynode/internal/bus/wire"
	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// bus is a worker's end of the message bus to its supervisor: a unix socket the supervisor
// passed as a descriptor. Frames written are published to every worker; frames read are what
// any worker published.
type bus struct {
	s       *netpoll.Stream // nil once closed
	dec     wire.Decoder
	onMsg   func(wire.Message) error
	buf     []byte
	counted bool // held a reference for subscriptions
}

// openBus starts reading the bus at descriptor fd on the loop l, unreferenced.
func openBus(l *loop.Loop, fd int, onMsg func(wire.Message) error) (*bus, error) {
	f := os.NewFile(uintptr(fd), "worker-bus")
	if f == nil {
		return nil, fmt.Errorf("descriptor %d is not open", fd)
	}
	c, err := net.FileConn(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("descriptor %d: %w", fd, err)
	}
	s, err := netpoll.Adopt(l, c)
	if err != nil {
		return nil, err
	}
	b := &bus{s: s, onMsg: onMsg}
	s.Unref()
	if err := s.Start(b); err != nil {
		return nil, err
	}
	return b, nil
}

// publish writes one message to the supervisor. A bus closed (the supervisor gone) drops it.
func (b *bus) publish(m wire.Message) error {
	frame, err := wire.Append(b.buf[:0], m)
	if err != nil {
		return err
	}
	if b.s != nil {
		b.s.Write(frame) // copies what the kernel does not take at once
	}
	b.buf = frame[:0]
	return nil
}

// keepAlive makes the bus keep the loop alive (on) or not.
func (b *bus) keepAlive(on bool) {
	if b.s == nil || on == b.counted {
		return
	}
	b.counted = on
	if on {
		b.s.Ref()
	} else {
		b.s.Unref()
	}
}

// Data decodes the messages of one read. A subscriber's exception stops the program; a frame
// that breaks the format (a supervisor of another version) closes the bus.
func (b *bus) Data(p []byte) error {
	var subscriberErr error
	err := b.dec.Feed(p, func(m wire.Message) error {
		subscriberErr = b.onMsg(m)
		return subscriberErr
	})
	switch {
	case subscriberErr != nil:
		return subscriberErr
	case err != nil:
		b.s.Abort(err)
	}
	return nil
}

// EOF: the supervisor is gone; nothing more will come.
func (b *bus) EOF() error {
	b.s.Close()
	return nil
}

// End forgets the stream.
func (b *bus) End(error) error {
	b.s = nil
	return nil
}
