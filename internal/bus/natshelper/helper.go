// Package natshelper is the NATS helper of earlynode's PeerServer cluster and node.worker bus
// (internal/bus/natslink, docs/scaling.md): the node binary itself, started as
// `node --nats-helper [-server nats://host:4222 ...] [-listen 127.0.0.1:4222]` by a node
// process with its end of a socket pair as descriptor 3. It connects to NATS (or runs the
// embedded NATS server when it is the first on the machine to find the address free) and
// carries publications and subscriptions between the socket and NATS. It exits when the
// socket closes. NATS's goroutines thus never share a process with a JavaScript loop.
package natshelper

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"earlynode/internal/bus/natslink"
	"earlynode/internal/bus/wire"
)

// serverList collects -server flags.
type serverList []string

func (l *serverList) String() string     { return strings.Join(*l, ",") }
func (l *serverList) Set(s string) error { *l = append(*l, s); return nil }

// Main runs the helper with the arguments that follow --nats-helper and returns its exit
// status.
func Main(args []string) int {
	fs := flag.NewFlagSet("node "+natslink.HelperArg, flag.ContinueOnError)
	var servers serverList
	fs.Var(&servers, "server", "a NATS URL to connect to (repeatable); none: the embedded server")
	listen := fs.String("listen", "127.0.0.1:4222", "host:port of the embedded NATS server")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	return run(servers, *listen)
}

// maxPending bounds the bytes of frames waiting while another goroutine writes; a sender
// waits beyond it (as it waited for each write before), so that nats.go's slow-consumer
// limits apply to a node process that does not read.
const maxPending = 8 << 20

// flushAt is how much a subscription with more messages waiting gathers before writing.
const flushAt = 256 << 10

// link is the helper's end of the socket. Frames are gathered and written by whichever sender
// finds no write under way, together with whatever others queued meanwhile; a subscription
// whose next message is already waiting in nats.go only queues, so that a burst costs one
// system call rather than one per message (profile of scripts/bench/cluster.sh: the
// receiving helper spent most of its time in a write per message), while a lone message is
// written at once, by the goroutine that got it.
type link struct {
	conn    net.Conn
	mu      sync.Mutex
	room    *sync.Cond // signalled when a writer takes out
	out     []byte     // frames not yet written
	spare   []byte     // the other buffer
	writing bool
	failed  bool // a write failed: node is gone; the helper ends when its read fails
}

// newLink returns the link on conn.
func newLink(conn net.Conn) *link {
	l := &link{conn: conn}
	l.room = sync.NewCond(&l.mu)
	return l
}

// send writes one frame for node (with what others queued).
func (l *link) send(subject string, data []byte) { l.queue(subject, data, false) }

// queue adds one frame and writes unless another goroutine is writing or, with more (the
// sender has another message waiting), until flushAt bytes have gathered.
func (l *link) queue(subject string, data []byte, more bool) {
	l.mu.Lock()
	for l.writing && len(l.out) >= maxPending {
		l.room.Wait()
	}
	frame, err := wire.Append(l.out, wire.Message{Subject: subject, Data: data})
	if err != nil {
		frame, _ = wire.Append(l.out, wire.Message{Subject: natslink.SubjectError, Data: []byte(err.Error())})
	}
	l.out = frame
	if l.writing || more && len(l.out) < flushAt {
		l.mu.Unlock()
		return
	}
	l.writing = true
	for len(l.out) > 0 {
		buf := l.out
		l.out = l.spare[:0]
		l.room.Broadcast()
		l.mu.Unlock()
		if !l.failed {
			_, err := l.conn.Write(buf)
			l.failed = err != nil
		}
		l.mu.Lock()
		l.spare = buf[:0]
	}
	l.writing = false
	l.mu.Unlock()
}

// received passes a message of a subscription on to node, gathering it with the next when
// that is already waiting.
func (l *link) received(msg *nats.Msg) {
	pending, _, _ := msg.Sub.Pending() // msg itself among them, until its callback returns
	l.queue(msg.Subject, msg.Data, pending > 1)
}

func run(servers []string, listen string) int {
	f := os.NewFile(natslink.LinkFD, "natslink")
	conn, err := net.FileConn(f)
	if f != nil {
		f.Close()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "node %s: descriptor %d is not the link to node (%v); it is started by a clustered PeerServer or node.worker\n", natslink.HelperArg, natslink.LinkFD, err)
		return 2
	}
	l := newLink(conn)
	var embed *embedded
	urls := servers
	if len(urls) == 0 {
		embed = &embedded{listen: listen}
		if err := embed.ensure(); err != nil {
			l.send(natslink.SubjectError, []byte(err.Error()))
		}
		urls = []string{"nats://" + listen}
		defer embed.close()
	}
	nc, err := nats.Connect(strings.Join(urls, ","),
		nats.Name("earlynode PeerServer"),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.CustomReconnectDelay(func(int) time.Duration {
			if embed != nil {
				embed.ensure() // the process that ran it may be gone: run it here
			}
			return 100 * time.Millisecond
		}),
		nats.ConnectHandler(func(*nats.Conn) { l.send(natslink.SubjectUp, nil) }),
		nats.DisconnectErrHandler(func(*nats.Conn, error) { l.send(natslink.SubjectDown, nil) }),
		nats.ReconnectHandler(func(*nats.Conn) { l.send(natslink.SubjectUp, nil) }),
	)
	if err != nil {
		l.send(natslink.SubjectError, []byte("NATS: "+err.Error()))
		return 1
	}
	defer nc.Close()
	if nc.IsConnected() {
		l.send(natslink.SubjectUp, nil)
	}
	var dec wire.Decoder
	buf := make([]byte, 64<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			ferr := dec.Feed(buf[:n], func(m wire.Message) error {
				if m.Subject == natslink.SubjectSubscribe {
					_, err := nc.Subscribe(string(m.Data), l.received)
					if err != nil {
						l.send(natslink.SubjectError, []byte("NATS subscribe: "+err.Error()))
					}
					return nil
				}
				if err := nc.Publish(m.Subject, m.Data); err != nil {
					l.send(natslink.SubjectError, []byte("NATS publish: "+err.Error()))
				}
				return nil
			})
			if ferr != nil {
				fmt.Fprintf(os.Stderr, "node %s: %v\n", natslink.HelperArg, ferr)
				return 1
			}
		}
		if err != nil {
			return 0 // node closed the link
		}
	}
}
