package wire

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// goldenEvent is one event a real node-ipc server published.
type goldenEvent struct {
	TypeJSON *string `json:"typeJSON"`
	DataJSON *string `json:"dataJSON"`
	Invalid  bool    `json:"invalid"`
	Response *string `json:"response"`
	ErrName  string  `json:"errName"`
}

// checkEvents compares decoded messages with the events node-ipc published.
func checkEvents(t *testing.T, got []Message, want []goldenEvent) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d messages, node-ipc published %d events", len(got), len(want))
	}
	for i, w := range want {
		m := got[i]
		if w.Invalid {
			if m.Err == nil {
				t.Errorf("event %d: decoded %s, node-ipc published an error", i, m.Text)
				continue
			}
			if w.Response == nil {
				if !m.Err.Null || w.ErrName != "TypeError" && w.ErrName != "" {
					t.Errorf("event %d: %v, node-ipc reported response null (%s)", i, m.Err, w.ErrName)
				}
			} else if m.Err.Null || string(m.Err.Response) != *w.Response {
				t.Errorf("event %d: response %q, node-ipc %q", i, m.Err.Response, *w.Response)
			}
			if !strings.HasPrefix(m.Err.Error(), InvalidJSONMessage) {
				t.Errorf("event %d: error %q does not start with %q", i, m.Err.Error(), InvalidJSONMessage)
			}
			continue
		}
		if m.Err != nil {
			t.Errorf("event %d: error %v, node-ipc published %v", i, m.Err, w.TypeJSON)
			continue
		}
		if !sameJSON(t, m.Type, optional(w.TypeJSON)) || !sameJSON(t, m.Data, optional(w.DataJSON)) {
			t.Errorf("event %d: type %s data %s, node-ipc %v %v", i, m.Type, m.Data, w.TypeJSON, w.DataJSON)
		}
	}
}

// copyMessages detaches messages from the decoder's buffers.
func copyMessages(msgs []Message) []Message {
	out := make([]Message, len(msgs))
	for i, m := range msgs {
		out[i] = Message{Text: bytes.Clone(m.Text), Type: bytes.Clone(m.Type), Data: bytes.Clone(m.Data), Err: m.Err}
	}
	return out
}

func TestDecoderMatchesRealLibrary(t *testing.T) {
	type stream struct {
		Name   string        `json:"name"`
		Chunks []string      `json:"chunks"`
		Events []goldenEvent `json:"events"`
	}
	for _, g := range testenv.ReadGoldenJSONL[stream](t, "testdata/decode.golden.jsonl") {
		t.Run(g.Name, func(t *testing.T) {
			var chunks [][]byte
			for _, h := range g.Chunks {
				c, err := hex.DecodeString(h)
				if err != nil {
					t.Fatal(err)
				}
				chunks = append(chunks, c)
			}
			for _, split := range []string{"as captured", "byte by byte"} {
				feed := chunks
				if split == "byte by byte" {
					whole := bytes.Join(chunks, nil)
					feed = nil
					for i := range whole {
						feed = append(feed, whole[i:i+1])
					}
				}
				d := NewDecoder("", 0)
				var got []Message
				for _, c := range feed {
					msgs, err := d.Decode(c)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, copyMessages(msgs)...)
				}
				t.Run(split, func(t *testing.T) { checkEvents(t, got, g.Events) })
			}
		})
	}
}

func TestDecoderEagerAndSizeLimit(t *testing.T) {
	tests := []struct {
		name   string
		delim  string
		chunks []string
		want   []string // message texts, "!" for a too-large error
	}{
		// node-ipc would wait for a chunk ending with the delimiter.
		{"complete message before a partial one", "", []string{"{\"type\":\"a\"}\f{\"ty"}, []string{`{"type":"a"}`}},
		{"multi-character delimiter", "\r\n", []string{"{\"type\":\"a\"}\r", "\n"}, []string{`{"type":"a"}`}},
		{"oversized skipped", "", []string{`{"type":"` + strings.Repeat("x", 40) + "\"}\f{\"type\":\"b\"}\f"}, []string{`{"type":"b"}`, "!"}},
		{"oversized partial", "", []string{strings.Repeat("x", 40), "\f{\"type\":\"b\"}\f"}, []string{"!", `{"type":"b"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(tt.delim, 32)
			var got []string
			for _, c := range tt.chunks {
				msgs, err := d.Decode([]byte(c))
				for _, m := range msgs {
					got = append(got, string(m.Text))
				}
				if err != nil {
					if !errors.Is(err, ErrFrameTooLarge) {
						t.Fatalf("error %v does not wrap ErrFrameTooLarge", err)
					}
					got = append(got, "!")
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzDecoder feeds any bytes in any chunking: no panic, every message text
// is well-formed UTF-8, and the messages do not depend on the chunking.
func FuzzDecoder(f *testing.F) {
	f.Add([]byte("{\"type\":\"a\",\"data\":1}\f{\"type\":\"b\",\"data\":{\"x\":[1,2]}}\f{\"type\":\"c\",\"data\":null}\f"), []byte{3, 9, 1})
	f.Add([]byte("garbage\f\fnull\f5\f{\"type\":\"a\"}\xff\f"), []byte{0})
	f.Add([]byte("{\"type\":\"\xe2\x98\x83\",\"data\":\"\xf0\x9f\x98\x80\"}\f"), []byte{1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		describe := func(msgs []Message) []string {
			var out []string
			for _, m := range msgs {
				if !bytes.Equal(m.Text, bytes.ToValidUTF8(m.Text, nil)) {
					t.Fatalf("message text %q is not well-formed UTF-8", m.Text)
				}
				s := string(m.Text)
				if m.Err != nil {
					s = "!" + s
				}
				out = append(out, s)
			}
			return out
		}
		whole, werr := NewDecoder("", 64).Decode(data)
		want := describe(whole)
		d := NewDecoder("", 64)
		var got []string
		failed := werr != nil
		for rest := data; len(rest) > 0; {
			n := len(rest)
			if len(sizes) > 0 {
				n = min(int(sizes[0])+1, n)
				sizes = sizes[1:]
			}
			msgs, err := d.Decode(rest[:n])
			got = append(got, describe(msgs)...)
			failed = failed || err != nil
			rest = rest[n:]
		}
		if !failed && strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("chunked %q, whole %q", got, want)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data := []byte(`{"id":12345,"name":"a typical message","tags":["a","b","c"]}`)
	var chunk []byte
	for range 100 {
		chunk = AppendMessage(chunk, "message", data, DefaultDelimiter)
	}
	d := NewDecoder("", 0)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		msgs, err := d.Decode(chunk)
		if err != nil || len(msgs) != 100 {
			b.Fatal(len(msgs), err)
		}
	}
	b.ReportMetric(float64(b.N)*100/b.Elapsed().Seconds(), "msg/s")
}
