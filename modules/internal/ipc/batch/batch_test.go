package batch

import "testing"

func TestBatchKeepsMembersAndMarks(t *testing.T) {
	var b Batch[string]
	b.Grow(3, 16)
	buf := []byte(`"a"{"x":1}`)
	b.Add(buf[:3], buf[3:], "")
	b.Add(nil, []byte{}, "bad")
	b.Add([]byte(`"t"`), nil, "")
	copy(buf, "zzzzzzzzzz") // the read buffer is reused: the batch holds copies
	if b.Len() != 3 {
		t.Fatalf("Len %d", b.Len())
	}
	f, s, m := b.At(0)
	if string(f) != `"a"` || string(s) != `{"x":1}` || m != "" {
		t.Errorf("message 0: %q %q %q", f, s, m)
	}
	f, s, m = b.At(1)
	if f != nil || s == nil || len(s) != 0 || m != "bad" {
		t.Errorf("message 1: %q (nil %v) %q (nil %v) %q", f, f == nil, s, s == nil, m)
	}
	f, s, _ = b.At(2)
	if string(f) != `"t"` || s != nil {
		t.Errorf("message 2: %q %q", f, s)
	}
	f, _, _ = b.At(0)
	if f = append(f, 'X'); string(b.arena[3:4]) != "{" {
		t.Error("appending to a member overwrote the next")
	}
}

func TestZeroBatch(t *testing.T) {
	var b Batch[bool]
	if b.Len() != 0 {
		t.Fatal("zero batch not empty")
	}
	b.Add([]byte("1"), []byte("2"), true)
	if f, s, m := b.At(0); string(f) != "1" || string(s) != "2" || !m {
		t.Fatalf("%q %q %v", f, s, m)
	}
}
