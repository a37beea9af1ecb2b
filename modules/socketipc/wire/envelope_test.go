package wire

import (
	"encoding/hex"
	"testing"

	"earlynode/internal/testenv"
)

// goldenEnvelope is one line of testdata/envelopes.golden.jsonl: what the
// real server wrote for send(topic, message).
type goldenEnvelope struct {
	Name            string  `json:"name"`
	Topic           *string `json:"topic"`
	TopicWellFormed bool    `json:"topicWellFormed"`
	TopicJSON       *string `json:"topicJSON"`
	MessageJSON     *string `json:"messageJSON"`
	Wire            string  `json:"wire"`
}

func TestEnvelopesMatchRealLibrary(t *testing.T) {
	for _, g := range testenv.ReadGoldenJSONL[goldenEnvelope](t, "testdata/envelopes.golden.jsonl") {
		t.Run(g.Name, func(t *testing.T) {
			want, err := hex.DecodeString(g.Wire)
			if err != nil {
				t.Fatal(err)
			}
			got := AppendEnvelopeJSON(nil, optional(g.TopicJSON), optional(g.MessageJSON))
			if string(got) != string(want) {
				t.Errorf("AppendEnvelopeJSON = %q, real library wrote %q", got, want)
			}
			if g.Topic != nil && g.TopicWellFormed {
				got := AppendEnvelope(nil, *g.Topic, optional(g.MessageJSON))
				if string(got) != string(want) {
					t.Errorf("AppendEnvelope = %q, real library wrote %q", got, want)
				}
			}
			// What we write, we read back member for member.
			envs, err := NewDecoder(0).Decode(want)
			if err != nil || len(envs) != 1 {
				t.Fatalf("Decode(real bytes) = %d envelopes, %v", len(envs), err)
			}
			if string(envs[0].Topic) != string(optional(g.TopicJSON)) || string(envs[0].Message) != string(optional(g.MessageJSON)) {
				t.Errorf("Decode gives topic %s message %s, want %s %s", envs[0].Topic, envs[0].Message, optional(g.TopicJSON), optional(g.MessageJSON))
			}
		})
	}
}

func TestAppendEnvelopeAppends(t *testing.T) {
	buf := AppendEnvelope([]byte("x"), "a", []byte("1"))
	buf = AppendEnvelope(buf, "b", nil)
	if want := "x{\"topic\":\"a\",\"message\":1}\x00\x00{\"topic\":\"b\"}\x00\x00"; string(buf) != want {
		t.Errorf("got %q, want %q", buf, want)
	}
	if got := string(AppendEnvelopeJSON(nil, nil, nil)); got != "{}\x00\x00" {
		t.Errorf("AppendEnvelopeJSON(nil, nil) = %q, want JSON.stringify({}) framed", got)
	}
	if got := string(AppendEnvelopeJSON(nil, nil, []byte(`2`))); got != "{\"message\":2}\x00\x00" {
		t.Errorf("AppendEnvelopeJSON(nil, 2) = %q", got)
	}
}

func BenchmarkAppendEnvelope(b *testing.B) {
	msg := []byte(`{"id":12345,"name":"a typical message","tags":["a","b","c"]}`)
	buf := make([]byte, 0, 256)
	for b.Loop() {
		buf = AppendEnvelope(buf[:0], "spam", msg)
	}
	b.SetBytes(int64(len(buf)))
}
