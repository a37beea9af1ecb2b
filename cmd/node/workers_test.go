package main

import (
	goruntime "runtime"
	"testing"
)

func TestWorkerCount(t *testing.T) {
	tests := []struct {
		arg     string
		want    int
		wantErr bool
	}{
		{"1", 1, false},
		{"4", 4, false},
		{"0", goruntime.NumCPU(), false},
		{"auto", goruntime.NumCPU(), false},
		{"1024", 1024, false},
		{"1025", 0, true},
		{"-1", 0, true},
		{"two", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := workerCount(tt.arg)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("workerCount(%q) = %d, %v; want %d (error %v)", tt.arg, got, err, tt.want, tt.wantErr)
		}
	}
}
