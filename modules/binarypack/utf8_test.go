package binarypack

import (
	"encoding/hex"
	"testing"
)

// TestDecodeUTF8MatchesNode compares decodeUTF8 with what Node 20's
// Buffer.from(hex, "hex").toString("utf8") returns for the same bytes (the expected
// column is that string re-encoded as UTF-8, recorded by running Node).
func TestDecodeUTF8MatchesNode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"68c3a96c6c6f", "68c3a96c6c6f"},
		{"f09f9880", "f09f9880"},
		{"e282", "efbfbd"},
		{"e28241", "efbfbd41"},
		{"ff", "efbfbd"},
		{"c0af", "efbfbdefbfbd"},
		{"eda080", "efbfbdefbfbdefbfbd"},
		{"f4908080", "efbfbdefbfbdefbfbdefbfbd"},
		{"f09f98", "efbfbd"},
		{"f09f9841", "efbfbd41"},
		{"80", "efbfbd"},
		{"c3", "efbfbd"},
		{"61ff62", "61efbfbd62"},
		{"e0808f", "efbfbdefbfbdefbfbd"},
		{"f0808080", "efbfbdefbfbdefbfbdefbfbd"},
		{"fe", "efbfbd"},
		{"c2c3a9", "efbfbdc3a9"},
	}
	for _, tc := range tests {
		got := hex.EncodeToString([]byte(decodeUTF8(mustHex(t, tc.in))))
		if got != tc.want {
			t.Errorf("decodeUTF8(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
