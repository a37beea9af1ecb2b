package jsvalue

import (
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

// The options the two callers use.
var (
	peerjsOptions   = Options{Dialect: PeerJSBinaryPack, Raw: RawArrayBuffer}
	binaryjsOptions = Options{Dialect: NodeBinaryPack, Raw: RawBuffer}
)

// dialects names the dialects under test; a case with no dialects runs
// under both.
var dialects = map[Dialect]Options{PeerJSBinaryPack: peerjsOptions, NodeBinaryPack: binaryjsOptions}

func (d Dialect) String() string {
	if d == NodeBinaryPack {
		return "node"
	}
	return "peerjs"
}

func newTestBridge(t testing.TB, opts Options) (*runtime.Runtime, *Bridge) {
	t.Helper()
	rt := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard})
	return rt, New(rt, opts)
}

// runs reports whether a case limited to only runs under d.
func runs(only []Dialect, d Dialect) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == d {
			return true
		}
	}
	return false
}

// TestPackVectors checks the bytes JavaScript values become against
// docs/wire/binarypack.md, Byte vectors (what npm binarypack 0.0.4 and peerjs-js-binarypack 2.1
// write) and the deliberate differences.
func TestPackVectors(t *testing.T) {
	node, peer := []Dialect{NodeBinaryPack}, []Dialect{PeerJSBinaryPack}
	cases := []struct {
		js, want string
		only     []Dialect
	}{
		{js: "0", want: "00"}, {js: "1", want: "01"}, {js: "-1", want: "ff"}, {js: "127", want: "7f"},
		{js: "128", want: "cc80"}, {js: "255", want: "ccff"}, {js: "256", want: "cd0100"}, {js: "-32", want: "e0"},
		{js: "-33", want: "d0df"}, {js: "-128", want: "d080"}, {js: "-129", want: "d1ff7f"},
		{js: "65535", want: "cdffff"}, {js: "65536", want: "ce00010000"}, {js: "-32768", want: "d18000"},
		{js: "-32769", want: "d2ffff7fff"}, {js: "4294967295", want: "ceffffffff"}, {js: "-0", want: "00"},
		{js: "2.0", want: "02"}, {js: "1.5", want: "cb3ff8000000000000"}, {js: "-0.25", want: "cbbfd0000000000000"},
		{js: "Math.PI", want: "cb400921fb54442d18"}, {js: "NaN", want: "cb7ff8000000000000"},
		{js: `""`, want: "b0"}, {js: `"a"`, want: "b161"}, {js: `"héllo"`, want: "b668c3a96c6c6f"},
		{js: `"😀"`, want: "b4f09f9880"},
		{js: `"0123456789abcdef"`, want: "d80010" + hex.EncodeToString([]byte("0123456789abcdef"))},
		{js: "true", want: "c3"}, {js: "false", want: "c2"}, {js: "null", want: "c0"}, {js: "undefined", want: "c0"},
		{js: "[]", want: "90"}, {js: "[1,[2]]", want: "92019102"}, {js: "[undefined]", want: "91c0"},
		{js: "({})", want: "80"}, {js: `({a:1,b:"x"})`, want: "82b16101b162b178"}, {js: "Object.create(null)", want: "80"},
		// Binary data of every kind: raw bytes, the viewed bytes only (npm
		// binarypack 0.0.4 knows only Buffer and throws on the others).
		{js: "Buffer.from([1,2,3])", want: "a3010203"}, {js: "Buffer.alloc(16)", want: "da0010" + strings.Repeat("00", 16)},
		{js: "Buffer.from([9,8])", want: "a20908"}, {js: "new Uint8Array([9,8])", want: "a20908"},
		{js: "new Uint8Array(16)", want: "da0010" + strings.Repeat("00", 16)},
		{js: "new Uint8Array([1,2,3,4]).subarray(1,3)", want: "a20203"}, {js: "new Uint16Array([258])", want: "a20201"},
		{js: "new Uint8Array([5,6]).buffer", want: "a20506"}, {js: "new Uint8Array([1,2,3]).buffer", want: "a3010203"},
		{js: "new DataView(new Uint8Array([1,2,3]).buffer, 1)", want: "a20203"},
		// PeerJS's chunk header, in its key order.
		{js: "({__peerData:1, n:0, data:new Uint8Array([1,2,3]).buffer, total:2})",
			want: "84ba5f5f7065657244617461" + "01" + "b16e" + "00" + "b464617461" + "a3010203" + "b5746f74616c" + "02"},
		// Whole numbers beyond the 32-bit ranges: float64, which every
		// decoder reads right (Node's crashes on d3).
		{js: "4294967296", want: "cb41f0000000000000"}, {js: "-2147483649", want: "cbc1e0000000200000"},
		{js: "9007199254740992", want: "cb4340000000000000"},
		// peerjs-js-binarypack: objects made by a function constructor are
		// maps of their own keys.
		{js: "new (function P() { this.x = 1; })()", want: "81b17801", only: peer},
		// npm binarypack 0.0.4: toBinaryPack() gives such an object's
		// bytes; boxed numbers and booleans are their values.
		{js: `new (function Packed() { this.toBinaryPack = function () { return Buffer.from([0xc3]); }; })()`, want: "c3", only: node},
		{js: "new Number(5)", want: "05", only: node},
		{js: "new Boolean(true)", want: "c3", only: node},
	}
	for d, opts := range dialects {
		rt, b := newTestBridge(t, opts)
		for _, c := range cases {
			if !runs(c.only, d) {
				continue
			}
			v, err := rt.VM.RunString("(" + c.js + ")")
			if err != nil {
				t.Fatalf("%s: %v", c.js, err)
			}
			got, err := b.Pack(v)
			if err != nil {
				t.Errorf("%s: pack(%s): %v", d, c.js, err)
				continue
			}
			if h := hex.EncodeToString(got); h != c.want {
				t.Errorf("%s: pack(%s) = %s, want %s", d, c.js, h, c.want)
			}
		}
		// A Date packs as its string, in the sender's time zone.
		v, _ := rt.VM.RunString("new Date(0)")
		got, err := b.Append([]byte{0xc0}, v)
		if err != nil {
			t.Fatalf("%s: pack(new Date(0)): %v", d, err)
		}
		if got[0] != 0xc0 {
			t.Errorf("%s: Append overwrote dst", d)
		}
		if s, _ := binarypack.Decode(got[1:]); s != v.String() {
			t.Errorf("%s: pack(new Date(0)) decodes to %v, want %q", d, s, v.String())
		}
	}
}

// TestPackErrors checks the values that cannot be packed and their
// messages, in each library's words.
func TestPackErrors(t *testing.T) {
	node, peer := []Dialect{NodeBinaryPack}, []Dialect{PeerJSBinaryPack}
	cases := []struct {
		js, want string
		only     []Dialect
	}{
		{js: "Symbol('s')", want: `Type "symbol" not yet supported`},
		{js: "Infinity", want: "Invalid integer"},
		{js: "-Infinity", want: "Invalid integer"},
		{js: "(function () { var a = []; a.push(a); return a; })()", want: "nested deeper than 1000 levels"},
		{js: "(function () { var o = {}; o.o = o; return o; })()", want: "a value nested deeper than 1000 levels (a cycle?) cannot be packed", only: peer},
		{js: "(function () { var o = {}; o.o = o; return o; })()", want: "Value nested deeper than 1000 levels (a cycle?) cannot be packed", only: node},
		{js: "(function () {})", want: `Type "Function" not yet supported`, only: peer},
		{js: "/x/", want: `Type "RegExp" not yet supported`, only: peer},
		{js: "new Map()", want: `Type "Map" not yet supported`, only: peer},
		{js: `new String("x")`, want: `Type "String" not yet supported`, only: peer},
		{js: "(function () {})", want: `Type "function" not yet supported`, only: node},
		{js: `new String("x")`, want: `Type "function String()" not yet supported`, only: node},
		{js: "new Map()", want: `Type "function Map()" not yet supported`, only: node},
		{js: "/x/", want: `Type "function RegExp()" not yet supported`, only: node},
		{js: "new (function Odd() { this.toBinaryPack = function () { return 5; }; })()", want: "toBinaryPack() must return a Buffer", only: node},
		// A plain object is a map even with a toBinaryPack method
		// (binarypack 0.0.4 checks the constructor first), and its function
		// value cannot be packed.
		{js: "({toBinaryPack: function () { return Buffer.from([0xc3]); }})", want: `Type "function" not yet supported`, only: node},
		{js: "new (function Point() { this.x = 1; })()", want: `Type "function Point()" not yet supported`, only: node},
	}
	for d, opts := range dialects {
		rt, b := newTestBridge(t, opts)
		for _, c := range cases {
			if !runs(c.only, d) {
				continue
			}
			v, err := rt.VM.RunString("(" + c.js + ")")
			if err != nil {
				t.Fatalf("%s: %v", c.js, err)
			}
			_, err = b.Pack(v)
			if err == nil || !strings.Contains(ErrorMessage(err), c.want) {
				t.Errorf("%s: pack(%s): error %v, want one containing %q", d, c.js, err, c.want)
			}
		}
	}
}

// TestBytes checks which values are binary data and the bytes they view.
func TestBytes(t *testing.T) {
	rt, b := newTestBridge(t, peerjsOptions)
	cases := []struct {
		js   string
		want string // hex; "-" for not binary data
	}{
		{"Buffer.from([1,2])", "0102"}, {"new Uint8Array([1,2,3,4]).subarray(1,3)", "0203"},
		{"new Uint8Array([7]).buffer", "07"}, {"new DataView(new Uint8Array([1,2,3]).buffer, 2)", "03"},
		{`"ab"`, "-"}, {"[1,2]", "-"}, {"({})", "-"}, {"null", "-"},
	}
	for _, c := range cases {
		v, err := rt.VM.RunString("(" + c.js + ")")
		if err != nil {
			t.Fatalf("%s: %v", c.js, err)
		}
		got, ok := b.Bytes(v)
		h := hex.EncodeToString(got)
		if !ok {
			h = "-"
		}
		if h != c.want {
			t.Errorf("Bytes(%s) = %s, want %s", c.js, h, c.want)
		}
	}
}

// TestTypeOf checks the names of primitive types.
func TestTypeOf(t *testing.T) {
	rt, _ := newTestBridge(t, peerjsOptions)
	for js, want := range map[string]string{
		"undefined": "undefined", `"s"`: "string", "1": "number", "1.5": "number",
		"true": "boolean", "Symbol()": "symbol", "10n": "bigint",
	} {
		v, err := rt.VM.RunString(js)
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if got := TypeOf(v); got != want {
			t.Errorf("TypeOf(%s) = %s, want %s", js, got, want)
		}
	}
}
