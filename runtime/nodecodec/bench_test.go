package nodecodec

import "testing"

func benchData() []byte {
	b := make([]byte, 16<<20)
	for i := range b {
		b[i] = byte(i*7 + 3)
	}
	return b
}

func BenchmarkDecodeBase64(b *testing.B) {
	s := EncodeBase64(benchData(), false)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		DecodeBase64(s)
	}
}

func BenchmarkEncodeBase64(b *testing.B) {
	d := benchData()
	b.SetBytes(int64(len(d)))
	for i := 0; i < b.N; i++ {
		EncodeBase64(d, false)
	}
}

func BenchmarkEncodeHex(b *testing.B) {
	d := benchData()
	b.SetBytes(int64(len(d)))
	for i := 0; i < b.N; i++ {
		EncodeHex(d)
	}
}
