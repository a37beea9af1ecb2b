// Command gohello is the Go ceiling of scripts/bench/http.sh: a plain net/http hello world that
// sends what scripts/bench/http/hello.js sends, as far as net/http allows (it writes its
// headers in sorted order, so the same bytes come in another order):
//
//	HTTP/1.1 200 OK
//	Connection: keep-alive
//	Content-Length: 11
//	Content-Type: text/plain
//
//	Hello World
//
// No Date header (a nil entry suppresses it). It listens on 127.0.0.1:PORT and prints
// "listening" once the socket accepts, which is what scripts/bench/http/wrk.sh waits for.
//
//	gohello PORT
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

var body = []byte("Hello World")

func hello(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h["Content-Type"] = []string{"text/plain"}
	h["Content-Length"] = []string{"11"}
	h["Connection"] = []string{"keep-alive"}
	h["Date"] = nil
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gohello PORT")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("listening")
	if err := http.Serve(ln, http.HandlerFunc(hello)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
