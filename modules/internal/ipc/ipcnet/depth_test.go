package ipcnet

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
)

// nested returns text of n nested arrays around a 1.
func nested(n int) string {
	return strings.Repeat("[", n) + "1" + strings.Repeat("]", n)
}

// TestValueDepthLimit: a received message nested past jsonframe.MaxDepth is refused at once
// with a RangeError naming the limit; one at the limit is built.
func TestValueDepthLimit(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		wantErr bool
	}{
		{"at the limit", nested(jsonframe.MaxDepth), false},
		{"one past", nested(jsonframe.MaxDepth + 1), true},
		{"100,000 arrays", nested(100000), true},
		{"100,000 objects", strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000), true},
		{"brackets inside strings do not count", `["` + strings.Repeat("[", 5000) + `"]`, false},
	}
	j, _ := newTestJSON(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			v, err := j.Value([]byte(tt.text))
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			if !tt.wantErr {
				if err != nil || v == nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			ex, ok := err.(*goja.Exception)
			if !ok {
				t.Fatalf("got %v, %v; want a RangeError", v, err)
			}
			want := "RangeError: a message received nests arrays and objects more than 1000 levels deep (the limit)"
			if got := ex.Value().String(); got != want {
				t.Errorf("error %q, want %q", got, want)
			}
		})
	}
}

// TestAppendStringifyDepthLimit: a value nested past jsonframe.MaxDepth is not sent, with a
// RangeError, in time linear in its depth (JSON.stringify took 28 s for 100,000 levels); cycles
// still throw JSON.stringify's TypeError, also long ones.
func TestAppendStringifyDepthLimit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the error thrown; "" for none
	}{
		{"at the limit", `var v = 1; for (var i = 0; i < 1000; i++) v = [v]; v`, ""},
		{"one past", `var v = 1; for (var i = 0; i < 1001; i++) v = [v]; v`,
			"RangeError: a value sent nests arrays and objects more than 1000 levels deep (the limit)"},
		{"100,000 arrays", `var v = 1; for (var i = 0; i < 100000; i++) v = [v]; v`,
			"RangeError: a value sent nests arrays and objects more than 1000 levels deep (the limit)"},
		{"100,000 objects", `var v = 1; for (var i = 0; i < 100000; i++) v = {a: v}; v`,
			"RangeError: a value sent nests arrays and objects more than 1000 levels deep (the limit)"},
		{"a short cycle", `var o = {a: [1]}; o.a.push(o); o`, "TypeError: Converting circular structure to JSON"},
		{"a cycle 500 long", `var o = {}, p = o; for (var i = 0; i < 500; i++) p = p.n = {}; p.n = o; o`,
			"TypeError: Converting circular structure to JSON"},
	}
	j, vm := newTestJSON(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := vm.RunString(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			out, _, err := j.AppendStringify(nil, v)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			if tt.want == "" {
				if err != nil || len(out) != 2*1000+1 {
					t.Fatalf("got %d bytes, %v", len(out), err)
				}
				return
			}
			ex, ok := err.(*goja.Exception)
			if !ok {
				t.Fatalf("got %v; want %s", err, tt.want)
			}
			if got := ex.Value().String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("error %q, want %q", got, tt.want)
			}
		})
	}
}
