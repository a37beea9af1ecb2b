//go:build unix

package process

import (
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

func TestNodeArch(t *testing.T) {
	for _, tc := range []struct{ goarch, want string }{
		{"amd64", "x64"}, {"386", "ia32"}, {"arm64", "arm64"}, {"arm", "arm"}, {"ppc64le", "ppc64"}, {"riscv64", "riscv64"},
	} {
		if got := nodeArch(tc.goarch); got != tc.want {
			t.Errorf("nodeArch(%q) = %q, want %q", tc.goarch, got, tc.want)
		}
	}
}

// process.kill takes a signal's name or number; anything else is not a signal.
func TestParseSignal(t *testing.T) {
	vm := goja.New()
	for _, tc := range []struct {
		v    any
		want syscall.Signal
		ok   bool
	}{
		{"SIGTERM", syscall.SIGTERM, true},
		{"SIGUSR2", syscall.SIGUSR2, true},
		{int64(0), 0, true},
		{int64(9), syscall.SIGKILL, true},
		{float64(15), syscall.SIGTERM, true},
		{float64(1.5), 0, false},
		{int64(-1), 0, false},
		{int64(99), 0, false},
		{"TERM", 0, false},
		{"SIGNOPE", 0, false},
		{true, 0, false},
	} {
		got, ok := parseSignal(vm.ToValue(tc.v))
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseSignal(%v) = %v, %v; want %v, %v", tc.v, got, ok, tc.want, tc.ok)
		}
	}
}
