package wire

import (
	"encoding/json"
	"reflect"
	"testing"
)

// sameJSON reports whether two JSON texts stand for the same value (numbers
// compared as float64, as JavaScript compares them). A nil text is undefined.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("unmarshal %q: %v", a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("unmarshal %q: %v", b, err)
	}
	return reflect.DeepEqual(va, vb)
}

// optional turns a golden field that may be null into a nil-or-text value.
func optional(s *string) []byte {
	if s == nil {
		return nil
	}
	return []byte(*s)
}
