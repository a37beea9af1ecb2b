package http

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"testing"

	"github.com/dop251/goja"

	"earlynode/modules/tcp"
	"earlynode/runtime"
)

// BenchmarkHelloWorld measures the server's cost per request: the 0.1.0 hello world answering
// keep-alive requests, ten pipelined at a time, from a Go client in the same process (the
// client's own cost is small and counted too).
func BenchmarkHelloWorld(b *testing.B) {
	src := `
var server = node.http.createServer(function (request, response) {
  response.sendHeader(200, [["Content-Type", "text/plain"], ["Content-Length", "11"]]);
  response.sendBody("Hello World");
  response.finish();
});
server.listen(0, "127.0.0.1");
attach(server);
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	tcp.Install(rt)
	Install(rt)
	ports := make(chan int, 1)
	var srv goja.Value
	rt.VM.Set("attach", func(c goja.FunctionCall) goja.Value {
		srv = c.Argument(0)
		s, _ := serverOf(srv)
		ports <- s.Port()
		return goja.Undefined()
	})
	rt.VM.Set("stop", func(c goja.FunctionCall) goja.Value {
		s, _ := serverOf(srv)
		s.close()
		return goja.Undefined()
	})
	done := make(chan int, 1)
	go func() { done <- rt.RunSource("bench.js", src) }()
	port := <-ports
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		b.Fatal(err)
	}
	const depth = 10
	var batch []byte
	for i := 0; i < depth; i++ {
		batch = append(batch, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"...)
	}
	answer := "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: keep-alive\r\n\r\nHello World"
	r := bufio.NewReaderSize(c, 64<<10)
	buf := make([]byte, len(answer)*depth)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n += depth {
		c.Write(batch)
		if _, err := ioReadFull(r, buf); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if !bytes.HasPrefix(buf, []byte(answer)) {
		b.Fatalf("answer %q", buf[:len(answer)])
	}
	c.Close()
	rt.Post(func() error {
		s, _ := serverOf(srv)
		s.close()
		return nil
	})
	<-done
}

func ioReadFull(r *bufio.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
