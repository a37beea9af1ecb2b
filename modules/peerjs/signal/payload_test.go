package signal

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

func strPtr(s string) *string { return &s }
func u16Ptr(v uint16) *uint16 { return &v }

// The golden files hold the payload shapes PeerJS 1.5.5 sends
// (docs/wire/peerjs.md, Payloads): key order and spelling must match byte for byte.
func TestPayloadGolden(t *testing.T) {
	offer := OfferPayload{
		SDP:          SessionDescription{Type: "offer", SDP: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"},
		Type:         ConnectionTypeData,
		ConnectionID: "dc_nj1nlz1cfd", Metadata: json.RawMessage(`{"hello":1}`),
		Label: "dc_nj1nlz1cfd", Reliable: false, Serialization: "json",
	}
	testenv.Golden(t, filepath.Join("testdata", "offer.golden"), offer.Encode())
	answer := AnswerPayload{
		SDP:  SessionDescription{Type: "answer", SDP: "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n"},
		Type: ConnectionTypeData, ConnectionID: "dc_nj1nlz1cfd",
	}
	testenv.Golden(t, filepath.Join("testdata", "answer.golden"), answer.Encode())
	cand := CandidatePayload{
		Candidate: ICECandidate{
			Candidate: "candidate:1 1 udp 2130706431 198.18.0.1 50000 typ host",
			SDPMid:    strPtr("0"), SDPMLineIndex: u16Ptr(0), UsernameFragment: strPtr("a9Tg"),
		},
		Type: ConnectionTypeData, ConnectionID: "dc_nj1nlz1cfd",
	}
	testenv.Golden(t, filepath.Join("testdata", "candidate.golden"), cand.Encode())

	// And back: decoding the golden bytes gives the same structs.
	for name, check := range map[string]func([]byte) error{
		"offer.golden": func(b []byte) error {
			got, err := DecodeOffer(b)
			if err == nil && (got.ConnectionID != offer.ConnectionID || string(got.Metadata) != `{"hello":1}` || got.SDP != offer.SDP || got.Serialization != "json") {
				t.Errorf("DecodeOffer = %+v", got)
			}
			return err
		},
		"answer.golden": func(b []byte) error {
			got, err := DecodeAnswer(b)
			if err == nil && got != answer {
				t.Errorf("DecodeAnswer = %+v", got)
			}
			return err
		},
		"candidate.golden": func(b []byte) error {
			got, err := DecodeCandidate(b)
			if err == nil && (got.Candidate.Candidate != cand.Candidate.Candidate || *got.Candidate.SDPMid != "0" || *got.Candidate.SDPMLineIndex != 0) {
				t.Errorf("DecodeCandidate = %+v", got)
			}
			return err
		},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := check(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOfferWithoutMetadataOmitsKey(t *testing.T) {
	p := OfferPayload{SDP: SessionDescription{Type: "offer", SDP: "v=0"}, Type: "data", ConnectionID: "dc_1", Label: "dc_1", Serialization: "binary"}
	if got := string(p.Encode()); strings.Contains(got, "metadata") {
		t.Fatalf("Encode() = %s, want no metadata key", got)
	}
	p.Metadata = json.RawMessage(`null`)
	if got := string(p.Encode()); !strings.Contains(got, `"metadata":null`) {
		t.Fatalf("Encode() = %s, want metadata null", got)
	}
	p.Metadata = json.RawMessage(`{bad`)
	if got := string(p.Encode()); !json.Valid([]byte(got)) {
		t.Fatalf("Encode() with invalid metadata = %s, not valid JSON", got)
	}
}

func TestDecodePayloadErrors(t *testing.T) {
	tests := []struct {
		name    string
		decode  func(json.RawMessage) error
		in      string
		wantErr string
	}{
		{"offer missing", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, ``, "OFFER has no payload"},
		{"offer array", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, `[1]`, "not a JSON object"},
		{"offer no id", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, `{"sdp":{"type":"offer","sdp":"v=0"}}`, "no connectionId"},
		{"offer answer sdp", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, `{"connectionId":"dc_1","sdp":{"type":"answer","sdp":"v=0"}}`, "no offer SDP"},
		{"offer sdp string", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, `{"connectionId":"dc_1","sdp":"v=0"}`, "OFFER payload"},
		{"offer reliable string", func(p json.RawMessage) error { _, err := DecodeOffer(p); return err }, `{"connectionId":"dc_1","reliable":"yes","sdp":{"type":"offer","sdp":"v"}}`, "OFFER payload"},
		{"answer no sdp", func(p json.RawMessage) error { _, err := DecodeAnswer(p); return err }, `{"connectionId":"dc_1"}`, "no answer SDP"},
		{"candidate empty", func(p json.RawMessage) error { _, err := DecodeCandidate(p); return err }, `{"connectionId":"dc_1","candidate":{}}`, "no candidate"},
		{"candidate index negative", func(p json.RawMessage) error { _, err := DecodeCandidate(p); return err }, `{"connectionId":"dc_1","candidate":{"candidate":"c","sdpMLineIndex":-1}}`, "CANDIDATE payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.decode(json.RawMessage(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestConnectionIDOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"connectionId":"dc_abc","x":1}`, "dc_abc"},
		{`{"connectionId":5}`, ""},
		{`[]`, ""},
		{``, ""},
		{`{"connectionId":"dc_`, ""},
	}
	for _, tt := range tests {
		if got := ConnectionIDOf(json.RawMessage(tt.in)); got != tt.want {
			t.Errorf("ConnectionIDOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeErrorPayload(t *testing.T) {
	if got := DecodeError(json.RawMessage(`{"msg":"ID is taken"}`)); got.Msg != "ID is taken" {
		t.Fatalf("DecodeError = %+v", got)
	}
	if got := DecodeError(json.RawMessage(`"nope"`)); got.Msg != "" {
		t.Fatalf("DecodeError of a string = %+v", got)
	}
}
