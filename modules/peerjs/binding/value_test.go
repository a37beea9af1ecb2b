package binding

import (
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

func newTestPacker(t testing.TB) (*runtime.Runtime, *packer) {
	t.Helper()
	rt := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard})
	return rt, newPacker(rt)
}

// TestPackVectors checks the bytes JavaScript values become against
// PROTOCOLS.md §1.4 (what peerjs-js-binarypack 2.1 writes) and the
// deliberate differences.
func TestPackVectors(t *testing.T) {
	rt, p := newTestPacker(t)
	cases := []struct{ js, want string }{
		{"0", "00"}, {"1", "01"}, {"-1", "ff"}, {"127", "7f"}, {"128", "cc80"}, {"255", "ccff"},
		{"256", "cd0100"}, {"-32", "e0"}, {"-33", "d0df"}, {"-128", "d080"}, {"-129", "d1ff7f"},
		{"65535", "cdffff"}, {"65536", "ce00010000"}, {"-32768", "d18000"}, {"-32769", "d2ffff7fff"},
		{"4294967295", "ceffffffff"}, {"-0", "00"}, {"2.0", "02"},
		{"1.5", "cb3ff8000000000000"}, {"-0.25", "cbbfd0000000000000"}, {"Math.PI", "cb400921fb54442d18"},
		{`""`, "b0"}, {`"a"`, "b161"}, {`"héllo"`, "b668c3a96c6c6f"}, {`"😀"`, "b4f09f9880"},
		{`"0123456789abcdef"`, "d80010" + hex.EncodeToString([]byte("0123456789abcdef"))},
		{"true", "c3"}, {"false", "c2"}, {"null", "c0"}, {"undefined", "c0"},
		{"[]", "90"}, {"[1,[2]]", "92019102"}, {"[undefined]", "91c0"},
		{"({})", "80"}, {`({a:1,b:"x"})`, "82b16101b162b178"}, {"Object.create(null)", "80"},
		// Binary data: ArrayBuffers and typed-array views as their viewed bytes.
		{"new Uint8Array([1,2,3]).buffer", "a3010203"}, {"new Uint8Array(16)", "da0010" + strings.Repeat("00", 16)},
		{"new Uint8Array([1,2,3,4]).subarray(1,3)", "a20203"}, {"new Uint16Array([258])", "a20201"},
		{"Buffer.from([9,8])", "a20908"}, {"new DataView(new Uint8Array([1,2,3]).buffer, 1)", "a20203"},
		// PeerJS's chunk header, in its key order.
		{"({__peerData:1, n:0, data:new Uint8Array([1,2,3]).buffer, total:2})",
			"84ba5f5f7065657244617461" + "01" + "b16e" + "00" + "b464617461" + "a3010203" + "b5746f74616c" + "02"},
		// Whole numbers beyond the 32-bit ranges: float64, which every decoder reads right.
		{"4294967296", "cb41f0000000000000"}, {"-2147483649", "cbc1e0000000200000"},
		{"9007199254740992", "cb4340000000000000"},
		// Objects made by a function constructor are maps of their own keys.
		{"new (function P() { this.x = 1; })()", "81b17801"},
	}
	for _, c := range cases {
		v, err := rt.VM.RunString("(" + c.js + ")")
		if err != nil {
			t.Fatalf("%s: %v", c.js, err)
		}
		b, err := p.pack(v)
		if err != nil {
			t.Errorf("pack(%s): %v", c.js, err)
			continue
		}
		if got := hex.EncodeToString(b); got != c.want {
			t.Errorf("pack(%s) = %s, want %s", c.js, got, c.want)
		}
	}
	// A Date packs as its string, in the sender's time zone.
	v, _ := rt.VM.RunString("new Date(0)")
	b, err := p.pack(v)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := binarypack.Decode(b); got != v.String() {
		t.Errorf("pack(new Date(0)) decodes to %v, want %q", got, v.String())
	}
}

// TestPackErrors checks the values that cannot be packed and their
// messages.
func TestPackErrors(t *testing.T) {
	rt, p := newTestPacker(t)
	cases := []struct{ js, want string }{
		{"(function () {})", `Type "Function" not yet supported`},
		{"/x/", `Type "RegExp" not yet supported`},
		{"new Map()", `Type "Map" not yet supported`},
		{"Symbol('s')", `Type "symbol" not yet supported`},
		{"Infinity", "Invalid integer"},
		{"(function () { var o = {}; o.o = o; return o; })()", "nested deeper than 1000 levels"},
	}
	for _, c := range cases {
		v, err := rt.VM.RunString("(" + c.js + ")")
		if err != nil {
			t.Fatalf("%s: %v", c.js, err)
		}
		_, err = p.pack(v)
		if err == nil || !strings.Contains(packErrorMessage(err), c.want) {
			t.Errorf("pack(%s): error %v, want one containing %q", c.js, err, c.want)
		}
	}
}

// TestUnpack checks the JavaScript values decoded BinaryPack becomes, as
// PeerJS 1.5.5 makes them.
func TestUnpack(t *testing.T) {
	rt, p := newTestPacker(t)
	check, err := rt.VM.RunString(`(function (v) {
		function d(v) {
			if (v instanceof ArrayBuffer) return "ArrayBuffer[" + Array.prototype.join.call(new Uint8Array(v), ",") + "]";
			if (v === null || typeof v !== "object") return typeof v + ":" + String(v);
			if (Array.isArray(v)) return "[" + v.map(d).join(" ") + "]";
			return "{" + Object.getOwnPropertyNames(v).map(function (k) { return k + "=" + d(v[k]); }).join(" ") +
				(Object.getPrototypeOf(v) === Object.prototype ? "" : " (prototype changed)") + "}";
		}
		return d(v);
	})`)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ hex, want string }{
		{"00", "number:0"}, {"ff", "number:-1"}, {"cb3ff8000000000000", "number:1.5"},
		{"d30020000000000000", "number:9007199254740992"}, {"d3ffffffff7fffffff", "number:-2147483649"},
		{"cf8000000000000000", "number:9223372036854776000"},
		{"b668c3a96c6c6f", "string:héllo"}, {"c3", "boolean:true"}, {"c0", "object:null"},
		{"a3010203", "ArrayBuffer[1,2,3]"}, {"92019102", "[number:1 [number:2]]"},
		{"82b16101b162b178", "{a=number:1 b=string:x}"},
		// Keys that are not strings become property names; __proto__ stays an own property.
		{"8201c3b9" + hex.EncodeToString([]byte("__proto__")) + "81b17801", "{1=boolean:true __proto__={x=number:1}}"},
	}
	for _, c := range cases {
		b, _ := hex.DecodeString(c.hex)
		v, err := binarypack.Decode(b)
		if err != nil {
			t.Fatalf("%s: %v", c.hex, err)
		}
		fn, _ := goja.AssertFunction(check)
		got, err := fn(nil, p.unpack(v))
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != c.want {
			t.Errorf("unpack(%s) = %s, want %s", c.hex, got, c.want)
		}
	}
}

// FuzzUnpack decodes arbitrary bytes as a received message and turns the
// value into JavaScript: never a panic.
func FuzzUnpack(f *testing.F) {
	for _, s := range []string{"00", "a3010203", "82b16101b162b178", "8201c3b9" + hex.EncodeToString([]byte("__proto__")) + "80", "dc0002c0c0"} {
		b, _ := hex.DecodeString(s)
		f.Add(b)
	}
	_, p := newTestPacker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d := binarypack.Decoder{MaxLength: 1 << 16, MaxDepth: 64}
		v, err := d.Decode(data)
		if err != nil {
			return
		}
		js := p.unpack(v)
		if js == nil {
			t.Fatal("unpack returned nil")
		}
		// What arrived can be sent back (but for ±Infinity, which no
		// JavaScript encoder packs either).
		if _, err := p.pack(js); err != nil && !errors.Is(err, binarypack.ErrInvalidInteger) {
			t.Fatalf("repacking %x: %v", data, err)
		}
	})
}
