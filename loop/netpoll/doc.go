// Package netpoll is earlynode's one I/O layer, the place libuv holds in Node: it drives
// sockets on the loop goroutine, so that an idle connection costs only its objects and bytes
// reach JavaScript without crossing threads.
//
// The vocabulary is small, so that a second implementation (one without epoll) can stand
// beside this one:
//
//   - Stream: one connection, TCP or unix. Handler gets its reads, its end of input and its
//     end; Write never blocks (what the kernel does not take waits in a queue written with
//     writev); CloseWrite, Close and Detach wait for the queue, Abort does not; Pause and
//     Resume stop and restart reading; Ref and Unref say whether it keeps the loop alive.
//   - Listener: a listening socket; each accepted connection goes to an AcceptFunc as a Stream
//     not yet started. ListenTCP opens one (ListenConfig.ReusePort shares a port among several
//     listeners, in several loops or processes); AdoptListener takes over a Go listener (a
//     unix socket, say).
//   - Dial connects off the loop and hands back a Stream; Adopt takes over a connected Go
//     socket.
//   - TLSConn: TLS (client or server, over a Stream, with the caller's crypto/tls
//     configuration) in the same vocabulary; only its handshake runs on a goroutine, fed by
//     the loop. Conn is the interface Stream and TLSConn both satisfy.
//
// There are two implementations of this vocabulary (docs/architecture.md, "Portable I/O").
// On Linux the layer waits in a level-triggered epoll instance installed as the loop's
// loop.Poller on first use: the loop's thread sleeps in epoll_wait, reads once per readiness
// into one buffer it reuses, and dispatches, in the order epoll gave them, the handlers of the
// descriptors found ready (the *_linux.go files). Everywhere else, and on Linux when built
// with -tags portable, each connection keeps its Go net.Conn, read by a goroutine that does
// one read at a time and posts it to the loop, and written by another that takes the whole
// write queue (the *_portable.go files). The rest is shared.
//
// Every function and method runs on the loop goroutine unless its comment says otherwise.
package netpoll
