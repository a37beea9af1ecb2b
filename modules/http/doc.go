// Package http is node.http of Node 0.1.0: a streaming HTTP/1.1 server and client on the wire
// codec (modules/http/wire), node.http.cat, STATUS_CODES, parseUri, and node.cat for http://
// locations. Go services (binaryjs, the PeerServer) share a node.http server through
// AttachUpgrade and AttachRoute.
//
// Each server connection has one reader goroutine that reads, parses with wire.Parser and posts
// the events of each read to the loop as one batch; responses are written in request order
// through the connection's tcp.Stream, which never blocks the loop.
package http
