// Package wire is the wire format of @crussell52/socket-ipc 0.4.0 with its
// default JSON transcoder, as earlynode's built-in socket-ipc module speaks
// it: every message is the JSON text of {"topic": ..., "message": ...}
// followed by two NUL bytes, UTF-8, on a unix stream socket.
//
// Message payloads travel as raw JSON text (json.RawMessage): the JavaScript
// side runs JSON.stringify and JSON.parse itself, and this package never
// re-encodes them. It imports neither goja nor the event loop.
package wire
