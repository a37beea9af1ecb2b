package wire

import (
	"bytes"
	"errors"
	"testing"

	"earlynode/modules/binarypack"
)

// FuzzParse feeds arbitrary frames to Parse: it must never panic, must fail only with
// ErrInvalid, and a message it accepts must survive re-encoding unchanged.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"930181b466726f6db673657276657201", "9302b2686901", "9305c001", "9302a301020300",
		"9303c000", "920102", "93b161c000", "9302db7fffffff", "9302dd7fffffff00", "",
	} {
		f.Add(unhex(f, s))
	}
	d := binarypack.Decoder{MaxLength: 1 << 20}
	f.Fuzz(func(t *testing.T, frame []byte) {
		m, err := Parse(frame, &d)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		again, err := binarypack.Encode([]any{m.Type, m.Payload, m.StreamID})
		if err != nil {
			return // e.g. a uint64 the encoder writes differently; decoding was still fine
		}
		m2, err := Parse(again, &d)
		if err != nil {
			t.Fatalf("re-encoded message %x does not parse: %v", again, err)
		}
		a, _ := binarypack.Encode([]any{m2.Type, m2.Payload, m2.StreamID})
		if !bytes.Equal(a, again) {
			t.Fatalf("round trip changed %x into %x", again, a)
		}
	})
}
