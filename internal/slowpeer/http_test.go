package slowpeer_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestHTTPPipeliningWithoutReading: a client pipelines 50,000 requests (800 MB of 16 KiB
// answers) and reads nothing until the server has answered 40 and a second, well-behaved
// client has been served; then it reads every answer. The server must stop reading requests
// while answers wait to be written (its RSS stays bounded), resume once they are (every
// answer arrives, in order, none dropped) and serve the other client meanwhile.
func TestHTTPPipeliningWithoutReading(t *testing.T) {
	const requests = 50000
	port := testenv.FreePort(t)
	p := startScript(t, "http_pipeline", itoa(port))
	addr := "127.0.0.1:" + itoa(port)
	w := testenv.WatchRSS(t, p, boundMB(150))
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	wrote := make(chan error, 1)
	go func() {
		bw := bufio.NewWriterSize(c, 64<<10)
		for i := 0; i < requests; i++ {
			if _, err := bw.WriteString("GET /" + itoa(i) + " HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
				wrote <- err
				return
			}
		}
		wrote <- bw.Flush()
	}()
	p.WaitLines(t, 60*time.Second, "answered 40")

	// Another client is served while the first one reads nothing.
	good := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := good.Get("http://" + addr + "/good")
	if err != nil {
		t.Fatalf("well-behaved client: %v (server killed for passing the RSS bound: %v)\nserver output:\n%s", err, w.Over(), p.Output())
	}
	n, _ := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || n != 16<<10 {
		t.Fatalf("well-behaved client: status %d, %d bytes", res.StatusCode, n)
	}

	// Now the first client reads: every answer must come.
	br := bufio.NewReaderSize(c, 256<<10)
	for i := 0; i < requests; i++ {
		c.SetReadDeadline(time.Now().Add(30 * time.Second))
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("answer %d: %v\nserver output:\n%s", i, err, p.Output())
		}
		if n, err := io.Copy(io.Discard, res.Body); err != nil || n != 16<<10 || res.StatusCode != 200 {
			t.Fatalf("answer %d: status %d, %d bytes, %v", i, res.StatusCode, n, err)
		}
		res.Body.Close()
		if w.Over() {
			break
		}
	}
	if err := <-wrote; err != nil {
		t.Fatalf("writing the requests: %v", err)
	}
	w.Stop(t)
	rssReturns(t, p, 64<<20)
}

// TestHTTPAnswerLargerThanTheLimit: one answer of 200 MiB (1 MiB a turn) to a client that does not read passes
// the 64 MiB write limit (sendBody has no backpressure): the connection emits `error` naming
// the limit and closes, RSS stays bounded and memory comes back.
func TestHTTPAnswerLargerThanTheLimit(t *testing.T) {
	port := testenv.FreePort(t)
	p := startScript(t, "http_big", itoa(port))
	w := testenv.WatchRSS(t, p, rssBound)
	c, err := net.Dial("tcp", "127.0.0.1:"+itoa(port))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	p.WaitLines(t, 60*time.Second, "connection error: write queue over 64 MiB limit: peer is not reading", "disconnect true")
	w.Stop(t)
	rssReturns(t, p, 64<<20)
}
