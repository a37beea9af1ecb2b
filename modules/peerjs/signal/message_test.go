package signal

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Message
		wantErr string
	}{
		{"heartbeat", `{"type":"HEARTBEAT"}`, Message{Type: "HEARTBEAT"}, ""},
		{"offer with spaces", ` { "type" : "OFFER", "dst":"bob", "payload": { "a" : [1, 2] } }`,
			Message{Type: "OFFER", Dst: "bob", Payload: json.RawMessage(`{"a":[1,2]}`)}, ""},
		{"relayed", `{"type":"ANSWER","src":"alice","dst":"bob","payload":{"x":1}}`,
			Message{Type: "ANSWER", Src: "alice", Dst: "bob", Payload: json.RawMessage(`{"x":1}`)}, ""},
		{"null dst is absent", `{"type":"LEAVE","dst":null}`, Message{Type: "LEAVE"}, ""},
		{"null payload kept", `{"type":"OFFER","dst":"b","payload":null}`,
			Message{Type: "OFFER", Dst: "b", Payload: json.RawMessage(`null`)}, ""},
		{"unknown fields ignored", `{"type":"X","extra":{"deep":[1]}}`, Message{Type: "X"}, ""},
		{"keys are case-sensitive", `{"type":"OFFER","DST":"carol","dst":"bob"}`, Message{Type: "OFFER", Dst: "bob"}, ""},
		{"repeated key keeps the last", `{"type":"OFFER","dst":"carol","dst":"bob"}`, Message{Type: "OFFER", Dst: "bob"}, ""},
		{"escaped id", `{"type":"OFFER","dst":"b\u00e9b"}`, Message{Type: "OFFER", Dst: "béb"}, ""},
		{"empty", ``, Message{}, "empty message"},
		{"blank", "  \n", Message{}, "empty message"},
		{"not json", `{type:OFFER}`, Message{}, "not valid JSON"},
		{"truncated", `{"type":"OFFER","dst":"b`, Message{}, "not valid JSON"},
		{"array", `[1,2]`, Message{}, "not a JSON object"},
		{"number", `5`, Message{}, "not a JSON object"},
		{"null", `null`, Message{}, "not a JSON object"},
		{"garbage after", `{"type":"X"} x`, Message{}, "not valid JSON"},
		{"no type", `{"dst":"bob"}`, Message{}, `no "type" field`},
		{"type number", `{"type":7}`, Message{}, `"type" field is not a string`},
		{"dst number", `{"type":"OFFER","dst":5}`, Message{}, `"dst" field is not a string`},
		{"src object", `{"type":"OFFER","src":{}}`, Message{}, `"src" field is not a string`},
		{"dst too long", `{"type":"OFFER","dst":"` + strings.Repeat("x", MaxIDLength+1) + `"}`, Message{}, "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Decode(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(%q): %v", tt.in, err)
			}
			if got.Type != tt.want.Type || got.Src != tt.want.Src || got.Dst != tt.want.Dst ||
				string(got.Payload) != string(tt.want.Payload) {
				t.Fatalf("Decode(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeNotObjectIsSentinel(t *testing.T) {
	if _, err := Decode([]byte(`"OPEN"`)); !errors.Is(err, ErrNotObject) {
		t.Fatalf("error = %v, want ErrNotObject", err)
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name string
		in   Message
		want string
	}{
		{"open", Message{Type: TypeOpen}, `{"type":"OPEN"}`},
		{"relay order", Message{Type: TypeOffer, Dst: "bob", Src: "alice", Payload: json.RawMessage(`{"a":1}`)},
			`{"type":"OFFER","src":"alice","dst":"bob","payload":{"a":1}}`},
		{"expire", Message{Type: TypeExpire, Src: "carol", Dst: "alice"}, `{"type":"EXPIRE","src":"carol","dst":"alice"}`},
		{"error", Message{Type: TypeError, Payload: ErrorPayload{Msg: "Invalid key provided"}.Encode()},
			`{"type":"ERROR","payload":{"msg":"Invalid key provided"}}`},
		{"no html escaping", Message{Type: TypeLeave, Src: "a<b>&c"}, `{"type":"LEAVE","src":"a<b>&c"}`},
		{"quotes escaped", Message{Type: TypeLeave, Src: "a\"b\n"}, `{"type":"LEAVE","src":"a\"b\n"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(tt.in.Encode()); got != tt.want {
				t.Fatalf("Encode() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := Message{Type: TypeCandidate, Src: "alice", Dst: "bob", Payload: json.RawMessage(`{"candidate":{"candidate":"c"},"connectionId":"dc_1"}`)}
	out, err := Decode(in.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if out.Type != in.Type || out.Src != in.Src || out.Dst != in.Dst || string(out.Payload) != string(in.Payload) {
		t.Fatalf("round trip = %+v, want %+v", out, in)
	}
}

// The frames a relay sees most take the fast path, with decodeSlow's result.
func TestDecodeFastPath(t *testing.T) {
	for _, f := range []string{
		`{"type":"OFFER","dst":"bob","payload":{"sdp":{"type":"offer","sdp":"v=0\r\n"},"connectionId":"dc_1"}}`,
		`{"type":"HEARTBEAT"}`,
		` {"payload": {"a": [1, 2]}, "type": "CANDIDATE", "dst": null, "extra": {"}": "]"}} `,
	} {
		fast, ok := decodeFast([]byte(f))
		slow, err := decodeSlow([]byte(f))
		if !ok || err != nil {
			t.Fatalf("%s: fast path %v, slow %v", f, ok, err)
		}
		if fast.Type != slow.Type || fast.Src != slow.Src || fast.Dst != slow.Dst || string(fast.Payload) != string(slow.Payload) {
			t.Fatalf("%s: fast %+v, slow %+v", f, fast, slow)
		}
	}
	for _, f := range []string{`{}`, `{"type":5}`, `{"type":"A","dst":"\u0062"}`, `{"ty\u0070e":"A"}`, `{"type":"A"`, `[]`} {
		if _, ok := decodeFast([]byte(f)); ok {
			t.Errorf("%s took the fast path", f)
		}
	}
}

func TestValidJSONIsNeverLooserThanEncodingJSON(t *testing.T) {
	for _, c := range []string{
		`{}`, `[]`, `""`, `0`, `-0.5e-3`, `1E+2`, `true`, ` null `, `{"a":[1,{"b":"\u00e9\"\\/"}]}`,
		`{`, `{"a"}`, `{"a":}`, `[1,]`, `01`, `1.`, `.5`, `-`, `1e`, `"\x"`, `"\u12"`, "\"a\tb\"", `tru`, `nul`,
		`{"a":1}x`, `[1 2]`, `{"a":1,}`, `"\ud800"`, strings.Repeat("[", 70) + strings.Repeat("]", 70),
	} {
		if got, want := validJSON([]byte(c)), json.Valid([]byte(c)); got && !want {
			t.Errorf("validJSON(%q) = true, json.Valid false", c)
		} else if got != want && len(c) < 100 {
			t.Errorf("validJSON(%q) = %v, json.Valid %v", c, got, want)
		}
	}
}
