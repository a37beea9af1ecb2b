package binarypack

import (
	"testing"
)

// chunk40K is one BinaryJS data chunk at the default chunkSize of 40960 bytes.
var chunk40K = func() []byte {
	b := make([]byte, 40960)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}()

// smallObject is a JSON-like message of the size BinaryJS and PeerJS users send.
var smallObject = Map{
	{"type", "chat"},
	{"id", 1234.0},
	{"from", "peer-7f3a"},
	{"text", "hello there, how are you?"},
	{"ts", 1700000000123.0},
	{"tags", []any{"a", "bb", "ccc"}},
	{"meta", Map{{"ok", true}, {"score", 0.75}, {"n", nil}}},
}

func BenchmarkEncodeBytes40K(b *testing.B) {
	buf := make([]byte, 0, 64<<10)
	b.SetBytes(int64(len(chunk40K)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = Append(buf[:0], chunk40K); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeBytes40K(b *testing.B) {
	enc, err := Encode(chunk40K)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeBytes40KAlias(b *testing.B) {
	enc, err := Encode(chunk40K)
	if err != nil {
		b.Fatal(err)
	}
	d := Decoder{AliasBytes: true}
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeSmallObject(b *testing.B) {
	buf := make([]byte, 0, 512)
	enc, err := Encode(smallObject)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = Append(buf[:0], smallObject); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeSmallObject(b *testing.B) {
	enc, err := Encode(smallObject)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}
