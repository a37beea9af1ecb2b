package http

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// deadlineScript serves like serverScript (a request's body is read whole before the answer)
// with the deadlines the test sets, and prints what the server reports.
const deadlineScript = `
var server = node.http.createServer(function (req, res) {
  req.addListener("complete", function () {
    var body = "plain " + req.uri.path;
    res.sendHeader(200, [["Content-Length", body.length]]);
    res.sendBody(body);
    res.finish();
    if (req.uri.path == "/quit") server.close();
  });
}, OPTIONS);
SETUP
server.listen(0, "127.0.0.1");
attach(server);
`

// runDeadlineServer runs deadlineScript with options and setup, calls client with the port off
// the loop, then asks the server to quit; it returns stdout.
func runDeadlineServer(t *testing.T, options, setup string, client func(port int) error) string {
	t.Helper()
	src := strings.Replace(strings.Replace(deadlineScript, "OPTIONS", options, 1), "SETUP", setup, 1)
	var wg sync.WaitGroup
	var cerr error
	stdout, stderr, code := runJS(t, src, func(_ goja.Value, port int) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cerr = client(port)
			get(t, port, "/quit")
		}()
	})
	wg.Wait()
	if cerr != nil {
		t.Error(cerr)
	}
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	return stdout
}

// readAnswer reads what the server sends until it closes (or limit passes: then it fails).
func readAnswer(c net.Conn, limit time.Duration) (string, time.Duration, error) {
	start := time.Now()
	c.SetReadDeadline(start.Add(limit))
	b, err := io.ReadAll(c)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return string(b), time.Since(start), fmt.Errorf("the server kept the connection open %v; got %q", limit, b)
	}
	return string(b), time.Since(start), nil
}

const answer408 = "HTTP/1.1 408 Request Time-out\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

func TestServerDeadlinesAnswer408(t *testing.T) {
	tests := []struct {
		name    string
		options string
		setup   string
		send    func(c net.Conn, stop <-chan struct{}) // writes the slow request
		want    string                                 // what the client reads before the close
		minWait time.Duration                          // the answer comes no sooner
	}{
		{
			name:    "a connection that sends nothing",
			setup:   "server.headersTimeout = 200;",
			send:    func(net.Conn, <-chan struct{}) {},
			want:    answer408,
			minWait: 200 * time.Millisecond,
		},
		{
			name:  "a head that trickles in a line at a time",
			setup: "server.headersTimeout = 300;",
			send: func(c net.Conn, stop <-chan struct{}) {
				c.Write([]byte("GET /slow HTTP/1.1\r\n"))
				tick := time.NewTicker(20 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						if _, err := c.Write([]byte("X-Slow: y\r\n")); err != nil {
							return
						}
					}
				}
			},
			want:    answer408,
			minWait: 300 * time.Millisecond,
		},
		{
			name:    "a body that never ends, deadline from createServer's options",
			options: "{headersTimeout: 100, requestTimeout: 400}",
			send: func(c net.Conn, _ <-chan struct{}) {
				c.Write([]byte("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab"))
			},
			want:    answer408,
			minWait: 400 * time.Millisecond,
		},
		{
			name:  "a second request on a keep-alive connection is timed from its own first byte",
			setup: "server.headersTimeout = 300;",
			send: func(c net.Conn, _ <-chan struct{}) {
				c.Write([]byte("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\n"))
			},
			want:    "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\nplain /one" + answer408,
			minWait: 300 * time.Millisecond,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			options := tt.options
			if options == "" {
				options = "undefined"
			}
			runDeadlineServer(t, options, tt.setup, func(port int) error {
				c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
				if err != nil {
					return err
				}
				defer c.Close()
				stop := make(chan struct{})
				defer close(stop)
				go tt.send(c, stop)
				got, took, err := readAnswer(c, 20*time.Second)
				if err != nil {
					return err
				}
				if got != tt.want {
					return fmt.Errorf("got %q, want %q", got, tt.want)
				}
				if took < tt.minWait-50*time.Millisecond {
					return fmt.Errorf("answered after %v, before the deadline of %v", took, tt.minWait)
				}
				return nil
			})
		})
	}
}

// An idle keep-alive connection between requests is not a late request: the head deadline
// does not close it (the idle timeout does, later).
func TestServerHeadDeadlineSparesIdleKeepAlive(t *testing.T) {
	runDeadlineServer(t, "undefined", "server.headersTimeout = 100;", func(port int) error {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			return err
		}
		defer c.Close()
		buf := make([]byte, 4096)
		for _, path := range []string{"/one", "/two"} {
			if _, err := c.Write([]byte("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
				return err
			}
			want := "HTTP/1.1 200 OK\r\nContent-Length: " + fmt.Sprint(len("plain "+path)) + "\r\nConnection: keep-alive\r\n\r\nplain " + path
			c.SetReadDeadline(time.Now().Add(10 * time.Second))
			n, err := io.ReadAtLeast(c, buf, len(want))
			if err != nil || string(buf[:n]) != want {
				return fmt.Errorf("%s: got %q, %v", path, buf[:n], err)
			}
			// Idle for several head deadlines: the connection must stay open.
			c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
			if n, err := c.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
				return fmt.Errorf("idle keep-alive connection: read %q, %v; want it left open", buf[:n], err)
			}
		}
		return nil
	})
}

func TestServerDeadlineDefaultsAndSettings(t *testing.T) {
	tests := []struct {
		options, setup string
		want           string
	}{
		{"undefined", "", "60000 300000\n"},
		{"{headersTimeout: 1500, requestTimeout: 0}", "", "1500 0\n"},
		{"undefined", "server.headersTimeout = 10; server.requestTimeout = 20.5;", "10 20\n"},
		{"undefined", `try { server.headersTimeout = "soon"; } catch (e) { print(e.name + ": " + e.message + "\n"); }`,
			"TypeError: server.headersTimeout must be a number of milliseconds >= 0, not soon\n60000 300000\n"},
		{"undefined", `try { server.requestTimeout = -1; } catch (e) { print(e.name + "\n"); }`, "TypeError\n60000 300000\n"},
	}
	if DefaultHeadersTimeout != 60*time.Second || DefaultRequestTimeout != 300*time.Second {
		t.Errorf("defaults %v %v, want Node 20's 60s and 300s", DefaultHeadersTimeout, DefaultRequestTimeout)
	}
	for _, tt := range tests {
		setup := tt.setup + `print(server.headersTimeout + " " + server.requestTimeout + "\n");`
		got := runDeadlineServer(t, tt.options, setup, func(int) error { return nil })
		if got != tt.want {
			t.Errorf("options %s, setup %s: printed %q, want %q", tt.options, tt.setup, got, tt.want)
		}
	}
}
