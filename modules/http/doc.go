// Package http is node.http of Node 0.1.0: a streaming HTTP/1.1 server and client on the wire
// codec (modules/http/wire), node.http.cat, STATUS_CODES, parseUri, and node.cat for http://
// locations. Go services (binaryjs, the PeerServer) share a node.http server through
// AttachUpgrade and AttachRoute.
//
// Connections are netpoll.Streams driven by the loop: each read is parsed with wire.Parser on the
// loop and every event acted on at once (a head becomes a `request`, body pieces `body`
// events); answers are queued in request order and leave in as few writes as possible, never
// blocking the loop. Go handlers (AttachRoute) run off the loop; an upgraded connection
// (AttachUpgrade) is handed over as the netpoll.Stream itself, still on the loop (a WebSocket
// then runs on it with modules/http/websocket).
package http
