package wire_test

import (
	"fmt"
	"io"
	"net"
	"strings"

	"earlynode/modules/http/wire"
)

// serve answers every request on conn: it reads with a request Parser and
// writes each response with AppendResponseHead and chunk framing, the way
// node.http's server drives the codec from a connection's goroutine.
func serve(conn net.Conn) {
	defer conn.Close()
	p := wire.NewRequestParser(wire.Limits{})
	buf := make([]byte, 4096)
	var out []byte
	var body strings.Builder
	for {
		m, rerr := conn.Read(buf)
		data := buf[:m]
		for {
			ev, n, err := p.Next(data)
			data = data[n:]
			if err != nil {
				conn.Write(wire.AppendErrorResponse(nil, err))
				return
			}
			if ev == wire.EventNeedInput {
				break
			}
			switch ev {
			case wire.EventHead:
				body.Reset()
			case wire.EventBody:
				body.Write(p.Body()) // copied: buf is reused by the next Read
			case wire.EventComplete:
				req := p.Head()
				head, fr, _ := wire.AppendResponseHead(out[:0], req, 200,
					[]wire.Header{{Name: "Content-Type", Value: "text/plain"}})
				out = wire.AppendChunkString(head, req.Method+" "+req.Target+" got "+fmt.Sprint(body.Len())+" bytes")
				out = wire.AppendLastChunk(out)
				conn.Write(out)
				if !fr.KeepAlive {
					return
				}
			}
		}
		if rerr != nil {
			return
		}
	}
}

// Example drives both parsers over a real TCP connection: two pipelined
// requests, the second with a chunked body, answered in order.
func Example() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	go func() {
		conn, err := ln.Accept()
		if err == nil {
			serve(conn)
		}
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	req, _, _ := wire.AppendRequestHead(nil, "GET", "/status?name=ryan", nil, true)
	req2, _, _ := wire.AppendRequestHead(nil, "POST", "/upload", nil, false)
	req = append(req, req2...)
	req = wire.AppendChunkString(req, "hello ")
	req = wire.AppendChunkString(req, "world")
	req = wire.AppendLastChunk(req)
	conn.Write(req)

	p := wire.NewResponseParser(wire.Limits{})
	all, _ := io.ReadAll(conn) // the server closes after the second answer
	data := all
	for {
		ev, n, err := p.Next(data)
		data = data[n:]
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		switch ev {
		case wire.EventHead:
			fmt.Println(p.Head().StatusCode, p.Head().Headers)
		case wire.EventBody:
			fmt.Printf("body %q\n", p.Body())
		case wire.EventComplete:
			fmt.Println("complete")
		}
		if ev == wire.EventNeedInput {
			break
		}
	}
	u := wire.ParseURI("/status?name=ryan")
	fmt.Printf("%s %s %s %v\n", u.Path, u.Directory, u.File, u.Params)
	// Output:
	// 200 [{Content-Type text/plain} {Connection keep-alive} {Transfer-Encoding chunked}]
	// body "GET /status?name=ryan got 0 bytes"
	// complete
	// 200 [{Content-Type text/plain} {Connection close} {Transfer-Encoding chunked}]
	// body "POST /upload got 11 bytes"
	// complete
	// /status / status [{name ryan}]
}
