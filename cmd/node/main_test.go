package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.js", "puts(ARGV.slice(2).join(','));\n")
	bad := write("bad.js", "puts(1;\n")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"script and its arguments", []string{good, "-v", "--eval", "x"}, "", 0, "-v,--eval,x\n", ""},
		{"eval", []string{"-e", "puts(ARGV.length + ' ' + ARGV[2])", "arg"}, "", 0, "3 arg\n", ""},
		{"eval long form", []string{"--eval", "node.exit(4)"}, "", 4, "", ""},
		{"version", []string{"-v"}, "", 0, "earlynode", ""},
		{"help", []string{"--help"}, "", 0, "Usage: node [options] script.js", ""},
		{"check a good file", []string{"-c", good}, "", 0, "", ""},
		{"check a bad file", []string{"--check", bad}, "", 1, "", "SyntaxError"},
		{"check a missing file", []string{"-c", filepath.Join(dir, "nope.js")}, "", 1, "", "nope.js"},
		{"missing script", []string{filepath.Join(dir, "missing.js")}, "", 1, "", "cannot read script"},
		{"a directory as script", []string{dir}, "", 1, "", "cannot read script"},
		{"syntax error", []string{bad}, "", 1, "", "bad.js:1:"},
		{"no script: standard input is the script", nil, "puts(ARGV.length + ' ' + ARGV[1])", 0, "2 [stdin]\n", ""},
		{"dash: standard input with arguments", []string{"-", "a", "-v"}, "puts(ARGV.slice(2).join(','))", 0, "a,-v\n", ""},
		{"empty standard input", nil, "", 0, "", ""},
		{"syntax error on standard input", []string{"-"}, "puts(1;", 1, "", "[stdin]:1:"},
		{"unknown option", []string{"--bogus"}, "", 9, "", "unknown flag"},
		{"help lists every option", []string{"-h"}, "", 0, "--heap-prof-interval BYTES", ""},
		{"a profile that cannot be written", []string{"--cpu-prof-dir", good, "-e", "1"}, "", 9, "", "profile"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &out, &errOut)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tc.stderr)
			}
		})
	}
}
