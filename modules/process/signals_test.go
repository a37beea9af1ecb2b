package process

import (
	"syscall"
	"testing"
)

func TestParseSignal(t *testing.T) {
	tests := []struct {
		in   any
		want syscall.Signal
		ok   bool
	}{
		{int64(15), syscall.SIGTERM, true},
		{int64(0), 0, true},
		{float64(9), syscall.SIGKILL, true},
		{"SIGINT", syscall.SIGINT, true},
		{"kill", syscall.SIGKILL, true},
		{"usr1", syscall.SIGUSR1, true},
		{int64(-1), 0, false},
		{int64(65), 0, false},
		{float64(1.5), 0, false},
		{"SIGNOPE", 0, false},
		{true, 0, false},
		{nil, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSignal(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSignal(%v) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
