package binarypack

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// fuzzMaxLength keeps fuzzing inputs from spending their time on huge allocations.
const fuzzMaxLength = 1 << 20

// fuzzSeeds are the protocol vectors and the malformed inputs of the error table.
func fuzzSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	for _, v := range protocolVectors {
		seeds["vector-"+v.name] = mustHex(t, v.hex)
	}
	for _, c := range errorCases {
		seeds["error-"+c.name] = mustHex(t, c.hex)
	}
	return seeds
}

// FuzzDecode checks that any input either decodes or fails with a *DecodeError, never
// panics, and that whatever decodes re-encodes to bytes that decode to the same value
// and re-encode to the same bytes.
func FuzzDecode(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := Decoder{MaxLength: fuzzMaxLength}
		v, n, err := d.DecodePrefix(in)
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || v != nil || n != 0 {
				t.Fatalf("DecodePrefix failed with v=%#v n=%d err=%T %v", v, n, err, err)
			}
			if de.Offset < 0 || de.Offset > len(in) {
				t.Fatalf("error offset %d outside input of %d bytes", de.Offset, len(in))
			}
			return
		}
		if n < 1 || n > len(in) {
			t.Fatalf("consumed %d of %d bytes", n, len(in))
		}
		whole, err := d.Decode(in[:n])
		if err != nil || !sameValue(whole, v) {
			t.Fatalf("Decode of the consumed prefix = %#v, %v; DecodePrefix gave %#v", whole, err, v)
		}
		alias := Decoder{MaxLength: fuzzMaxLength, AliasBytes: true}
		if av, an, err := alias.DecodePrefix(in); err != nil || an != n || !sameValue(av, v) {
			t.Fatalf("aliasing decoder gave %#v, %d, %v", av, an, err)
		}

		enc, err := Encode(v)
		if err != nil {
			if errors.Is(err, ErrInvalidInteger) && hasUnencodableNumber(v) {
				return
			}
			t.Fatalf("re-encoding %#v: %v", v, err)
		}
		v2, err := d.Decode(enc)
		if err != nil {
			t.Fatalf("decoding re-encoded %x: %v", enc, err)
		}
		if !sameValue(v, v2) {
			t.Fatalf("round trip changed the value: %#v became %#v", v, v2)
		}
		enc2, err := Encode(v2)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable: %x then %x (%v)", enc, enc2, err)
		}
	})
}

// TestFuzzSeedCorpus keeps testdata/fuzz/FuzzDecode in step with the seed tables
// (go test -update rewrites it), so `go test -fuzz` starts from the same inputs.
func TestFuzzSeedCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzDecode")
	for name, b := range fuzzSeeds(t) {
		file := filepath.Join(dir, strings.Map(func(r rune) rune {
			if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				return r
			}
			return '_'
		}, name))
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if testenv.Update() {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil || string(got) != want {
			t.Errorf("seed corpus file %s is missing or stale (go test -update rewrites it): %v", file, err)
		}
	}
}
