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
// next event and how many bytes it used. Keep calling until it asks for
// more input:
//
//	p := wire.NewRequestParser(wire.Limits{})
//	buf := make([]byte, 64<<10)
//	for {
//		m, rerr := conn.Read(buf)
//		data := buf[:m]
//		for {
//			ev, n, err := p.Next(data)
//			data = data[n:]
//			if err != nil {
//				// answer err.(*wire.Error).Status (400, 431, 505) and close
//			}
//			switch ev {
//			case wire.EventHead:      // p.Head(): method, target, headers, ...
//			case wire.EventBody:      // p.Body(): valid until buf is reused
//			case wire.EventComplete:  // p.Trailers(); then the next message
//			case wire.EventUpgrade:   // data holds the first bytes of the new protocol
//			}
//			if ev == wire.EventNeedInput || ev == wire.EventUpgrade {
//				break
//			}
//		}
//		if rerr != nil {
//			ev, err := p.Finish() // EventComplete for a read-until-close response
//			...
//		}
//	}
//
// The strings of a Head (method, target, names, values) and its Headers
// slice belong to the caller for good: the parser never reuses them. Body
// chunks are sub-slices of the slice passed to Next and live as long as the
// caller keeps that memory unchanged.
package wire
