package server

import (
	"bytes"
	"testing"
)

func FuzzDecodeDirMsg(f *testing.F) {
	f.Add([]byte(`{"op":"join","member":"m","id":"a","token":"t","at":1}`))
	f.Add([]byte(`{"op":"leave","member":"m","id":"a"}`))
	f.Add([]byte(`{"op":"hello","member":"m"}`))
	f.Add([]byte(`{"op":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeDirMsg(b)
		if err == nil && (m.Member == "" || m.Op == "") {
			t.Fatalf("accepted %q as %+v", b, m)
		}
	})
}

// FuzzDecodeRelayBatch: a relay batch from another member never panics the decoder, the
// records it yields re-encode to the bytes they came from, and a batch built with appendRelay
// decodes to what was put in.
func FuzzDecodeRelayBatch(f *testing.F) {
	f.Add(appendRelay(appendRelay(nil, "bob", []byte(`{"type":"OFFER","src":"a","dst":"bob"}`)), "c", nil), "x", []byte("{}"))
	f.Add([]byte{0, 0}, "", []byte(nil))
	f.Add([]byte{0, 1, 'a', 0xff, 0xff, 0xff, 0xff}, "id", []byte("frame"))
	f.Fuzz(func(t *testing.T, b []byte, dst string, frame []byte) {
		var again []byte
		err := decodeRelayBatch(b, func(d, fr []byte) {
			if len(d) == 0 {
				t.Fatalf("empty destination from %q", b)
			}
			again = appendRelay(again, string(d), fr)
		})
		if !bytes.HasPrefix(b, again) || err == nil && len(again) != len(b) {
			t.Fatalf("%q (%v) re-encodes as %q", b, err, again)
		}
		if dst == "" || len(dst) > 1024 {
			return
		}
		var got [][]byte
		if err := decodeRelayBatch(appendRelay(nil, dst, frame), func(d, fr []byte) { got = append(got, d, fr) }); err != nil ||
			len(got) != 2 || string(got[0]) != dst || !bytes.Equal(got[1], frame) {
			t.Fatalf("appendRelay(%q, %q) decodes as %q, %v", dst, frame, got, err)
		}
	})
}
