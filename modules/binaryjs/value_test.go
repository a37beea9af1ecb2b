package binaryjs

import (
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

func newTestRuntime(t *testing.T) (*runtime.Runtime, *packer) {
	t.Helper()
	rt := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard})
	return rt, newPacker(rt)
}

func packJS(t *testing.T, rt *runtime.Runtime, p *packer, src string) (string, error) {
	t.Helper()
	v, err := rt.VM.RunString("(" + src + ")")
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	b, err := p.append(nil, v, 0)
	return hex.EncodeToString(b), err
}

// TestPackVectors checks the bytes JavaScript values become against PROTOCOLS.md §1.4 (what
// npm binarypack 0.0.4 writes), and the deliberate differences.
func TestPackVectors(t *testing.T) {
	rt, p := newTestRuntime(t)
	cases := []struct{ js, want string }{
		{"0", "00"}, {"1", "01"}, {"-1", "ff"}, {"127", "7f"}, {"128", "cc80"}, {"255", "ccff"},
		{"256", "cd0100"}, {"-32", "e0"}, {"-33", "d0df"}, {"-128", "d080"}, {"-129", "d1ff7f"},
		{"65535", "cdffff"}, {"65536", "ce00010000"}, {"-32768", "d18000"}, {"-32769", "d2ffff7fff"},
		{"4294967295", "ceffffffff"}, {"-0", "00"}, {"2.0", "02"},
		{"1.5", "cb3ff8000000000000"}, {"-0.25", "cbbfd0000000000000"}, {"Math.PI", "cb400921fb54442d18"},
		{"NaN", "cb7ff8000000000000"},
		{`""`, "b0"}, {`"a"`, "b161"}, {`"héllo"`, "b668c3a96c6c6f"}, {`"😀"`, "b4f09f9880"},
		{`"0123456789abcdef"`, "d80010" + hex.EncodeToString([]byte("0123456789abcdef"))},
		{"true", "c3"}, {"false", "c2"}, {"null", "c0"}, {"undefined", "c0"},
		{"[]", "90"}, {"[1,[2]]", "92019102"}, {"[undefined]", "91c0"},
		{"({})", "80"}, {`({a:1,b:"x"})`, "82b16101b162b178"}, {`Object.create(null)`, "80"},
		{"Buffer.from([1,2,3])", "a3010203"}, {"Buffer.alloc(16)", "da0010" + strings.Repeat("00", 16)},
		// Beyond 0.0.4, which throws on these: typed arrays and ArrayBuffers are raw bytes (the
		// viewed bytes only), as in later BinaryPack encoders.
		{"new Uint8Array([9,8])", "a20908"}, {"new Uint8Array([1,2,3,4]).subarray(1,3)", "a20203"},
		{"new Uint16Array([258])", "a20201"}, {"new Uint8Array([5,6]).buffer", "a20506"},
		{"new DataView(new Uint8Array([1,2,3]).buffer, 1)", "a20203"},
		// Whole numbers beyond the 32-bit ranges: float64, not int64 (Node's decoder crashes on d3).
		{"4294967296", "cb41f0000000000000"}, {"-2147483649", "cbc1e0000000200000"},
		{"9007199254740992", "cb4340000000000000"},
		{"new Date(0)", "d8" + "00" + hex.EncodeToString([]byte{0})[:0]}, // checked below
		{`new (function Packed() { this.toBinaryPack = function () { return Buffer.from([0xc3]); }; })()`, "c3"},
	}
	for _, c := range cases {
		got, err := packJS(t, rt, p, c.js)
		if err != nil {
			t.Errorf("pack %s: %v", c.js, err)
			continue
		}
		if strings.HasPrefix(c.js, "new Date") {
			s, _ := rt.VM.RunString("new Date(0).toString()")
			want, _ := binarypack.AppendString(nil, s.String())
			if got != hex.EncodeToString(want) {
				t.Errorf("pack %s = %s, want the string %q", c.js, got, s.String())
			}
			continue
		}
		if got != c.want {
			t.Errorf("pack %s = %s, want %s", c.js, got, c.want)
		}
	}
}

func TestPackErrors(t *testing.T) {
	rt, p := newTestRuntime(t)
	cases := []struct{ js, want string }{
		{"function () {}", `Type "function" not yet supported`},
		{"Symbol('s')", `not yet supported`},
		{"new Map()", `Type "function Map()" not yet supported`},
		{"/x/", `Type "function RegExp()" not yet supported`},
		{"Infinity", "invalid integer"},
		{"-Infinity", "invalid integer"},
		{"(function () { var a = []; a.push(a); return a; })()", "nested deeper than 1000 levels"},
		{"new (function Odd() { this.toBinaryPack = function () { return 5; }; })()", "toBinaryPack() must return a Buffer"},
		// A plain object is a map even with a toBinaryPack method (binarypack 0.0.4 checks the
		// constructor first), and its function value cannot be packed.
		{"({toBinaryPack: function () { return Buffer.from([0xc3]); }})", `Type "function" not yet supported`},
		{"new (function Point() { this.x = 1; })()", `Type "function Point()" not yet supported`},
	}
	for _, c := range cases {
		_, err := packJS(t, rt, p, c.js)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("pack %s: error %v, want one containing %q", c.js, err, c.want)
		}
	}
}

// TestUnpack turns decoded values into JavaScript as npm binarypack does.
func TestUnpack(t *testing.T) {
	rt, _ := newTestRuntime(t)
	check, err := rt.VM.RunString(`(function (v) {
		function d(v) {
			if (v === null) return "null";
			if (v instanceof Buffer) return "Buffer(" + Array.prototype.join.call(v, ",") + ")";
			if (Array.isArray(v)) return "[" + v.map(d).join(",") + "]";
			if (typeof v === "object") return "{" + Object.keys(v).map(function (k) {
				return k + ":" + d(v[k]); }).join(",") + "} proto " + (Object.getPrototypeOf(v) === Object.prototype);
			return typeof v + " " + String(v);
		}
		return d(v);
	})`)
	if err != nil {
		t.Fatal(err)
	}
	describe, _ := goja.AssertFunction(check)
	cases := []struct {
		hex, want string
	}{
		{"c0", "null"}, {"c3", "boolean true"}, {"7f", "number 127"}, {"d3ffffffffffffffff", "number -1"},
		{"d30020000000000000", "number 9007199254740992"}, {"cfffffffffffffffff", "number 18446744073709552000"},
		{"ca3fc00000", "number 1.5"}, {"b668c3a96c6c6f", "string héllo"}, {"a3010203", "Buffer(1,2,3)"},
		{"92019102", "[number 1,[number 2]]"}, {"82b16101b162b178", "{a:number 1,b:string x} proto true"},
		{"82b16101b16102", "{a:number 2} proto true"},
		{"81b95f5f70726f746f5f5f01", "{__proto__:number 1} proto true"}, // an own property, not a prototype
		{"8101c3", "{1:boolean true} proto true"},
	}
	for _, c := range cases {
		b, _ := hex.DecodeString(c.hex)
		v, err := binarypack.Decode(b)
		if err != nil {
			t.Fatalf("decode %s: %v", c.hex, err)
		}
		got, err := describe(goja.Undefined(), unpack(rt, v))
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != c.want {
			t.Errorf("unpack %s = %s, want %s", c.hex, got, c.want)
		}
	}
}
