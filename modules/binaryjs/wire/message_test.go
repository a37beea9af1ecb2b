package wire

import (
	"encoding/hex"
	"errors"
	"reflect"
	"testing"

	"earlynode/modules/binarypack"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The frames of docs/wire/binaryjs.md, A captured session (binaryjs 0.2.1 on Node 20).
func TestParseCapturedSession(t *testing.T) {
	cases := []struct {
		frame string
		want  Message
	}{
		{"930181b466726f6db673657276657201", Message{1, binarypack.Map{{Key: "from", Value: "server"}}, int64(1)}},
		{"9302b2686901", Message{2, "hi", int64(1)}},
		{"9305c001", Message{5, nil, int64(1)}},
		{"930182b46e616d65b178b16e0100", Message{1, binarypack.Map{{Key: "name", Value: "x"}, {Key: "n", Value: int64(1)}}, int64(0)}},
		{"930281b568656c6c6fb5776f726c6400", Message{2, binarypack.Map{{Key: "hello", Value: "world"}}, int64(0)}},
		{"9302a301020300", Message{2, []byte{1, 2, 3}, int64(0)}},
		{"9303c000", Message{3, nil, int64(0)}},
		{"9301b56d6574613202", Message{1, "meta2", int64(2)}},
		{"9302a5070707070702", Message{2, []byte{7, 7, 7, 7, 7}, int64(2)}},
		{"9305c002", Message{5, nil, int64(2)}},
		{"9302c0cb3ff8000000000000", Message{2, nil, 1.5}},
		{"9302c0c0ff", Message{2, nil, nil}}, // trailing byte ignored as the JS decoder does
	}
	var d binarypack.Decoder
	for _, c := range cases {
		got, err := Parse(unhex(t, c.frame), &d)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%s) = %#v, %v; want %#v", c.frame, got, err, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ frame, want string }{
		{"", "Received unparsable message: binarypack: truncated input: empty input at offset 0"},
		{"93", "Received unparsable message: binarypack: truncated input: fixarray needs 3 elements, got 0 at offset 1"},
		{"9302c1", "Received unparsable message: binarypack: unknown type byte: type byte 0xc1 at offset 2"},
		{"02", "Received non-array message"},
		{"b3616263", "Received non-array message"},
		{"920102", "Received message with wrong part count: 2"},
		{"94010203 04", "Received message with wrong part count: 4"},
		{"93b161c000", "Received message with non-number type: a"},
		{"93c0c000", "Received message with non-number type: null"},
		{"9392010203c000", "Received message with non-number type: 1,2"},
		{"9380c000", "Received message with non-number type: [object Object]"},
	}
	var d binarypack.Decoder
	for _, c := range cases {
		frame := unhex(t, stripSpaces(c.frame))
		_, err := Parse(frame, &d)
		if err == nil || !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%s): err %v, want ErrInvalid", c.frame, err)
			continue
		}
		if c.frame == "" || c.frame == "93" || c.frame == "9302c1" {
			// binarypack's own wording may change; the prefix is the contract.
			if got := err.Error(); len(got) < 29 || got[:29] != "Received unparsable message: " {
				t.Errorf("Parse(%s) = %q", c.frame, got)
			}
			continue
		}
		if err.Error() != c.want {
			t.Errorf("Parse(%s) = %q, want %q", c.frame, err.Error(), c.want)
		}
	}
}

func stripSpaces(s string) string {
	b := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

func TestParseLengthLimit(t *testing.T) {
	d := binarypack.Decoder{MaxLength: 4}
	frame := append(unhex(t, "9302a5"), 1, 2, 3, 4, 5, 0)
	if _, err := Parse(frame, &d); err == nil {
		t.Fatal("a 5-byte payload passed a 4-byte limit")
	}
}

func TestAppendControlMatchesCapture(t *testing.T) {
	cases := []struct {
		typ  int
		id   int64
		want string
	}{
		{TypePause, 0, "9303c000"},
		{TypeEnd, 0, "9305c000"},
		{TypeEnd, 1, "9305c001"},
		{TypeEnd, 2, "9305c002"},
		{TypeClose, 300, "9306c0cd012c"},
	}
	for _, c := range cases {
		if got := hex.EncodeToString(AppendControl(nil, c.typ, c.id)); got != c.want {
			t.Errorf("AppendControl(%d, %d) = %s, want %s", c.typ, c.id, got, c.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := map[float64]string{0: "0", 7: "7", -3: "-3", 2.5: "2.5", 1e21: "1e+21", 1e-7: "1e-7", 123456789012: "123456789012"}
	for n, want := range cases {
		if got := FormatNumber(n); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", n, got, want)
		}
	}
}
