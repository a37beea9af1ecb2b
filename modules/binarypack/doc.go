// Package binarypack encodes and decodes BinaryPack, the MessagePack-like wire format of
// BinaryJS (npm binarypack 0.0.4, js-binarypack 0.0.9) and of PeerJS's "binary"
// serialization (peerjs-js-binarypack 2.x). The format is described in docs/wire/binarypack.md.
//
// The package is a pure codec: it imports neither goja nor the event loop, so it can be
// tested, fuzzed and benchmarked alone. Bridges to JavaScript values live elsewhere.
//
// # Value model
//
// Decode produces only these Go types:
//
//	wire type                                  Go value
//	nil (c0)                                   nil
//	false / true (c2 / c3)                     bool
//	fixint, uint8..32, int8..64 (cc-ce, d0-d3) int64
//	uint64 (cf)                                uint64 (always, even when it would fit int64)
//	float32 / float64 (ca / cb)                float64 (float32 widened exactly)
//	fixstr, str16, str32 (b0-bf, d8, d9)       string (invalid UTF-8 replaced by U+FFFD, as Node does)
//	fixraw, raw16, raw32 (a0-af, da, db)       []byte (a copy, or a view with Decoder.AliasBytes)
//	fixarray, array16, array32                 []any
//	fixmap, map16, map32                       Map (pairs in wire order, duplicates kept)
//
// The type bytes that the JavaScript decoders turn into undefined without consuming
// anything (c1, c4-c9, d4-d7) are rejected with ErrUnknownType: no JavaScript encoder
// produces them, and the JavaScript behaviour misparses the rest of the message.
//
// Encode accepts the decoded types above plus every Go integer and float kind, Packed
// (pre-encoded bytes), map[string]any (keys sorted, for determinism), and through
// reflection any named type whose kind is one of these (slices, arrays, string-keyed
// maps, pointers). Numbers follow the JavaScript encoders' integer ladder (see
// Encoder), so a float64 that holds a whole number is written as an integer exactly as
// a JavaScript peer would write the same number.
//
// Decoding never panics and never allocates a length taken from the input before
// checking it against both Decoder.MaxLength and the bytes that remain.
package binarypack
