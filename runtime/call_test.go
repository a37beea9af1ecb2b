package runtime

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// Batch calls JavaScript functions as a loop callback would, one after the other inside one
// call: what they log, the microtasks after all of them, and the error that ends the batch.
func TestBatch(t *testing.T) {
	cases := []struct {
		name    string
		fns     []string // function sources, called in order inside one Batch
		wantLog string   // log after the batch and its microtasks
		wantErr string   // "" for none, "fatal: TEXT" or "exit N"
	}{
		{
			name:    "microtasks run after the whole batch",
			fns:     []string{`function () { log.push('a'); Promise.resolve().then(function () { log.push('a-then'); }); }`, `function () { log.push('b'); }`},
			wantLog: "a b a-then",
		},
		{
			name:    "an exception ends the batch",
			fns:     []string{`function () { log.push('a'); throw new Error('boom'); }`, `function () { log.push('never'); }`},
			wantLog: "a",
			wantErr: "fatal: Error: boom",
		},
		{
			name:    "node.exit ends the batch",
			fns:     []string{`function () { log.push('a'); node.exit(3); log.push('never'); }`, `function () { log.push('never'); }`},
			wantLog: "a",
			wantErr: "exit 3",
		},
		{
			name:    "node.exit as a function's last act",
			fns:     []string{`function () { log.push('a'); node.exit(4); }`, `function () { log.push('never'); }`},
			wantLog: "a",
			wantErr: "exit 4",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
			if _, err := rt.VM.RunString("var log = [];"); err != nil {
				t.Fatal(err)
			}
			var fns []goja.Callable
			for _, src := range c.fns {
				v, err := rt.VM.RunString("(" + src + ")")
				if err != nil {
					t.Fatal(err)
				}
				fn, _ := goja.AssertFunction(v)
				fns = append(fns, fn)
			}
			err := rt.Batch(func() error {
				return rt.Batch(func() error { // a Batch inside a Batch is a plain call
					for _, fn := range fns {
						if _, err := rt.Call(fn, goja.Undefined()); err != nil {
							return err
						}
					}
					return nil
				})
			})
			var fatal *FatalError
			var exit *ExitError
			got := ""
			switch {
			case errors.As(err, &exit):
				got = "exit " + strconv.Itoa(exit.Code)
			case errors.As(err, &fatal):
				got = "fatal: " + strings.SplitN(fatal.Error(), " at ", 2)[0]
			case err != nil:
				got = err.Error()
			}
			if got != c.wantErr {
				t.Errorf("error %q, want %q", got, c.wantErr)
			}
			if log := rt.VM.Get("log").Export().([]any); joinAny(log) != c.wantLog {
				t.Errorf("log %q, want %q", joinAny(log), c.wantLog)
			}
			// The runtime goes on after the batch, as after any callback.
			if v, err := rt.VM.RunString("1 + 1"); err != nil || v.ToInteger() != 2 {
				t.Errorf("after the batch: %v, %v", v, err)
			}
		})
	}
}

func joinAny(xs []any) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i], _ = x.(string)
	}
	return strings.Join(s, " ")
}
