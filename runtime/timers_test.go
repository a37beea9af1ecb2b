package runtime

import (
	"bytes"
	"strings"
	"testing"
)

// Timers due together fire inside one call into JavaScript, but each timer's microtasks still
// run before the next timer fires, as in Node.
func TestTimersAndMicrotasks(t *testing.T) {
	cases := []struct {
		name, src, want string
		code            int
	}{
		{"in order", `for (var i = 0; i < 5; i++) (function (i) { setTimeout(function () { puts('t' + i); }, 0); })(i);`,
			"t0 t1 t2 t3 t4", 0},
		{"a timer's microtask before the next timer",
			`setTimeout(function () { puts('a'); Promise.resolve().then(function () { puts('a-then'); }); }, 0);
			 setTimeout(function () { puts('b'); }, 0);`,
			"a a-then b", 0},
		{"a promise settled by a timer",
			`var settle; var p = new Promise(function (r) { settle = r; });
			 p.then(function () { puts('then'); });
			 setTimeout(function () { puts('a'); settle(); }, 0);
			 setTimeout(function () { puts('b'); }, 0);`,
			"a then b", 0},
		{"an async function awaiting in a timer",
			`setTimeout(async function () { puts('a'); await null; puts('a-after-await'); }, 0);
			 setTimeout(function () { puts('b'); }, 0);`,
			"a a-after-await b", 0},
		{"microtasks queued by microtasks",
			`setTimeout(function () { Promise.resolve().then(function () { puts('m1'); return Promise.resolve(); }).then(function () { puts('m2'); }); }, 0);
			 setTimeout(function () { puts('b'); }, 0);`,
			"m1 m2 b", 0},
		{"intervals and this",
			`var n = 0; setInterval(function () { puts('i' + n); if (++n === 3) clearInterval(this); }, 1);`,
			"i0 i1 i2", 0},
		{"an exception stops the program",
			`setTimeout(function () { puts('a'); throw new Error('boom'); }, 0);
			 setTimeout(function () { puts('never'); }, 0);`,
			"a", 1},
		{"node.exit in a timer",
			`setTimeout(function () { puts('a'); node.exit(5); }, 0);
			 setTimeout(function () { puts('never'); }, 0);`,
			"a", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			rt := New(Options{Stdout: &out, Stderr: &errOut})
			code := rt.RunSource("timers.js", c.src)
			if got := strings.Join(strings.Fields(out.String()), " "); got != c.want || code != c.code {
				t.Errorf("printed %q with status %d, want %q with %d (stderr %s)", got, code, c.want, c.code, errOut.String())
			}
		})
	}
}

// The loop fires timers through the runtime's batch only where goja's job queue can be read;
// on the goja this module is built with, it can.
func TestJobQueueFieldFound(t *testing.T) {
	if jobQueueField < 0 {
		t.Fatal("goja.Runtime has no jobQueue []func() field: timers fire one call each (microtasks.go)")
	}
}
