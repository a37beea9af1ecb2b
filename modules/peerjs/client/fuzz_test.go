package client

import (
	"testing"

	"earlynode/modules/binarypack"
)

// FuzzDecodeDataMessage feeds arbitrary data channel messages, one after
// another, to the decoders of every serialization, as a hostile remote
// peer could. They must never panic, and the binary decoder must keep its
// reassembly state within its limits.
func FuzzDecodeDataMessage(f *testing.F) {
	chunk := func(id, n, total int64, data []byte) []byte {
		b, _ := binarypack.Encode(binarypack.Map{{Key: "__peerData", Value: id}, {Key: "n", Value: n}, {Key: "data", Value: data}, {Key: "total", Value: total}})
		return b
	}
	f.Add(chunk(1, 0, 2, []byte{1, 2, 3}), chunk(1, 1, 2, []byte{0xb1}), false)
	f.Add(chunk(1, 0, 1, []byte{0x81, 0xba}), []byte{0x61}, false)
	f.Add([]byte(`{"__peerData":{"type":"close"}}`), []byte(`[1]`), true)
	f.Add([]byte{0x81, 0xba, 0x5f, 0x5f, 0x70, 0x65, 0x65, 0x72, 0x44, 0x61, 0x74, 0x61, 0xc3}, []byte{0xc0}, false)
	f.Fuzz(func(t *testing.T, first, second []byte, text bool) {
		for _, ser := range []Serialization{SerializationBinary, SerializationJSON, SerializationRaw} {
			c := newCodec(ser)
			for _, data := range [][]byte{first, second, first} {
				_, _, _ = c.decode(frame{data: data, text: text})
			}
			if b, ok := c.(*binaryCodec); ok {
				if b.held < 0 || b.held > maxReassembled || len(b.partial) > maxPartialMessages || len(b.order) != len(b.partial) {
					t.Fatalf("reassembly state out of bounds: held %d, %d partial, %d ordered", b.held, len(b.partial), len(b.order))
				}
			}
		}
	})
}
