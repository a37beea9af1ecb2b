package jsonframe

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// drain feeds one chunk and collects what Next returns: frames as they are,
// errors as "!" plus the error.
func drain(t testing.TB, s *Splitter, chunk []byte) []string {
	t.Helper()
	s.Feed(chunk)
	var out []string
	for {
		frame, ok, err := s.Next()
		if err != nil {
			if !errors.Is(err, ErrFrameTooLarge) {
				t.Fatalf("Next error %v does not wrap ErrFrameTooLarge", err)
			}
			out = append(out, "!")
			continue
		}
		if !ok {
			return out
		}
		out = append(out, string(frame))
	}
}

func TestSplitter(t *testing.T) {
	tests := []struct {
		name     string
		delim    string
		max      int
		chunks   []string
		want     [][]string // per chunk
		buffered int        // bytes held at the end
	}{
		{"one frame", "\x00\x00", 100, []string{"a\x00\x00"}, [][]string{{"a"}}, 0},
		{"delimiter split", "\x00\x00", 100, []string{"a\x00", "\x00b\x00\x00"}, [][]string{nil, {"a", "b"}}, 0},
		{"empty frames", "\x00\x00", 100, []string{"\x00\x00\x00\x00"}, [][]string{{"", ""}}, 0},
		{"three nuls", "\x00\x00", 100, []string{"a\x00\x00\x00b\x00\x00"}, [][]string{{"a", "\x00b"}}, 0},
		{"partial kept", "\x00\x00", 100, []string{"a\x00\x00bc"}, [][]string{{"a"}}, 2},
		{"frame split in three", "\x00\x00", 100, []string{"ab", "cd", "e\x00\x00"}, [][]string{nil, nil, {"abcde"}}, 0},
		{"partial too large", "\x00\x00", 4, []string{"abcdef", "gh\x00\x00ok\x00\x00"}, [][]string{{"!"}, {"ok"}}, 0},
		{"complete too large", "\x00\x00", 4, []string{"abcdefg\x00\x00ok\x00\x00"}, [][]string{{"!", "ok"}}, 0},
		{"exactly the limit", "\x00\x00", 4, []string{"abcd\x00", "\x00"}, [][]string{nil, {"abcd"}}, 0},
		{"delimiter straddles the drop", "\x00\x00", 4, []string{"abcdef\x00", "\x00ok\x00\x00"}, [][]string{{"!"}, {"ok"}}, 0},
		{"long skip", "\x00\x00", 4, []string{"abcdef", "ghijkl", "mn\x00", "\x00ok\x00\x00"}, [][]string{{"!"}, nil, nil, {"ok"}}, 0},
		{"form feed", "\f", 100, []string{"a\fb\f", "c"}, [][]string{{"a", "b"}, nil}, 1},
		{"two-byte delimiter other than nul", "\r\n", 100, []string{"a\r", "\nb\r\n"}, [][]string{nil, {"a", "b"}}, 0},
		{"empty chunk", "\f", 100, []string{"", "a\f"}, [][]string{nil, {"a"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSplitter([]byte(tt.delim), tt.max)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range tt.chunks {
				got := drain(t, s, []byte(c))
				if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want[i]) {
					t.Fatalf("chunk %d %q: got %q, want %q", i, c, got, tt.want[i])
				}
			}
			if s.Buffered() != tt.buffered {
				t.Errorf("Buffered() = %d, want %d", s.Buffered(), tt.buffered)
			}
		})
	}
}

func TestNewSplitterRejects(t *testing.T) {
	if _, err := NewSplitter(nil, 10); err == nil {
		t.Error("empty delimiter accepted")
	}
	if _, err := NewSplitter([]byte("\f"), 0); err == nil {
		t.Error("limit 0 accepted")
	}
}

// referenceSplit is what Splitter must produce for data fed in any chunks:
// the pieces between delimiters (leftmost first), each longer than max
// replaced by "!", and "!" for a trailing partial frame that is already too
// long to fit.
func referenceSplit(data, delim []byte, max int) []string {
	pieces := bytes.Split(data, delim)
	var out []string
	for _, p := range pieces[:len(pieces)-1] {
		if len(p) > max {
			out = append(out, "!")
		} else {
			out = append(out, string(p))
		}
	}
	if last := pieces[len(pieces)-1]; len(last) > max+len(delim)-1 {
		out = append(out, "!")
	}
	return out
}

// feedInChunks runs data through a new Splitter cut at the given sizes.
func feedInChunks(t testing.TB, data, delim []byte, max int, sizes []byte) []string {
	s, err := NewSplitter(delim, max)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for len(data) > 0 {
		n := len(data)
		if len(sizes) > 0 {
			n = min(int(sizes[0])+1, len(data))
			sizes = sizes[1:]
		}
		got = append(got, drain(t, s, data[:n])...)
		data = data[n:]
	}
	return got
}

func TestSplitterAnyChunking(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 2000; round++ {
		var data []byte
		for range rng.IntN(20) {
			switch rng.IntN(4) {
			case 0:
				data = append(data, 0)
			case 1:
				data = append(data, '\f')
			default:
				data = append(data, bytes.Repeat([]byte{'x'}, rng.IntN(12))...)
			}
		}
		sizes := make([]byte, 64)
		for i := range sizes {
			sizes[i] = byte(rng.IntN(6))
		}
		for _, delim := range []string{"\x00\x00", "\f"} {
			max := 1 + rng.IntN(10)
			want := referenceSplit(data, []byte(delim), max)
			got := feedInChunks(t, data, []byte(delim), max, sizes)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
				t.Fatalf("data %q delim %q max %d sizes %v: got %q, want %q", data, delim, max, sizes[:8], got, want)
			}
		}
	}
}

// FuzzSplitter checks that any chunking of any stream gives the frames of
// referenceSplit.
func FuzzSplitter(f *testing.F) {
	f.Add([]byte("{\"topic\":\"a\"}\x00\x00{\"top"), []byte{3, 1, 7}, uint8(64), false)
	f.Add([]byte("a\x00\x00\x00b\x00\x00"), []byte{0, 0, 0}, uint8(1), false)
	f.Add([]byte("{\"type\":\"a\",\"data\":1}\f\f"), []byte{5}, uint8(8), true)
	f.Fuzz(func(t *testing.T, data, sizes []byte, max uint8, formFeed bool) {
		delim := []byte("\x00\x00")
		if formFeed {
			delim = []byte("\f")
		}
		limit := int(max) + 1
		want := referenceSplit(data, delim, limit)
		got := feedInChunks(t, data, delim, limit, sizes)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

func BenchmarkSplitter(b *testing.B) {
	frame := []byte(`{"topic":"spam","message":{"id":12345,"name":"a typical message"}}` + "\x00\x00")
	chunk := bytes.Repeat(frame, 100)
	s, _ := NewSplitter([]byte("\x00\x00"), 1<<20)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		s.Feed(chunk)
		for {
			_, ok, _ := s.Next()
			if !ok {
				break
			}
		}
	}
}
