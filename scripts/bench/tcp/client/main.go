// Command client is the one TCP client of scripts/bench/tcp.sh: it measures any echo server
// (earlynode's, Node 20's, the Go ceiling's), so that the client is never the difference
// between them.
//
//	client HOST:PORT echo BYTES     sends BYTES in 64 KiB writes while reading the echo back
//	                                (a writer and a reader goroutine); prints MB/s (10^6 bytes
//	                                per second of echoed data)
//	client HOST:PORT pingpong N     sends a 32-byte message and waits for its echo, N times
//	                                (one message in flight); prints round trips per second
//
// The figure is the last line of stdout. Each mode first does a short warm-up (1 MiB echoed,
// or 1,000 round trips) on the same connection, outside the timing.
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 4 {
		fail(fmt.Errorf("usage: client HOST:PORT echo BYTES | pingpong N"))
	}
	n, err := strconv.ParseInt(os.Args[3], 10, 64)
	if err != nil || n <= 0 {
		fail(fmt.Errorf("bad count %q", os.Args[3]))
	}
	c, err := net.Dial("tcp", os.Args[1])
	if err != nil {
		fail(err)
	}
	defer c.Close()
	switch os.Args[2] {
	case "echo":
		if _, err := echo(c, 1<<20); err != nil {
			fail(err)
		}
		d, err := echo(c, n)
		if err != nil {
			fail(err)
		}
		fmt.Printf("%.1f\n", float64(n)/1e6/d.Seconds())
	case "pingpong":
		if _, err := pingpong(c, 1000); err != nil {
			fail(err)
		}
		d, err := pingpong(c, n)
		if err != nil {
			fail(err)
		}
		fmt.Printf("%.0f\n", float64(n)/d.Seconds())
	default:
		fail(fmt.Errorf("unknown mode %q (echo or pingpong)", os.Args[2]))
	}
}

// echo writes total bytes in 64 KiB pieces from one goroutine and reads them back on this one;
// it returns the time from the first write to the last byte read.
func echo(c net.Conn, total int64) (time.Duration, error) {
	chunk := make([]byte, 64<<10)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	werr := make(chan error, 1)
	start := time.Now()
	go func() {
		for left := total; left > 0; {
			b := chunk[:min(left, int64(len(chunk)))]
			if _, err := c.Write(b); err != nil {
				werr <- err
				return
			}
			left -= int64(len(b))
		}
		werr <- nil
	}()
	buf := make([]byte, 256<<10)
	for got := int64(0); got < total; {
		m, err := c.Read(buf)
		if err != nil {
			return 0, fmt.Errorf("echo: read after %d of %d bytes: %w", got, total, err)
		}
		got += int64(m)
	}
	d := time.Since(start)
	return d, <-werr
}

// pingpong sends a 32-byte message and reads its 32 bytes back, n times.
func pingpong(c net.Conn, n int64) (time.Duration, error) {
	msg := make([]byte, 32)
	for i := range msg {
		msg[i] = 'p'
	}
	back := make([]byte, 32)
	start := time.Now()
	for i := int64(0); i < n; i++ {
		if _, err := c.Write(msg); err != nil {
			return 0, err
		}
		if _, err := io.ReadFull(c, back); err != nil {
			return 0, fmt.Errorf("pingpong: round trip %d: %w", i, err)
		}
	}
	return time.Since(start), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "client:", err)
	os.Exit(1)
}
