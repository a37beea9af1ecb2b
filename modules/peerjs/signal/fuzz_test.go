package signal

import (
	"encoding/json"
	"testing"
)

// FuzzDecode feeds arbitrary frames to Decode and the payload decoders. They
// must never panic; whatever Decode accepts must survive Encode and decode
// to the same message.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"type":"OPEN"}`,
		`{"type":"OFFER","dst":"bob","payload":{"sdp":{"type":"offer","sdp":"v=0"},"type":"data","connectionId":"dc_1","label":"dc_1","reliable":false,"serialization":"binary"}}`,
		`{"type":"CANDIDATE","src":"a","dst":"b","payload":{"candidate":{"candidate":"candidate:1","sdpMid":"0","sdpMLineIndex":0},"connectionId":"dc_1"}}`,
		`{"type":"ERROR","payload":{"msg":"x"}}`,
		`[`, `null`, `{"type":1}`, `{"type":"X","dst":"\ud800"}`,
		` { "payload" : [1, {"a" : "b c"}] , "type":"OFFER", "type":"ANSWER", "dst":null, "Src":"x" } `,
		`{"type":"OFFER","src":"a\"b","payload":"x"}`, `{"type":"CANDIDATE","payload":-1.5e3,"x":[true,false,null]}`,
		`{"type":"A","payload":[0.5,-0,1E+2,"\u00e9\n"]}`, `{"type":"A","payload":01}`, `{"type":"A","payload":"\x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		if validJSON(frame) && !json.Valid(frame) {
			t.Fatalf("validJSON accepts %q, which json.Valid refuses", frame)
		}
		if fast, ok := decodeFast(frame); ok {
			slow, err := decodeSlow(frame)
			if err != nil || fast.Type != slow.Type || fast.Src != slow.Src || fast.Dst != slow.Dst ||
				string(fast.Payload) != string(slow.Payload) || (fast.Payload == nil) != (slow.Payload == nil) {
				t.Fatalf("decodeFast(%q) = %+v, decodeSlow = %+v, %v", frame, fast, slow, err)
			}
		}
		m, err := Decode(frame)
		_, _ = DecodeOffer(frame)
		_, _ = DecodeAnswer(frame)
		_, _ = DecodeCandidate(frame)
		_ = DecodeError(frame)
		_ = ConnectionIDOf(frame)
		if err != nil {
			return
		}
		enc := m.Encode()
		if !json.Valid(enc) {
			t.Fatalf("Encode(%+v) = %q is not valid JSON", m, enc)
		}
		back, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode(Encode(%+v)) = %v", m, err)
		}
		if back.Type != m.Type || back.Src != m.Src || back.Dst != m.Dst || string(back.Payload) != string(m.Payload) {
			t.Fatalf("round trip changed %+v into %+v", m, back)
		}
	})
}
