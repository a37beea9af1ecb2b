package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"earlynode/internal/testenv"
)

// spinScript keeps a named JavaScript function busy for half a second of wall time, so that a
// profile sampled every 10 ms must see it.
const spinScript = `
function spinTheWheel(ms) {
  var t = Date.now(), n = 0;
  while (Date.now() - t < ms) n++;
  return n;
}
var kept = [];
for (var i = 0; i < 1000; i++) kept.push({i: i, s: "x" + i});
puts(spinTheWheel(500) > 0);
`

// TestProfiles runs a script with --cpu-prof and --heap-prof and reads the files as go tool
// pprof does: the JavaScript profile names the script's busy function, the Go CPU profile
// and the heap profile parse and hold samples.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "spin.js")
	if err := os.WriteFile(script, []byte(spinScript), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		files []string // the profiles written, relative to dir
	}{
		{"named, in a directory", []string{"--cpu-prof-dir", filepath.Join(dir, "profiles"), "--cpu-prof-name", "spin.pprof",
			"--heap-prof-dir", filepath.Join(dir, "profiles"), "--heap-prof-name", "heap.pprof"},
			[]string{"profiles/spin.pprof", "profiles/spin.go.pprof", "profiles/heap.pprof"}},
		{"default names in the working directory", []string{"--cpu-prof", "--heap-prof"},
			[]string{"CPU.*[0-9].pprof", "CPU.*.go.pprof", "Heap.*.pprof"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			cmd := exec.Command(testenv.Node(t), append(tc.args, script)...)
			cmd.Dir = work
			out, err := cmd.CombinedOutput()
			if err != nil || string(out) != "true\n" {
				t.Fatalf("node %v: %v\n%s", tc.args, err, out)
			}
			base := work
			if strings.Contains(tc.files[0], "/") {
				base = dir
			}
			profiles := make([]*profile.Profile, len(tc.files))
			for i, pattern := range tc.files {
				matches, _ := filepath.Glob(filepath.Join(base, pattern))
				if len(matches) != 1 {
					entries, _ := os.ReadDir(base)
					t.Fatalf("want one file %s, found %v (directory holds %v)", pattern, matches, entries)
				}
				f, err := os.Open(matches[0])
				if err != nil {
					t.Fatal(err)
				}
				profiles[i], err = profile.Parse(f)
				f.Close()
				if err != nil {
					t.Fatalf("%s does not parse as a pprof profile: %v", matches[0], err)
				}
			}
			js, goCPU, heap := profiles[0], profiles[1], profiles[2]
			if !hasFunction(js, "spinTheWheel") {
				t.Errorf("the JavaScript profile lacks spinTheWheel: functions %v", functionNames(js))
			}
			if len(goCPU.Sample) == 0 || goCPU.PeriodType == nil || goCPU.PeriodType.Type != "cpu" {
				t.Errorf("the Go CPU profile has %d samples, period type %v", len(goCPU.Sample), goCPU.PeriodType)
			}
			if len(heap.SampleType) == 0 || heap.SampleType[len(heap.SampleType)-1].Type != "inuse_space" {
				t.Errorf("the heap profile's sample types are %v", heap.SampleType)
			}
		})
	}
}

func hasFunction(p *profile.Profile, name string) bool {
	for _, s := range p.Sample {
		for _, loc := range s.Location {
			for _, l := range loc.Line {
				if l.Function != nil && l.Function.Name == name {
					return true
				}
			}
		}
	}
	return false
}

func functionNames(p *profile.Profile) []string {
	var names []string
	for _, f := range p.Function {
		names = append(names, f.Name+" "+f.Filename)
	}
	return names
}
