package wire

import (
	"bytes"
	"encoding/hex"
	"testing"

	"earlynode/internal/testenv"
)

// goldenUDP is one line of testdata/udp.golden.jsonl, captured from a real
// node-ipc udp4 server.
type goldenUDP struct {
	Kind      string        `json:"kind"`
	Name      string        `json:"name"`
	Encoding  string        `json:"encoding"`
	TypeJSON  *string       `json:"typeJSON"`
	DataJSON  *string       `json:"dataJSON"`
	Value     string        `json:"value"`
	Datagram  string        `json:"datagram"`
	Datagrams []string      `json:"datagrams"`
	Events    []goldenEvent `json:"events"`
	RawEvents []struct {
		DataHex string `json:"dataHex"`
	} `json:"-"`
}

func TestUDPMatchesRealLibrary(t *testing.T) {
	seen := map[string]int{}
	for _, g := range testenv.ReadGoldenJSONL[goldenUDP](t, "testdata/udp.golden.jsonl") {
		seen[g.Kind]++
		t.Run(g.Kind+" "+g.Encoding+" "+g.Name, func(t *testing.T) {
			datagram, _ := hex.DecodeString(g.Datagram)
			switch g.Kind {
			case "send":
				got := AppendMessageJSON(nil, optional(g.TypeJSON), optional(g.DataJSON), DefaultDelimiter)
				if len(g.Datagrams) != 1 || hex.EncodeToString(got) != g.Datagrams[0] {
					t.Errorf("AppendMessageJSON = %x, node-ipc sent %v", got, g.Datagrams)
				}
			case "receive":
				msgs := DecodeDatagram(nil, datagram, "")
				checkEvents(t, msgs, g.Events)
			case "rawReceive":
				enc, err := ParseEncoding(g.Encoding)
				if err != nil {
					t.Fatal(err)
				}
				got := RawDatagram(nil, datagram, enc)
				if len(g.Events) != 1 {
					t.Fatalf("golden has %d events", len(g.Events))
				}
				if want := rawEventHex(t, g.Name, g.Encoding); hex.EncodeToString(got) != want {
					t.Errorf("RawDatagram(%x, %s) = %x, node-ipc published %s", datagram, enc, got, want)
				}
			case "rawSend":
				enc, err := ParseEncoding(g.Encoding)
				if err != nil {
					t.Fatal(err)
				}
				got := EncodeString(nil, g.Value, enc)
				if len(g.Datagrams) != 1 || hex.EncodeToString(got) != g.Datagrams[0] {
					t.Errorf("EncodeString(%q, %s) = %x, node-ipc sent %v", g.Value, enc, got, g.Datagrams)
				}
			default:
				t.Fatalf("unknown kind %q", g.Kind)
			}
		})
	}
	for _, kind := range []string{"send", "receive", "rawReceive", "rawSend"} {
		if seen[kind] == 0 {
			t.Errorf("golden file has no %q case", kind)
		}
	}
}

// rawEventHex finds the dataHex of the rawReceive case name/encoding (the
// field sits in the events list, which goldenEvent does not carry).
func rawEventHex(t *testing.T, name, encoding string) string {
	t.Helper()
	type raw struct {
		Kind     string `json:"kind"`
		Name     string `json:"name"`
		Encoding string `json:"encoding"`
		Events   []struct {
			DataHex string `json:"dataHex"`
		} `json:"events"`
	}
	for _, r := range testenv.ReadGoldenJSONL[raw](t, "testdata/udp.golden.jsonl") {
		if r.Kind == "rawReceive" && r.Name == name && r.Encoding == encoding {
			return r.Events[0].DataHex
		}
	}
	t.Fatalf("no rawReceive case %s/%s", name, encoding)
	return ""
}

func TestDecodeDatagram(t *testing.T) {
	tests := []struct {
		name     string
		datagram string
		delim    string
		want     []string
	}{
		{"two messages", "{\"type\":\"a\"}\f{\"type\":\"b\"}\f", "", []string{`{"type":"a"}`, `{"type":"b"}`}},
		{"ignored without final delimiter", "{\"type\":\"a\"}\f{\"type\":\"b\"}", "", nil},
		{"empty datagram", "", "", nil},
		{"empty message", "\f", "", []string{"!"}},
		{"own delimiter", "{\"type\":\"a\"}|", "|", []string{`{"type":"a"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range DecodeDatagram(nil, []byte(tt.datagram), tt.delim) {
				if m.Err != nil {
					got = append(got, "!")
				} else {
					got = append(got, string(m.Text))
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("message %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// FuzzDecodeDatagram: no panic, and a datagram is all or nothing: either it
// ends with the delimiter and every delimited text is a message, or nothing.
func FuzzDecodeDatagram(f *testing.F) {
	f.Add([]byte("{\"type\":\"a\",\"data\":1}\f{\"type\":\"b\",\"data\":[2]}\f"))
	f.Add([]byte("{\"type\":\"a\",\"data\":1}\f{\"type\":\"b\""))
	f.Add([]byte("garbage\f\xff\f"))
	f.Fuzz(func(t *testing.T, datagram []byte) {
		msgs := DecodeDatagram(nil, datagram, "")
		want := 0
		if bytes.HasSuffix(datagram, []byte("\f")) {
			want = bytes.Count(datagram, []byte("\f"))
		}
		if len(msgs) != want {
			t.Fatalf("%d messages from %q, want %d", len(msgs), datagram, want)
		}
	})
}
