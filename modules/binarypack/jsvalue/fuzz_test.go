package jsvalue

import (
	"encoding/hex"
	"errors"
	"testing"

	"earlynode/modules/binarypack"
)

// FuzzUnpack decodes arbitrary bytes as a received message and turns the
// value into JavaScript in both dialects: never a panic, and what arrived
// can be sent back.
func FuzzUnpack(f *testing.F) {
	for _, s := range []string{"00", "a3010203", "82b16101b162b178", "8201c3b9" + hex.EncodeToString([]byte("__proto__")) + "80", "dc0002c0c0"} {
		b, _ := hex.DecodeString(s)
		f.Add(b)
	}
	_, peer := newTestBridge(f, peerjsOptions)
	_, node := newTestBridge(f, binaryjsOptions)
	f.Fuzz(func(t *testing.T, data []byte) {
		d := binarypack.Decoder{MaxLength: 1 << 16, MaxDepth: 64}
		v, err := d.Decode(data)
		if err != nil {
			return
		}
		for _, b := range []*Bridge{peer, node} {
			js := b.Unpack(v)
			if js == nil {
				t.Fatal("Unpack returned nil")
			}
			// What arrived can be sent back (but for ±Infinity, which no
			// JavaScript encoder packs either).
			if _, err := b.Pack(js); err != nil && !errors.Is(err, binarypack.ErrInvalidInteger) {
				t.Fatalf("repacking %x: %v", data, err)
			}
		}
	})
}
