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

// link is the helper's end of the socket: writes from NATS's goroutines are serialised.
type link struct {
	mu   sync.Mutex
	conn net.Conn
	buf  []byte
}

func (l *link) send(subject string, data []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	frame, err := wire.Append(l.buf[:0], wire.Message{Subject: subject, Data: data})
	if err != nil {
		frame, _ = wire.Append(l.buf[:0], wire.Message{Subject: natslink.SubjectError, Data: []byte(err.Error())})
	}
	l.conn.Write(frame)
	l.buf = frame[:0]
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
	l := &link{conn: conn}
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
					_, err := nc.Subscribe(string(m.Data), func(msg *nats.Msg) { l.send(msg.Subject, msg.Data) })
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
