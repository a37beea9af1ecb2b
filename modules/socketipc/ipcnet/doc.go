// Package ipcnet is the socket machinery earlynode's two IPC modules (socket-ipc and node-ipc)
// share: a stream connection (unix, TCP or TLS) run by a reader and a writer goroutine for the
// event loop, a listener that accepts them, Node-style error objects, and the JavaScript facade
// of a connection (the net.Socket the libraries hand to their users).
//
// Bytes never cross into JavaScript on the hot path: the reader goroutine feeds each chunk it
// reads to the connection's Decoder (pure Go framing) and posts what it returns to the loop as
// one batch per read; writes from the loop append to a queue the writer goroutine drains, so a
// burst of sends in one turn becomes one write.
package ipcnet
