package jsonframe

import (
	"bytes"
	"encoding/hex"
	"testing"
	"unicode/utf8"

	"earlynode/internal/testenv"
)

// TestAppendWellFormedUTF8MatchesNode replays testdata/utf8.golden.jsonl:
// byte sequences and what buf.toString('utf8') made of them in Node 20.
func TestAppendWellFormedUTF8MatchesNode(t *testing.T) {
	type entry struct{ In, Out string }
	for _, e := range testenv.ReadGoldenJSONL[entry](t, "testdata/utf8.golden.jsonl") {
		in, _ := hex.DecodeString(e.In)
		got := hex.EncodeToString(AppendWellFormedUTF8(nil, in))
		if got != e.Out {
			t.Errorf("AppendWellFormedUTF8(%s) = %s, Node gives %s", e.In, got, e.Out)
		}
	}
}

// FuzzAppendWellFormedUTF8 checks the properties the decoders rely on: the
// output is valid UTF-8, valid input is kept, and cutting the input at an
// ASCII byte does not change the result.
func FuzzAppendWellFormedUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "\xe2\x82\xac", "\xe2\x82A", "\xf0\x80\x80\x80", "\xed\xa0\x80", "a\xffb\x00c"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out := AppendWellFormedUTF8(nil, in)
		if !utf8.Valid(out) {
			t.Fatalf("output %x is not valid UTF-8", out)
		}
		if utf8.Valid(in) && !bytes.Equal(in, out) {
			t.Fatalf("valid input %x changed to %x", in, out)
		}
		if len(in) > 512 {
			return
		}
		for i, c := range in {
			if c < utf8.RuneSelf {
				split := AppendWellFormedUTF8(AppendWellFormedUTF8(nil, in[:i]), in[i:])
				if !bytes.Equal(split, out) {
					t.Fatalf("cut at %d: %x, whole: %x", i, split, out)
				}
			}
		}
	})
}
