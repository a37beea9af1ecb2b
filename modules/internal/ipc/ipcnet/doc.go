// Package ipcnet is the socket machinery earlynode's two IPC modules (socket-ipc and node-ipc)
// share: a stream connection (unix, TCP or TLS), a listener that accepts them, Node-style error
// objects, and the JavaScript facade of a connection (the net.Socket the libraries hand to
// their users).
//
// Connections and listeners, unix, TCP and TLS alike, run on loop/netpoll (a Stream, a TLSConn
// over one, a Listener): the loop waits in its epoll poller and reads, decrypts, decodes,
// encrypts and writes on its own goroutine, so no message crosses a thread. (Only a TLS
// handshake runs on a goroutine of its own, fed by the loop.)
//
// Bytes never cross into JavaScript on the hot path: each chunk read goes to the connection's
// Decoder (pure Go framing) and what it returns reaches Events.Batch as one batch per read;
// writes from the loop append to a queue written once per turn (or once 64 KiB have queued),
// so a burst of sends becomes few writes.
package ipcnet
