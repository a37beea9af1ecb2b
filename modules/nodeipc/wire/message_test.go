package wire

import (
	"encoding/hex"
	"testing"

	"earlynode/internal/testenv"
)

// goldenMessage is one line of testdata/messages.golden.jsonl: what a real
// node-ipc server wrote for emit(socket, type, data).
type goldenMessage struct {
	Name           string  `json:"name"`
	Delimiter      string  `json:"delimiter"`
	Type           *string `json:"type"`
	TypeWellFormed bool    `json:"typeWellFormed"`
	TypeJSON       *string `json:"typeJSON"`
	DataJSON       *string `json:"dataJSON"`
	Wire           string  `json:"wire"`
}

func TestMessagesMatchRealLibrary(t *testing.T) {
	for _, g := range testenv.ReadGoldenJSONL[goldenMessage](t, "testdata/messages.golden.jsonl") {
		t.Run(g.Name+" "+hex.EncodeToString([]byte(g.Delimiter)), func(t *testing.T) {
			want, err := hex.DecodeString(g.Wire)
			if err != nil {
				t.Fatal(err)
			}
			got := AppendMessageJSON(nil, optional(g.TypeJSON), optional(g.DataJSON), g.Delimiter)
			if string(got) != string(want) {
				t.Errorf("AppendMessageJSON = %q, node-ipc wrote %q", got, want)
			}
			if g.Type != nil && g.TypeWellFormed {
				got := AppendMessage(nil, *g.Type, optional(g.DataJSON), g.Delimiter)
				if string(got) != string(want) {
					t.Errorf("AppendMessage = %q, node-ipc wrote %q", got, want)
				}
			}
			// What node-ipc writes, we read back member for member.
			msgs, err := NewDecoder(g.Delimiter, 0).Decode(want)
			if err != nil || len(msgs) != 1 || msgs[0].Err != nil {
				t.Fatalf("Decode(real bytes) = %+v, %v", msgs, err)
			}
			if string(msgs[0].Type) != string(optional(g.TypeJSON)) || string(msgs[0].Data) != string(optional(g.DataJSON)) {
				t.Errorf("Decode gives type %s data %s, want %s %s", msgs[0].Type, msgs[0].Data, optional(g.TypeJSON), optional(g.DataJSON))
			}
		})
	}
}

func TestAppendMessageAppends(t *testing.T) {
	buf := AppendMessage([]byte("x"), "a", []byte(`{}`), DefaultDelimiter)
	buf = AppendMessage(buf, "f", nil, "|")
	if want := "x{\"type\":\"a\",\"data\":{}}\f{\"type\":\"f\"}|"; string(buf) != want {
		t.Errorf("got %q, want %q", buf, want)
	}
	if got := string(AppendMessageJSON(nil, nil, []byte(`1`), "\f")); got != "{\"data\":1}\f" {
		t.Errorf("AppendMessageJSON(undefined, 1) = %q", got)
	}
}

func BenchmarkAppendMessage(b *testing.B) {
	data := []byte(`{"id":12345,"name":"a typical message","tags":["a","b","c"]}`)
	buf := make([]byte, 0, 256)
	for b.Loop() {
		buf = AppendMessage(buf[:0], "message", data, DefaultDelimiter)
	}
	b.SetBytes(int64(len(buf)))
}
