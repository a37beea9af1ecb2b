package process

import (
	"fmt"
	"testing"

	"earlynode/internal/testenv"
)

// TestKillRightAfterCreate kills many children at once, each right after node.createProcess,
// with every core busy: each kill must reach its child (a `cat` that would otherwise wait for
// ever on its stdin), so that every child exits by the signal and the program ends.
func TestKillRightAfterCreate(t *testing.T) {
	testenv.BusyCores(t)
	const n = 40
	for _, tc := range []struct{ name, command string }{
		{"shell runs cat", "cat"},
		{"shell runs a pipeline", "cat | cat"},
		{"shell execs cat", "exec cat"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := fmt.Sprintf(`
var exits = 0, codes = {};
for (var i = 0; i < %d; i++) {
  var c = node.createProcess(%q);
  c.addListener("exit", function (code) {
    codes[code] = (codes[code] || 0) + 1;
    if (++exits == %d) puts(JSON.stringify(codes));
  });
  c.kill();
}
`, n, tc.command, n)
			got, code := run(t, src)
			if want := fmt.Sprintf(`{"15":%d}`+"\n", n); code != 0 || got != want {
				t.Errorf("got %q (exit %d), want %q", got, code, want)
			}
		})
	}
}
