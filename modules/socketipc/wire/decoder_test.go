package wire

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// goldenStream is one line of testdata/decode.golden.jsonl: chunks fed to
// the real library's decoder and what it produced, flattened.
type goldenStream struct {
	Name    string   `json:"name"`
	Chunks  []string `json:"chunks"`
	Results []struct {
		TopicJSON   *string `json:"topicJSON"`
		MessageJSON *string `json:"messageJSON"`
		ValueJSON   string  `json:"valueJSON"`
		Error       *string `json:"error"`
		RawData     *string `json:"rawData"`
	} `json:"results"`
}

// decodeResult is one thing Decode produced, in the golden file's terms.
type decodeResult struct {
	env Envelope
	err error
}

// decodeChunks runs chunks through a new decoder, copying what it returns.
func decodeChunks(t *testing.T, max int, chunks [][]byte) []decodeResult {
	t.Helper()
	d := NewDecoder(max)
	var out []decodeResult
	for _, c := range chunks {
		envs, err := d.Decode(c)
		for _, e := range envs {
			out = append(out, decodeResult{env: Envelope{
				Text: bytes.Clone(e.Text), Topic: bytes.Clone(e.Topic), Message: bytes.Clone(e.Message), IsNull: e.IsNull,
			}})
		}
		if err != nil {
			out = append(out, decodeResult{err: err})
		}
	}
	return out
}

func TestDecoderMatchesRealLibrary(t *testing.T) {
	for _, g := range testenv.ReadGoldenJSONL[goldenStream](t, "testdata/decode.golden.jsonl") {
		t.Run(g.Name, func(t *testing.T) {
			var chunks [][]byte
			for _, h := range g.Chunks {
				c, err := hex.DecodeString(h)
				if err != nil {
					t.Fatal(err)
				}
				chunks = append(chunks, c)
			}
			got := decodeChunks(t, 0, chunks)
			if len(got) != len(g.Results) {
				t.Fatalf("got %d results, real library gave %d", len(got), len(g.Results))
			}
			for i, want := range g.Results {
				r := got[i]
				if want.Error != nil {
					var de *DecodeError
					if !errors.As(r.err, &de) {
						t.Fatalf("result %d: got %v, want a DecodeError", i, r.err)
					}
					if string(de.RawData) != *want.RawData {
						t.Errorf("result %d: RawData %q, real library %q", i, de.RawData, *want.RawData)
					}
					if !strings.HasPrefix(de.Error(), "Failed to decode, caused by: ") || !strings.HasPrefix(*want.Error, "Failed to decode, caused by: ") {
						t.Errorf("result %d: message %q, real library %q", i, de.Error(), *want.Error)
					}
					continue
				}
				if r.err != nil {
					t.Fatalf("result %d: error %v, real library decoded %s", i, r.err, want.ValueJSON)
				}
				if !sameJSON(t, r.env.Text, []byte(want.ValueJSON)) {
					t.Errorf("result %d: text %s, real library %s", i, r.env.Text, want.ValueJSON)
				}
				if want.ValueJSON == "null" {
					if !r.env.IsNull {
						t.Errorf("result %d: IsNull false for null", i)
					}
					continue
				}
				if !sameJSON(t, r.env.Topic, optional(want.TopicJSON)) || !sameJSON(t, r.env.Message, optional(want.MessageJSON)) {
					t.Errorf("result %d: topic %s message %s, real library %v %v", i, r.env.Topic, r.env.Message, want.TopicJSON, want.MessageJSON)
				}
			}
			// Without bad messages, any chunking gives the same envelopes.
			for _, r := range got {
				if r.err != nil {
					return
				}
			}
			whole := bytes.Join(chunks, nil)
			var single [][]byte
			for i := range whole {
				single = append(single, whole[i:i+1])
			}
			byByte := decodeChunks(t, 0, single)
			if len(byByte) != len(got) {
				t.Fatalf("byte by byte: %d envelopes, in chunks: %d", len(byByte), len(got))
			}
			for i := range got {
				if !bytes.Equal(byByte[i].env.Text, got[i].env.Text) {
					t.Errorf("byte by byte envelope %d = %q, in chunks %q", i, byByte[i].env.Text, got[i].env.Text)
				}
			}
		})
	}
}

func TestDecoderSizeLimit(t *testing.T) {
	small := string(AppendEnvelope(nil, "a", []byte("1")))
	tests := []struct {
		name   string
		chunks []string
		want   []string // envelope texts, "!" for a too-large error at the end of a chunk's results
	}{
		{"within limit", []string{small}, []string{`{"topic":"a","message":1}`}},
		{"oversized complete message skipped", []string{`{"topic":"` + strings.Repeat("x", 40) + `"}` + Delimiter + small}, []string{`{"topic":"a","message":1}`, "!"}},
		{"oversized partial message", []string{strings.Repeat("x", 40), strings.Repeat("y", 40), Delimiter + small}, []string{"!", `{"topic":"a","message":1}`}},
		{"messages before the oversized one kept", []string{small + strings.Repeat("x", 40), Delimiter}, []string{`{"topic":"a","message":1}`, "!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(32)
			var got []string
			for _, c := range tt.chunks {
				envs, err := d.Decode([]byte(c))
				for _, e := range envs {
					got = append(got, string(e.Text))
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
			if d.Buffered() != 0 {
				t.Errorf("Buffered() = %d after the stream", d.Buffered())
			}
		})
	}
}

func TestDecodeErrorKeepsPartialMessage(t *testing.T) {
	d := NewDecoder(0)
	envs, err := d.Decode([]byte("{\"topic\":\"a\"}\x00\x00bad\x00\x00{\"topic\":\"c\"}\x00\x00{\"topic\":\"d\""))
	var de *DecodeError
	if envs != nil || !errors.As(err, &de) || string(de.RawData) != "bad" {
		t.Fatalf("Decode = %v, %v; want no envelopes and a DecodeError for \"bad\"", envs, err)
	}
	if !errors.Is(err, de.Cause) {
		t.Error("DecodeError does not unwrap to its cause")
	}
	envs, err = d.Decode([]byte("}\x00\x00"))
	if err != nil || len(envs) != 1 || string(envs[0].Topic) != `"d"` {
		t.Fatalf("after the error: %v, %v; want the partial message completed", envs, err)
	}
}

// FuzzDecoder feeds any bytes in any chunking: no panic, every envelope is a
// valid JSON object text in well-formed UTF-8, and a stream without errors
// decodes to the same envelopes whatever the chunking.
func FuzzDecoder(f *testing.F) {
	f.Add([]byte("{\"topic\":\"welcome\",\"message\":{\"x\":1}}\x00\x00{\"topic\":\"bc\",\"message\":null}\x00\x00{\"topic\":\"u\"}\x00\x00"), []byte{3, 9, 1})
	f.Add([]byte("garbage\x00\x00\x00\x00{\"topic\":\"a\"}\xff\x00\x00"), []byte{0})
	f.Add([]byte("{\"topic\":\"\xe2\x98\x83\",\"message\":\"\xf0\x9f\x98\x80\"}\x00\x00"), []byte{1, 1, 1, 1, 1})
	f.Add([]byte("null\x00\x00[1]\x00\x00"), []byte{2})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		check := func(envs []Envelope) {
			for _, e := range envs {
				if !bytes.Equal(e.Text, bytes.ToValidUTF8(e.Text, nil)) {
					t.Fatalf("envelope text %q is not well-formed UTF-8", e.Text)
				}
			}
		}
		whole := NewDecoder(64)
		wenvs, werr := whole.Decode(data)
		check(wenvs)
		var wantTexts []string
		for _, e := range wenvs {
			wantTexts = append(wantTexts, string(e.Text))
		}
		d := NewDecoder(64)
		var gotTexts []string
		failed := werr != nil
		for rest := data; len(rest) > 0; {
			n := len(rest)
			if len(sizes) > 0 {
				n = min(int(sizes[0])+1, n)
				sizes = sizes[1:]
			}
			envs, err := d.Decode(rest[:n])
			check(envs)
			for _, e := range envs {
				gotTexts = append(gotTexts, string(e.Text))
			}
			failed = failed || err != nil
			rest = rest[n:]
		}
		if !failed && strings.Join(gotTexts, "\x00") != strings.Join(wantTexts, "\x00") {
			t.Fatalf("chunked %q, whole %q", gotTexts, wantTexts)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	msg := []byte(`{"id":12345,"name":"a typical message","tags":["a","b","c"]}`)
	var chunk []byte
	for range 100 {
		chunk = AppendEnvelope(chunk, "spam", msg)
	}
	d := NewDecoder(0)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		envs, err := d.Decode(chunk)
		if err != nil || len(envs) != 100 {
			b.Fatal(len(envs), err)
		}
	}
	b.ReportMetric(float64(b.N)*100/b.Elapsed().Seconds(), "msg/s")
}
