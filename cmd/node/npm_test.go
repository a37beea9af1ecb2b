package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// TestNPMPackages runs each testdata/npm/NAME.js, which requires the pure-JavaScript npm
// package NAME installed by npm in scripts/interop/node_modules (found through NODE_PATH), on
// Node.js 20 and on earlynode: NAME.golden (not .out: TestScripts would run it without NODE_PATH) is Node's stdout, and earlynode must print the same.
func TestNPMPackages(t *testing.T) {
	for _, name := range []string{"ms"} {
		t.Run(name, func(t *testing.T) {
			testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM(name))
			t.Setenv("NODE_PATH", testenv.NodeModules())
			script := filepath.Join(testenv.Root(), "testdata", "npm", name+".js")
			refOut, refErr, refCode := runWith(t, testenv.NodeJSPath(), script, nil)
			if refCode != 0 || !testenv.Golden(t, strings.TrimSuffix(script, ".js")+".golden", refOut) {
				t.Fatalf("Node.js 20 no longer prints the golden output (exit %d); its stderr:\n%s", refCode, refErr)
			}
			out, errOut, code := runWith(t, testenv.Node(t), script, nil)
			if code != 0 || !bytes.Equal(out, refOut) {
				t.Errorf("earlynode (exit %d) differs from Node.js 20:\n--- earlynode:\n%s\n--- Node.js 20:\n%s\n--- earlynode stderr:\n%s", code, out, refOut, errOut)
			}
		})
	}
}
