package runtime

import (
	"bytes"
	"io"
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

func TestParseEncoding(t *testing.T) {
	vm := goja.New()
	tests := []struct {
		in      goja.Value
		want    Encoding
		wantErr bool
	}{
		{goja.Undefined(), Raw, false},
		{goja.Null(), Raw, false},
		{vm.ToValue("utf8"), UTF8, false},
		{vm.ToValue("UTF8"), UTF8, false},
		{vm.ToValue("utf-8"), UTF8, false},
		{vm.ToValue("ascii"), ASCII, false},
		{vm.ToValue("Raw"), Raw, false},
		{vm.ToValue("binary"), Raw, false},
		{vm.ToValue("buffer"), BufferEncoding, false},
		{vm.ToValue("ebcdic"), Raw, true},
	}
	for _, tc := range tests {
		got, err := ParseEncoding(tc.in, Raw)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseEncoding(%v) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestBytesOfAndValueOf(t *testing.T) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	eval := func(src string) goja.Value {
		v, err := rt.VM.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		js   string
		enc  Encoding
		want []byte
	}{
		{"utf8 string", `"héllo"`, UTF8, []byte("héllo")},
		{"ascii string keeps the low byte", `"h\u00e9"`, ASCII, []byte{'h', 0xe9}},
		{"raw array", `[0, 127, 255, 256, -1]`, Raw, []byte{0, 127, 255, 0, 255}},
		{"buffer", `new Buffer("abc")`, Raw, []byte("abc")},
		{"typed array", `new Uint8Array([1, 2, 3])`, Raw, []byte{1, 2, 3}},
		{"array buffer", `new Uint8Array([9, 8]).buffer`, Raw, []byte{9, 8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rt.BytesOf(eval(tc.js), tc.enc)
			if err != nil || !bytes.Equal(got, tc.want) {
				t.Fatalf("BytesOf(%s) = %v, %v; want %v", tc.js, got, err, tc.want)
			}
		})
	}
	if _, err := rt.BytesOf(goja.Undefined(), UTF8); err == nil {
		t.Error("BytesOf(undefined) gave no error")
	}
	data := []byte{104, 0xc3, 0xa9, 0xff}
	if s := rt.ValueOf(data, UTF8).String(); s != "hé\uFFFD" {
		t.Errorf("ValueOf utf8 = %q", s)
	}
	if s := rt.ValueOf(data, ASCII).String(); s != "h\u00c3\u00a9\u00ff" {
		t.Errorf("ValueOf ascii = %q", s)
	}
	if s := rt.JSONString(rt.ValueOf(data, Raw)); s != "[104,195,169,255]" {
		t.Errorf("ValueOf raw = %s", s)
	}
	if b, _ := rt.ValueOf(data, BufferEncoding).Export().([]byte); !bytes.Equal(b, data) {
		t.Errorf("ValueOf buffer = %v", b)
	}
}

func TestFormat(t *testing.T) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	tests := []struct{ js, want string }{
		{`["a", "b"]`, "a b"},
		{`["%s is %d", "x", 4]`, "x is 4"},
		{`["%j", {a: [1]}]`, `{"a":[1]}`},
		{`["100%", 1]`, "100% 1"},
		{`[{a: 1, "b c": "x"}]`, `{ a: 1, 'b c': 'x' }`},
		{`[[1, [2, [3, [4]]]]]`, `[ 1, [ 2, [ 3, [Array] ] ] ]`},
		{`[null, undefined, true]`, "null undefined true"},
		{`[function named() {}]`, "[Function: named]"},
		{`[(function () { var o = {}; o.self = o; return o; })()]`, "{ self: [Circular] }"},
	}
	for _, tc := range tests {
		v, err := rt.VM.RunString(tc.js)
		if err != nil {
			t.Fatal(err)
		}
		var args []goja.Value
		arr := v.ToObject(rt.VM)
		for i := 0; i < int(arr.Get("length").ToInteger()); i++ {
			args = append(args, arr.Get(strconv.Itoa(i)))
		}
		if got := rt.Format(args); got != tc.want {
			t.Errorf("Format(%s) = %q, want %q", tc.js, got, tc.want)
		}
	}
}
