package globals

import (
	"bytes"
	"regexp"
	"testing"

	"earlynode/runtime"
)

// console.time's figures vary from run to run, so the conformance scripts cannot hold them:
// here their shape is checked (Node 20's "label: 1.234ms"), with the warnings on stderr.
func TestConsoleTime(t *testing.T) {
	var out, errOut bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errOut})
	Install(rt)
	code := rt.RunSource("/time.js", `
		console.time('t');
		console.time('t');
		console.timeLog('t', 'extra', 42);
		console.timeEnd('t');
		console.timeEnd('t');
		console.time();
		console.timeEnd();
	`)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut.String())
	}
	wantOut := regexp.MustCompile(`^t: \d+(\.\d{1,3})?ms extra 42\nt: \d+(\.\d{1,3})?ms\ndefault: \d+(\.\d{1,3})?ms\n$`)
	if !wantOut.Match(out.Bytes()) {
		t.Errorf("stdout:\n%s", out.String())
	}
	wantErr := regexp.MustCompile(`^\(node:\d+\) Warning: Label 't' already exists for console.time\(\)\n\(node:\d+\) Warning: No such label 't' for console.timeEnd\(\)\n$`)
	if !wantErr.Match(errOut.Bytes()) {
		t.Errorf("stderr:\n%s", errOut.String())
	}
}
