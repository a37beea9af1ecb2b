package binarypack

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// interopNode returns the machine's Node.js and the node_modules of the pinned npm peers; both
// are interop prerequisites (testenv.RequireInterop).
func interopNode(t *testing.T) (node, modules string) {
	t.Helper()
	if testing.Short() {
		t.Skip("interop test skipped in -short mode")
	}
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("binarypack", "peerjs-js-binarypack"))
	return testenv.NodeJSPath(), testenv.NodeModules()
}

// TestInteropDecodeJSPacked decodes random values packed by the real npm binarypack
// 0.0.4 and re-encodes them: the bytes must come back identical.
func TestInteropDecodeJSPacked(t *testing.T) {
	node, modules := interopNode(t)
	out, err := exec.Command(node, filepath.Join("testdata", "interop", "binarypack.js"), modules, "gen", "1000").Output()
	if err != nil {
		t.Fatalf("node gen: %v\n%s", err, stderrOf(err))
	}
	lines := strings.Fields(string(out))
	if len(lines) != 1000 {
		t.Fatalf("node gave %d values", len(lines))
	}
	for i, h := range lines {
		b, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		v, err := Decode(b)
		if err != nil {
			t.Fatalf("value %d: Decode(%.80s...): %v", i, h, err)
		}
		again, err := Encode(v)
		if err != nil {
			t.Fatalf("value %d: re-encode: %v", i, err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("value %d: JS packed\n%.200s\nGo re-encoded\n%.200x", i, h, again)
		}
	}
}

// interopValue makes a random value that Node's binarypack can unpack: integers stay
// within the 32-bit ranges (it crashes on int64 and misreads uint64) and byte strings
// are never empty (it cannot pack an empty Buffer).
func interopValue(r *rand.Rand, depth int) any {
	kinds := 6
	if depth > 3 {
		kinds = 4
	}
	switch r.IntN(kinds) {
	case 0:
		switch r.IntN(4) {
		case 0:
			return int64(r.Int32()) * int64(1-2*r.IntN(2))
		case 1:
			return r.Uint32()
		case 2:
			return float64(r.IntN(70000)) - 35000
		default:
			return (r.Float64() - 0.5) * float64(int64(1)<<r.IntN(30))
		}
	case 1:
		n := r.IntN(20)
		if depth == 0 && r.IntN(20) == 0 {
			n = interopLongLength(r)
		}
		var sb strings.Builder
		for range n {
			sb.WriteString([]string{"a", "é", "€", "😀", "中", " ", "\x00"}[r.IntN(7)])
		}
		return sb.String()
	case 2:
		return []any{nil, true, false}[r.IntN(3)]
	case 3:
		n := 1 + r.IntN(20)
		if depth == 0 && r.IntN(20) == 0 {
			n = interopLongLength(r)
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return b
	case 4:
		a := make([]any, interopCount(r))
		for i := range a {
			a[i] = interopValue(r, depth+1)
		}
		return a
	default:
		m := make(Map, interopCount(r))
		for i := range m {
			m[i] = Pair{fmt.Sprintf("k%d%s", i, strings.Repeat("é", r.IntN(3))), interopValue(r, depth+1)}
		}
		return m
	}
}

// interopCount is an array or map size: mostly small, sometimes past the fix forms.
func interopCount(r *rand.Rand) int {
	if r.IntN(4) == 0 {
		return r.IntN(20)
	}
	return r.IntN(4)
}

// interopLongLength is a string or byte length around the 16-bit and 32-bit forms.
func interopLongLength(r *rand.Rand) int {
	if r.IntN(2) == 0 {
		return 16 + r.IntN(300)
	}
	return 65530 + r.IntN(20)
}

// TestInteropJSDecodesGoPacked has Node unpack random Go-encoded values with both npm
// decoders and pack them again with binarypack 0.0.4: the bytes must be ours.
func TestInteropJSDecodesGoPacked(t *testing.T) {
	node, modules := interopNode(t)
	r := rand.New(rand.NewPCG(1, 2))
	var in bytes.Buffer
	var want []string
	for range 1000 {
		b, err := Encode(interopValue(r, 0))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, hex.EncodeToString(b))
		in.WriteString(want[len(want)-1] + "\n")
	}
	cmd := exec.Command(node, filepath.Join("testdata", "interop", "binarypack.js"), modules, "repack")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node repack: %v\n%s", err, stderrOf(err))
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	i := 0
	for ; sc.Scan(); i++ {
		f := strings.Fields(sc.Text())
		if len(f) != 2 || i >= len(want) {
			t.Fatalf("line %d: unexpected output %.100q", i, sc.Text())
		}
		if f[0] != want[i] {
			t.Fatalf("value %d via binarypack:\nGo   %.200s\nNode %.200s", i, want[i], f[0])
		}
		if f[1] != want[i] {
			t.Fatalf("value %d via peerjs-js-binarypack:\nGo   %.200s\nNode %.200s", i, want[i], f[1])
		}
	}
	if i != len(want) {
		t.Fatalf("node answered %d of %d values", i, len(want))
	}
}

// stderrOf returns what a failed command wrote to its standard error.
func stderrOf(err error) []byte {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.Stderr
	}
	return nil
}
