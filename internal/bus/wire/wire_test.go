package wire

import (
	"bytes"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	msgs := []Message{
		{Subject: "a", Data: nil},
		{Subject: "chat.room", Data: []byte(`{"x":1}`)},
		{Subject: strings.Repeat("s", MaxSubject), Data: bytes.Repeat([]byte("d"), 70000)},
	}
	var stream []byte
	for _, m := range msgs {
		var err error
		if stream, err = Append(stream, m); err != nil {
			t.Fatal(err)
		}
	}
	// Every way of cutting the stream in two yields the same messages.
	for cut := 0; cut <= len(stream); cut += 97 {
		var d Decoder
		var got []Message
		collect := func(m Message) error {
			got = append(got, Message{m.Subject, append([]byte(nil), m.Data...)})
			return nil
		}
		if err := d.Feed(stream[:cut], collect); err != nil {
			t.Fatal(err)
		}
		if err := d.Feed(stream[cut:], collect); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(msgs) || d.Buffered() != 0 {
			t.Fatalf("cut %d: %d messages, %d buffered", cut, len(got), d.Buffered())
		}
		for i := range msgs {
			if got[i].Subject != msgs[i].Subject || !bytes.Equal(got[i].Data, msgs[i].Data) {
				t.Fatalf("cut %d: message %d differs", cut, i)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"length too small", []byte{0, 0, 0, 1, 0}, "bad frame length 1"},
		{"length too large", []byte{0xff, 0, 0, 0}, "bad frame length"},
		{"empty subject", []byte{0, 0, 0, 2, 0, 0}, "bad subject length 0"},
		{"subject past the frame", []byte{0, 0, 0, 3, 0, 5, 'a'}, "bad subject length 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Decoder
			err := d.Feed(tt.input, func(Message) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := Append(nil, Message{}); err == nil {
		t.Fatal("an empty subject was accepted")
	}
	if _, err := Append(nil, Message{Subject: strings.Repeat("s", MaxSubject+1)}); err == nil {
		t.Fatal("a long subject was accepted")
	}
}

func FuzzDecoder(f *testing.F) {
	ok, _ := Append(nil, Message{Subject: "s", Data: []byte("data")})
	f.Add(ok)
	f.Add([]byte{0, 0, 0, 3, 0, 5, 'a'})
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Decoder
		half := len(b) / 2
		fn := func(m Message) error {
			if m.Subject == "" || len(m.Subject) > MaxSubject {
				t.Fatalf("bad subject %q", m.Subject)
			}
			return nil
		}
		if d.Feed(b[:half], fn) == nil {
			d.Feed(b[half:], fn)
		}
	})
}
