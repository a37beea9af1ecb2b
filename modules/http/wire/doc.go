// Package wire is earlynode's HTTP/1.x codec: an incremental parser for
// requests and responses, serializers for message heads and chunk framing,
// the rules that decide Node 0.1.0's automatic Connection and
// Transfer-Encoding headers, the STATUS_CODES table and the request.uri
// parser. It imports neither goja nor the event loop.
//
// Headers stay as they came: an ordered []Header with the original case of
// every name and every duplicate, as node.http hands them to JavaScript.
// Bodies are never buffered: the parser reports them as sub-slices of its
// input as they arrive, with the transfer coding removed.
//
// # Driving a Parser from a connection
//
// A Parser is pull-style: hand it the bytes read so far and it returns the
// next event and how many bytes it used. Call it again with the rest until
// it asks for more input (Example shows a whole server):
//
//	p := wire.NewRequestParser(wire.Limits{})
//	for {
//		m, rerr := conn.Read(buf)
//		data := buf[:m]
//		for {
//			ev, n, err := p.Next(data)
//			data = data[n:]
//			if err != nil {
//				// write wire.AppendErrorResponse(nil, err) (400, 431 or 505), close
//			}
//			if ev == wire.EventNeedInput {
//				break
//			}
//			switch ev {
//			case wire.EventHead:     // p.Head(): method, target, headers, KeepAlive
//			case wire.EventBody:     // p.Body(): copy it before buf is read into again
//			case wire.EventComplete: // p.Trailers(); the next message may follow in data
//			case wire.EventUpgrade:  // hand conn and data (already read) to the new protocol
//			}
//		}
//		if rerr != nil {
//			ev, err := p.Finish() // EventComplete ends a response read until close
//		}
//	}
//
// A client does the same with NewResponseParser, telling it the method of
// each request (SetRequestMethod) so that it knows that a response to HEAD
// has no body.
//
// The strings of a Head (method, target, names, values) and its Headers
// slice belong to the caller for good: the parser never reuses them. Body
// chunks are sub-slices of the slice passed to Next and live as long as the
// caller keeps that memory unchanged.
package wire
