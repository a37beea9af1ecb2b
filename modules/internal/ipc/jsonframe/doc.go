// Package jsonframe holds what earlynode's two IPC wire codecs (socket-ipc and
// node-ipc) share: JSON text written byte for byte as JavaScript's
// JSON.stringify writes it, JSON text checked as JavaScript's JSON.parse reads
// it, bytes turned into well-formed UTF-8 as Node's utf8 decoder does, and a
// splitter that cuts a byte stream into the pieces between delimiters with a
// bound on their size.
//
// Nothing here uses reflection or allocates per value on the common path; it
// imports neither goja nor the event loop, so it is tested and fuzzed alone.
package jsonframe
