package natslink

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"time"

	"earlynode/internal/bus/natsembed"
	"earlynode/internal/bus/wire"
	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// HelperEnv names the environment variable that gives the helper's path (an earlynode node
// binary, or the helper program); by default it is the helper the running binary carries
// (internal/bus/natsembed), or the running binary itself when it links the helper.
const HelperEnv = "EARLYNODE_NATS"

// HelperArg is the first argument that makes a node binary the NATS helper
// (internal/bus/natshelper) instead of running a script.
const HelperArg = "--nats-helper"

// Config says which NATS to reach.
type Config struct {
	// Servers are NATS URLs. Empty: the server embedded at Listen (started by the first helper
	// on the machine to find Listen free).
	Servers []string
	// Listen is the embedded server's host:port.
	Listen string
	// Helper is the path of the program to run as the helper; "" means $EARLYNODE_NATS,
	// else the helper embedded in the running binary, else the running binary.
	Helper string
}

// Handler receives a link's events, on the loop.
type Handler interface {
	// Message is a message of a subscription; data is valid only during the call.
	Message(subject string, data []byte) error
	// Up says the link reached NATS (first, and after each loss).
	Up() error
	// Down says the link lost NATS; messages published meanwhile wait in the helper.
	Down() error
	// Error reports a problem the link goes on after.
	Error(err error)
}

// Link is one helper process and the socket to it. Its methods run on the loop.
type Link struct {
	s   *netpoll.Stream // nil once closed
	h   Handler
	cmd *exec.Cmd
	dec wire.Decoder
	buf []byte
}

// HelperPath returns the helper's path as Config.Helper, $EARLYNODE_NATS and the running
// binary say: a binary built with the natsembed tag runs the helper it carries, written out
// on first use; any other runs itself as `node --nats-helper`.
func HelperPath(cfg Config) (string, error) {
	if cfg.Helper != "" {
		return cfg.Helper, nil
	}
	if p := os.Getenv(HelperEnv); p != "" {
		return p, nil
	}
	if natsembed.Embedded {
		return natsembed.Executable()
	}
	return os.Executable()
}

// Start starts the helper and reads its events on the loop l. The link does not keep the loop
// alive. Close ends it.
func Start(l *loop.Loop, cfg Config, h Handler) (*Link, error) {
	path, err := HelperPath(cfg)
	if err != nil {
		return nil, err
	}
	pair, err := socketpair()
	if err != nil {
		return nil, err
	}
	ours, theirs := os.NewFile(uintptr(pair[0]), "natslink"), os.NewFile(uintptr(pair[1]), "natslink")
	defer theirs.Close()
	args := []string{HelperArg, "-listen", cfg.Listen}
	for _, s := range cfg.Servers {
		args = append(args, "-server", s)
	}
	cmd, err := startHelper(func() *exec.Cmd {
		cmd := exec.Command(path, args...)
		cmd.ExtraFiles = []*os.File{theirs} // LinkFD
		cmd.Stderr = os.Stderr
		cmd.SysProcAttr = helperAttr()
		return cmd
	})
	if err != nil {
		ours.Close()
		return nil, fmt.Errorf("starting the NATS helper %s: %w", path, err)
	}
	go cmd.Wait() // reaped whenever it ends; it ends when the link closes
	c, err := net.FileConn(ours)
	ours.Close()
	if err != nil {
		cmd.Process.Kill()
		return nil, err
	}
	s, err := netpoll.Adopt(l, c)
	if err != nil {
		cmd.Process.Kill()
		return nil, err
	}
	k := &Link{s: s, h: h, cmd: cmd}
	s.Unref()
	if err := s.Start(k); err != nil {
		cmd.Process.Kill()
		return nil, err
	}
	return k, nil
}

// startHelper starts the command newCmd makes. A helper just written out can be busy for a
// moment (ETXTBSY: a child forked by another goroutine while the file was open for writing
// still holds it), so that error is retried, with a new command, for up to a second.
func startHelper(newCmd func() *exec.Cmd) (*exec.Cmd, error) {
	const delay = 5 * time.Millisecond
	for waited := time.Duration(0); ; waited += delay {
		cmd := newCmd()
		err := cmd.Start()
		if err == nil || !errors.Is(err, syscall.ETXTBSY) || waited >= time.Second {
			return cmd, err
		}
		time.Sleep(delay)
	}
}

// send writes one frame to the helper; a closed link drops it.
func (k *Link) send(subject string, data []byte) {
	if k.s == nil {
		return
	}
	frame, err := wire.Append(k.buf[:0], wire.Message{Subject: subject, Data: data})
	if err != nil {
		k.h.Error(err)
		return
	}
	k.s.Write(frame)
	k.buf = frame[:0]
}

// KeepAlive makes the link keep the loop alive (on), or not (the default).
func (k *Link) KeepAlive(on bool) {
	if k.s == nil {
		return
	}
	if on {
		k.s.Ref()
	} else {
		k.s.Unref()
	}
}

// Subscribe asks for the messages of subject.
func (k *Link) Subscribe(subject string) { k.send(SubjectSubscribe, []byte(subject)) }

// Publish publishes data on subject.
func (k *Link) Publish(subject string, data []byte) { k.send(subject, data) }

// Close ends the link; the helper exits when it sees the socket close.
func (k *Link) Close() {
	if k.s != nil {
		k.s.Close()
		k.s = nil
	}
}

// Data decodes the helper's frames (netpoll.Handler).
func (k *Link) Data(p []byte) error {
	var handlerErr error
	err := k.dec.Feed(p, func(m wire.Message) error {
		switch m.Subject {
		case SubjectUp:
			handlerErr = k.h.Up()
		case SubjectDown:
			handlerErr = k.h.Down()
		case SubjectError:
			k.h.Error(errors.New(string(m.Data)))
		default:
			handlerErr = k.h.Message(m.Subject, m.Data)
		}
		return handlerErr
	})
	if handlerErr != nil {
		return handlerErr
	}
	if err != nil {
		k.h.Error(fmt.Errorf("NATS helper: %v", err))
		k.s.Abort(err)
	}
	return nil
}

// EOF: the helper ended (netpoll.Handler).
func (k *Link) EOF() error {
	if k.s != nil {
		k.s.Close()
	}
	return nil
}

// End: the socket is closed (netpoll.Handler). A helper that ended by itself leaves the link
// down for good.
func (k *Link) End(err error) error {
	if k.s == nil {
		return nil // closed by Close
	}
	k.s = nil
	k.h.Error(errors.New("the NATS helper ended"))
	return k.h.Down()
}
