// Command goecho is the ceiling of scripts/bench/tcp.sh: a plain Go TCP echo server, one
// goroutine per connection copying what it reads back with io.CopyBuffer and a 256 KiB
// buffer (read, then write, as the JavaScript servers do: the connection is hidden behind
// plain Reader and Writer so that the copy does not turn into splice(2)).
//
//	goecho PORT
//
// listens on 127.0.0.1:PORT and prints "listening" once it does.
package main

import (
	"fmt"
	"io"
	"net"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goecho PORT")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "goecho:", err)
		os.Exit(1)
	}
	fmt.Println("listening")
	for {
		c, err := ln.Accept()
		if err != nil {
			fmt.Fprintln(os.Stderr, "goecho:", err)
			os.Exit(1)
		}
		go serve(c.(*net.TCPConn))
	}
}

// serve echoes until the peer's FIN, then sends its own.
func serve(c *net.TCPConn) {
	defer c.Close()
	buf := make([]byte, 256<<10)
	io.CopyBuffer(struct{ io.Writer }{c}, struct{ io.Reader }{c}, buf)
	c.CloseWrite()
}
