package jsvalue

import (
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
)

// describeJS describes a value: its type and contents, binary data by kind,
// objects by their own property names and whether their prototype is
// Object.prototype.
const describeJS = `(function (v) {
	function d(v) {
		if (v instanceof Buffer) return "Buffer[" + Array.prototype.join.call(v, ",") + "]";
		if (v instanceof ArrayBuffer) return "ArrayBuffer[" + Array.prototype.join.call(new Uint8Array(v), ",") + "]";
		if (v === null || typeof v !== "object") return typeof v + ":" + String(v);
		if (Array.isArray(v)) return "[" + v.map(d).join(" ") + "]";
		return "{" + Object.getOwnPropertyNames(v).map(function (k) { return k + "=" + d(v[k]); }).join(" ") +
			(Object.getPrototypeOf(v) === Object.prototype ? "" : " (prototype changed)") + "}";
	}
	return d(v);
})`

// TestUnpack checks the JavaScript values decoded BinaryPack becomes, as
// npm binarypack (binaryjs) and PeerJS 1.5.5 make them.
func TestUnpack(t *testing.T) {
	node, peer := []Dialect{NodeBinaryPack}, []Dialect{PeerJSBinaryPack}
	proto := hex.EncodeToString([]byte("__proto__"))
	cases := []struct {
		hex, want string
		only      []Dialect
	}{
		{hex: "00", want: "number:0"}, {hex: "ff", want: "number:-1"}, {hex: "7f", want: "number:127"},
		{hex: "c0", want: "object:null"}, {hex: "c3", want: "boolean:true"},
		{hex: "cb3ff8000000000000", want: "number:1.5"}, {hex: "ca3fc00000", want: "number:1.5"},
		{hex: "d3ffffffffffffffff", want: "number:-1"},
		{hex: "d30020000000000000", want: "number:9007199254740992"}, {hex: "d3ffffffff7fffffff", want: "number:-2147483649"},
		{hex: "cf8000000000000000", want: "number:9223372036854776000"},
		{hex: "cfffffffffffffffff", want: "number:18446744073709552000"},
		{hex: "b668c3a96c6c6f", want: "string:héllo"},
		{hex: "d80025" + hex.EncodeToString([]byte("a long ascii string for the fast path")), want: "string:a long ascii string for the fast path"},
		{hex: "a3010203", want: "ArrayBuffer[1,2,3]", only: peer},
		{hex: "a3010203", want: "Buffer[1,2,3]", only: node},
		{hex: "92019102", want: "[number:1 [number:2]]"},
		{hex: "82b16101b162b178", want: "{a=number:1 b=string:x}"},
		{hex: "82b16101b16102", want: "{a=number:2}"},
		// Keys that are not strings become property names; __proto__ stays
		// an own property, not a prototype.
		{hex: "81b9" + proto + "01", want: "{__proto__=number:1}"},
		{hex: "8101c3", want: "{1=boolean:true}"},
		{hex: "8201c3b9" + proto + "81b17801", want: "{1=boolean:true __proto__={x=number:1}}"},
		{hex: "81a26869c3", want: "{hi=boolean:true}", only: node},
		{hex: "81a26869c3", want: "{[object ArrayBuffer]=boolean:true}", only: peer},
	}
	for d, opts := range dialects {
		rt, b := newTestBridge(t, opts)
		check, err := rt.VM.RunString(describeJS)
		if err != nil {
			t.Fatal(err)
		}
		describe, _ := goja.AssertFunction(check)
		for _, c := range cases {
			if !runs(c.only, d) {
				continue
			}
			raw, _ := hex.DecodeString(c.hex)
			v, err := binarypack.Decode(raw)
			if err != nil {
				t.Fatalf("decode %s: %v", c.hex, err)
			}
			got, err := describe(goja.Undefined(), b.Unpack(v))
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != c.want {
				t.Errorf("%s: unpack(%s) = %s, want %s", d, c.hex, got, c.want)
			}
		}
	}
}

// TestUnpackKeyString checks that Options.KeyString names keys that are
// not strings.
func TestUnpackKeyString(t *testing.T) {
	opts := binaryjsOptions
	opts.KeyString = func(k any) string { return fmt.Sprintf("<%T>", k) }
	rt, b := newTestBridge(t, opts)
	v, err := binarypack.Decode([]byte{0x82, 0x01, 0xc3, 0xa1, 0x61, 0xc2})
	if err != nil {
		t.Fatal(err)
	}
	got := b.Unpack(v).(*goja.Object)
	if keys := fmt.Sprint(got.Keys()); keys != "[<int64> <[]uint8>]" {
		t.Errorf("keys = %s, want [<int64> <[]uint8>]", keys)
	}
	_ = rt
}

// TestUnpackAssigns checks the NodeBinaryPack dialect assigns map entries
// (a setter on Object.prototype runs, as for o[k] = v) while PeerJS's
// defines them.
func TestUnpackAssigns(t *testing.T) {
	for d, want := range map[Dialect]string{NodeBinaryPack: "set 1 own false", PeerJSBinaryPack: "unset own true"} {
		rt, b := newTestBridge(t, dialects[d])
		if _, err := rt.VM.RunString(`var seen = "unset";
			Object.defineProperty(Object.prototype, "k", {set: function (v) { seen = "set " + v; }, configurable: true});`); err != nil {
			t.Fatal(err)
		}
		v, _ := binarypack.Decode([]byte{0x81, 0xb1, 'k', 0x01})
		if err := rt.VM.Set("got", b.Unpack(v)); err != nil {
			t.Fatal(err)
		}
		r, err := rt.VM.RunString(`seen + " own " + Object.prototype.hasOwnProperty.call(got, "k")`)
		if err != nil {
			t.Fatal(err)
		}
		if r.String() != want {
			t.Errorf("%s: %s, want %s", d, r, want)
		}
	}
}
