package http

import (
	"bufio"
	"fmt"
	"io"
	"net"
	nethttp "net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"earlynode/internal/testenv"
)

// arrival is one request as a recording server saw it.
type arrival struct {
	client, seq int
	conn        int  // which accepted connection carried it (1, 2, ...)
	openAt      int  // the recorder's event number when that connection was accepted
	prevAnswer  int  // the event number when the answer to the client's previous request began
	keepAlive   bool // the client asked to keep its connection
}

// orderRecorder is an HTTP server in Go that records, in one sequence, every connection
// accepted and closed and every request head read, with the X-Client and X-Seq headers the
// script puts on each request. Every connection is served by its own goroutine, so requests
// on different connections race to it as they would to any server.
type orderRecorder struct {
	l        net.Listener
	mu       sync.Mutex
	event    int
	conns    int
	arrivals []arrival
	answered map[int]int // client -> event number when its last request's answer began
	wg       sync.WaitGroup
}

func newOrderRecorder(t *testing.T) *orderRecorder {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &orderRecorder{l: l, answered: map[int]int{}}
	go r.accept()
	t.Cleanup(func() { l.Close(); r.wg.Wait() })
	return r
}

func (r *orderRecorder) port() int { return r.l.Addr().(*net.TCPAddr).Port }

func (r *orderRecorder) accept() {
	for {
		c, err := r.l.Accept()
		if err != nil {
			return
		}
		r.mu.Lock()
		r.event++
		r.conns++
		id, opened := r.conns, r.event
		r.mu.Unlock()
		r.wg.Add(1)
		go r.serve(c, id, opened)
	}
}

// serve answers each request with an empty 200 and closes when the request asks to.
func (r *orderRecorder) serve(c net.Conn, id, opened int) {
	defer r.wg.Done()
	defer c.Close()
	br := bufio.NewReader(c)
	for {
		req, err := nethttp.ReadRequest(br)
		if err != nil {
			return
		}
		io.Copy(io.Discard, req.Body)
		client, _ := strconv.Atoi(req.Header.Get("X-Client"))
		seq, _ := strconv.Atoi(req.Header.Get("X-Seq"))
		r.mu.Lock()
		r.event++
		a := arrival{client: client, seq: seq, conn: id, openAt: opened,
			keepAlive: strings.EqualFold(req.Header.Get("Connection"), "keep-alive")}
		a.prevAnswer = r.answered[client]
		r.arrivals = append(r.arrivals, a)
		r.event++
		r.answered[client] = r.event
		r.mu.Unlock()
		close := req.Close
		hdr := "Content-Length: 0\r\n"
		if close {
			hdr += "Connection: close\r\n"
		}
		if _, err := io.WriteString(c, "HTTP/1.1 200 OK\r\n"+hdr+"\r\n"); err != nil || close {
			return
		}
	}
}

// TestClientSendsItsRequestsInOrderOnOneConnection issues several requests at once on each
// of many clients, with both cores busy: every client's requests must reach the server in the
// order issued, one at a time (a request's connection opened only once the answer to the
// previous request was on its way), and all on one connection when the client asks for
// keep-alive.
func TestClientSendsItsRequestsInOrderOnOneConnection(t *testing.T) {
	testenv.BusyCores(t)
	rec := newOrderRecorder(t)
	const clients, perClient = 16, 5
	src := fmt.Sprintf(`
var done = 0, total = %d * %d, methods = ["get", "post", "get", "put", "del"];
for (var c = 0; c < %d; c++) {
  var client = node.http.createClient(%d, "127.0.0.1");
  for (var s = 0; s < %d; s++) {
    var hs = [["X-Client", String(c)], ["X-Seq", String(s)]];
    if (c %% 2 == 1) hs.push(["Connection", "keep-alive"]);
    var m = methods[s %% methods.length];
    if (m == "post" || m == "put") hs.push(["Content-Length", "4"]);
    var req = client[m]("/" + c + "/" + s, hs);
    if (m == "post" || m == "put") req.sendBody("body");
    req.finish(function (res) {
      res.addListener("complete", function () { if (++done == total) puts("all " + done); });
    });
  }
}
`, clients, perClient, clients, rec.port(), perClient)
	out, errOut, code := runJS(t, src, nil)
	if code != 0 || out != fmt.Sprintf("all %d\n", clients*perClient) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	next := map[int]int{}
	connOf := map[int]int{}
	for _, a := range rec.arrivals {
		if a.seq != next[a.client] {
			t.Errorf("client %d: request %d arrived when request %d was due", a.client, a.seq, next[a.client])
		}
		next[a.client] = a.seq + 1
		if a.client%2 == 1 {
			if !a.keepAlive {
				t.Errorf("client %d request %d: Connection: keep-alive not sent", a.client, a.seq)
			}
			if c, ok := connOf[a.client]; ok && c != a.conn {
				t.Errorf("client %d (keep-alive): request %d on connection %d, earlier ones on %d", a.client, a.seq, a.conn, c)
			}
			connOf[a.client] = a.conn
			continue
		}
		if a.seq > 0 && (a.prevAnswer == 0 || a.prevAnswer > a.openAt) {
			t.Errorf("client %d: request %d came on a connection opened before request %d was answered", a.client, a.seq, a.seq-1)
		}
	}
	if len(rec.arrivals) != clients*perClient {
		t.Errorf("%d requests arrived, want %d", len(rec.arrivals), clients*perClient)
	}
}
