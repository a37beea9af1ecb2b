package wire

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
	"unicode/utf8"

	"earlynode/internal/testenv"
)

// goldenRaw is one line of testdata/raw.golden.jsonl, captured from Node 20
// and node-ipc 9.2.1 in rawBuffer mode.
type goldenRaw struct {
	Kind       string   `json:"kind"`
	Encoding   string   `json:"encoding"`
	String     string   `json:"string"`
	WellFormed bool     `json:"wellFormed"`
	Bytes      string   `json:"bytes"`
	Name       string   `json:"name"`
	Chunks     []string `json:"chunks"`
	Outputs    []string `json:"outputs"`
	Strings    []string `json:"strings"`
	Stream     string   `json:"stream"`
	Received   string   `json:"received"`
}

func TestRawMatchesNode(t *testing.T) {
	seen := map[string]int{}
	for _, g := range testenv.ReadGoldenJSONL[goldenRaw](t, "testdata/raw.golden.jsonl") {
		enc, err := ParseEncoding(g.Encoding)
		if err != nil {
			t.Fatalf("ParseEncoding(%q): %v", g.Encoding, err)
		}
		chunks := make([][]byte, len(g.Chunks))
		for i, h := range g.Chunks {
			chunks[i], _ = hex.DecodeString(h)
		}
		switch g.Kind {
		case "encode":
			if !g.WellFormed {
				continue // no Go string holds a lone surrogate
			}
			seen[g.Kind]++
			if got := hex.EncodeToString(EncodeString(nil, g.String, enc)); got != g.Bytes {
				t.Errorf("EncodeString(%q, %s) = %s, Buffer.from gives %s", g.String, g.Encoding, got, g.Bytes)
			}
		case "decode":
			seen[g.Kind]++
			d := NewRawDecoder(enc)
			var got []string
			for _, c := range chunks {
				if out := d.Decode(nil, c); len(out) > 0 {
					got = append(got, hex.EncodeToString(out))
				}
			}
			if out := d.Flush(nil); len(out) > 0 {
				got = append(got, hex.EncodeToString(out))
			}
			if strings.Join(got, " ") != strings.Join(g.Outputs, " ") {
				t.Errorf("%s %s: RawDecoder gives %q, Node %q", g.Encoding, g.Name, got, g.Outputs)
			}
		case "serverStream":
			seen[g.Kind]++
			var got []byte
			for _, s := range g.Strings {
				got = EncodeString(got, s, enc)
			}
			if hex.EncodeToString(got) != g.Stream {
				t.Errorf("%s: emits of %d strings give %x, node-ipc server wrote %s", g.Encoding, len(g.Strings), got, g.Stream)
			}
		case "client":
			seen[g.Kind]++
			d := NewRawDecoder(enc)
			var got []byte
			for _, c := range chunks {
				got = d.Decode(got, c)
			}
			got = d.Flush(got)
			if hex.EncodeToString(got) != g.Received {
				t.Errorf("%s: RawDecoder gives %x, node-ipc client published %s", g.Encoding, got, g.Received)
			}
		default:
			t.Fatalf("unknown kind %q", g.Kind)
		}
	}
	for _, kind := range []string{"encode", "decode", "serverStream", "client"} {
		if seen[kind] == 0 {
			t.Errorf("golden file has no %q case", kind)
		}
	}
}

func TestParseEncoding(t *testing.T) {
	tests := []struct {
		name string
		want Encoding
	}{
		{"utf8", UTF8}, {"UTF-8", UTF8}, {"Utf8", UTF8},
		{"utf16le", UTF16LE}, {"utf-16le", UTF16LE}, {"ucs2", UTF16LE}, {"UCS-2", UTF16LE},
		{"latin1", Latin1}, {"binary", Latin1}, {"ascii", ASCII},
		{"base64", Base64}, {"base64url", Base64URL}, {"HEX", Hex},
	}
	for _, tt := range tests {
		got, err := ParseEncoding(tt.name)
		if err != nil || got != tt.want {
			t.Errorf("ParseEncoding(%q) = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "utf16", "utf-16", "latin-1", "base-64", "nope"} {
		if _, err := ParseEncoding(bad); err == nil || err.Error() != "Unknown encoding: "+bad {
			t.Errorf("ParseEncoding(%q) error = %v, want Node's message", bad, err)
		}
	}
	if UTF16LE.String() != "utf16le" || Encoding(99).String() != "Encoding(99)" {
		t.Errorf("String: %q %q", UTF16LE.String(), Encoding(99).String())
	}
}

// FuzzRawDecoder checks that the bytes published do not depend on how the
// stream was cut (only on where its end is), for every encoding.
func FuzzRawDecoder(f *testing.F) {
	f.Add([]byte("a\xc3\xa9\xe2\x98\x83\xf0\x9f\x98\x80\xff\xe2\x82A"), []byte{0, 2, 1})
	f.Add([]byte{0x3d, 0xd8, 0x00, 0xde, 0x41}, []byte{1, 0})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7}, []byte{0, 3})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		for enc := UTF8; enc <= Hex; enc++ {
			whole := NewRawDecoder(enc)
			want := whole.Flush(whole.Decode(nil, data))
			d := NewRawDecoder(enc)
			var got []byte
			s := sizes
			for rest := data; len(rest) > 0; {
				n := len(rest)
				if len(s) > 0 {
					n = min(int(s[0])+1, n)
					s = s[1:]
				}
				got = d.Decode(got, rest[:n])
				rest = rest[n:]
			}
			got = d.Flush(got)
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: chunked %x, whole %x", enc, got, want)
			}
			if enc == UTF8 && !utf8.Valid(got) {
				t.Fatalf("utf8 output %x is not valid UTF-8", got)
			}
		}
	})
}

// FuzzEncodeString compares the hex and base64 decoding with encoding/hex
// and encoding/base64 on the strings both accept, and checks the rest does
// not panic.
func FuzzEncodeString(f *testing.F) {
	for _, s := range []string{"abcd00ff", "zz12", "aGVsbG8=", "aGV sbG8", "QU=FB", "\u0141\u0141", "a-_b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for enc := UTF8; enc <= Hex; enc++ {
			EncodeString(nil, s, enc)
		}
		if b, err := hex.DecodeString(s); err == nil {
			if got := EncodeString(nil, s, Hex); !bytes.Equal(got, b) {
				t.Fatalf("hex %q: %x, encoding/hex %x", s, got, b)
			}
		}
		if b, err := base64.StdEncoding.Strict().DecodeString(s); err == nil {
			if got := EncodeString(nil, s, Base64); !bytes.Equal(got, b) {
				t.Fatalf("base64 %q: %x, encoding/base64 %x", s, got, b)
			}
		}
		if b, err := base64.RawURLEncoding.Strict().DecodeString(s); err == nil {
			if got := EncodeString(nil, s, Base64URL); !bytes.Equal(got, b) {
				t.Fatalf("base64url %q: %x, encoding/base64 %x", s, got, b)
			}
		}
	})
}

func BenchmarkRawDecoderUTF8(b *testing.B) {
	chunk := bytes.Repeat([]byte("héllo wörld ☃ "), 400)
	d := NewRawDecoder(UTF8)
	buf := make([]byte, 0, len(chunk))
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		buf = d.Decode(buf[:0], chunk)
	}
}
