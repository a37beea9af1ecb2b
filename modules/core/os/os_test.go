//go:build unix

package os

import (
	"reflect"
	"testing"
)

func TestParseMeminfo(t *testing.T) {
	text := []byte("MemTotal:       24683568 kB\nMemFree:         1000 kB\nMemAvailable:   23637980 kB\nHugePages_Total:       0\n")
	for _, tc := range []struct {
		field string
		want  int64
	}{
		{"MemTotal", 24683568 * 1024},
		{"MemAvailable", 23637980 * 1024},
		{"MemFree", 1000 * 1024},
		{"HugePages_Total", 0},
		{"Missing", 0},
	} {
		if got := parseMeminfo(text, tc.field); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.field, got, tc.want)
		}
	}
}

func TestParsePasswd(t *testing.T) {
	text := []byte("root:x:0:0:root:/root:/bin/bash\nbroken line\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
	for _, tc := range []struct {
		uid  int
		want passwd
		ok   bool
	}{
		{0, passwd{name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash"}, true},
		{65534, passwd{name: "nobody", uid: 65534, gid: 65534, home: "/nonexistent", shell: "/usr/sbin/nologin"}, true},
		{1000, passwd{}, false},
	} {
		got, ok := parsePasswd(text, tc.uid)
		if ok != tc.ok || got != tc.want {
			t.Errorf("uid %d: got %+v %v, want %+v %v", tc.uid, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseCPU(t *testing.T) {
	stat := []byte("cpu  10 0 20 30 0 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 0 0 0\ncpu1 10 20 30 40 50 60 70 0 0 0\ncpuX 1 2 3 4 5 6 7\nintr 1\n")
	want := []cpuTimes{
		{n: 0, user: 10, nice: 20, sys: 30, idle: 40, irq: 60},
		{n: 1, user: 100, nice: 200, sys: 300, idle: 400, irq: 600},
	}
	if got := parseCPUTimes(stat); !reflect.DeepEqual(got, want) {
		t.Errorf("parseCPUTimes: got %+v, want %+v", got, want)
	}
	info := []byte("processor\t: 0\nmodel name\t: AMD EPYC\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 2\n")
	if got := parseCPUModels(info); !reflect.DeepEqual(got, []string{"AMD EPYC", "AMD EPYC 2"}) {
		t.Errorf("parseCPUModels: got %q", got)
	}
}

// FuzzProcFiles feeds arbitrary bytes to the parsers of /proc and /etc/passwd: they must never
// panic, and what they return must be in range.
func FuzzProcFiles(f *testing.F) {
	f.Add([]byte("MemTotal: 1 kB\ncpu0 1 2 3 4 5 6 7\nroot:x:0:0::/root:/bin/sh\nmodel name: x\n"))
	f.Add([]byte("MemTotal: -5 kB\ncpu-1 a b c d e f g\n::::::\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if n := parseMeminfo(b, "MemTotal"); n < 0 {
			t.Fatalf("negative memory %d", n)
		}
		for _, c := range parseCPUTimes(b) {
			if c.n < 0 {
				t.Fatalf("negative processor number %d", c.n)
			}
		}
		parsePasswd(b, 0)
		parseCPUModels(b)
	})
}
