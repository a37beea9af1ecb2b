package server

import "testing"

func FuzzDecodeDirMsg(f *testing.F) {
	f.Add([]byte(`{"op":"join","member":"m","id":"a","token":"t","at":1}`))
	f.Add([]byte(`{"op":"leave","member":"m","id":"a"}`))
	f.Add([]byte(`{"op":"hello","member":"m"}`))
	f.Add([]byte(`{"op":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeDirMsg(b)
		if err == nil && (m.Member == "" || m.Op == "") {
			t.Fatalf("accepted %q as %+v", b, m)
		}
	})
}
