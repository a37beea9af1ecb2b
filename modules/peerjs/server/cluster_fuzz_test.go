package server

import (
	"bytes"
	"encoding/binary"
	"testing"

	"earlynode/modules/peerjs/signal"
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

// record is a relay batch's record of frame for dst, as appendRelay writes it for a message
// whose encoding is frame.
func record(b []byte, dst string, frame []byte) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(dst)))
	b = append(b, dst...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(frame)))
	return append(b, frame...)
}

// FuzzDecodeRelayBatch: a relay batch from another member never panics the decoder, the
// records it yields re-encode to the bytes they came from, and a batch written by appendRelay
// decodes to the destination and the frame Encode writes.
func FuzzDecodeRelayBatch(f *testing.F) {
	f.Add(record(record(nil, "bob", []byte(`{"type":"OFFER","src":"a","dst":"bob"}`)), "c", nil), "x", []byte(`{"sdp":"v=0"}`))
	f.Add([]byte{0, 0}, "", []byte(nil))
	f.Add([]byte{0, 1, 'a', 0xff, 0xff, 0xff, 0xff}, "id\u00e9", []byte("{}"))
	f.Fuzz(func(t *testing.T, b []byte, dst string, payload []byte) {
		var again []byte
		err := decodeRelayBatch(b, func(d, fr []byte) {
			if len(d) == 0 {
				t.Fatalf("empty destination from %q", b)
			}
			again = record(again, string(d), fr)
		})
		if !bytes.HasPrefix(b, again) || err == nil && len(again) != len(b) {
			t.Fatalf("%q (%v) re-encodes as %q", b, err, again)
		}
		if dst == "" || len(dst) > signal.MaxIDLength {
			return
		}
		m := signal.Message{Type: signal.TypeOffer, Src: "src", Dst: dst, Payload: payload}
		var got [][]byte
		if err := decodeRelayBatch(appendRelay([]byte{}, m), func(d, fr []byte) { got = append(got, d, fr) }); err != nil ||
			len(got) != 2 || string(got[0]) != dst || !bytes.Equal(got[1], m.Encode()) {
			t.Fatalf("appendRelay(%+v) decodes as %q, %v", m, got, err)
		}
	})
}
