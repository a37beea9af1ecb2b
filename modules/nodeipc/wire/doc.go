// Package wire is the wire format of node-ipc 9.2.1 as earlynode's built-in
// node-ipc module speaks it, over unix and TCP (or TLS) stream sockets and
// UDP datagrams:
//
//   - JSON mode (the default): every message is the JSON text of
//     {"type": ..., "data": ...} (js-message 1.0.7) followed by the delimiter,
//     '\f' unless configured otherwise, UTF-8.
//   - rawBuffer mode: no framing; the bytes go through the configured Node
//     encoding on both sides (Buffer.from(string, encoding) when sending,
//     socket.setEncoding(encoding) then Buffer.from(text, encoding) when
//     receiving).
//
// Message payloads travel as raw JSON text (json.RawMessage): the JavaScript
// side runs JSON.stringify and JSON.parse itself, and this package never
// re-encodes them. It imports neither goja nor the event loop.
package wire
