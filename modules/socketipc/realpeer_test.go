package socketipc_test

import (
	"testing"

	"earlynode/internal/testenv"
)

// TestScriptsOnRealPackage runs the testdata/socketipc scripts on Node.js with the real
// @crussell52/socket-ipc 0.4.0: their .out files (which TestScripts holds earlynode to) must
// be what the real library prints.
func TestScriptsOnRealPackage(t *testing.T) {
	for _, name := range []string{"events", "errors", "retry", "transcoder"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testenv.RunOnRealPackage(t, "@crussell52/socket-ipc", "socketipc", name)
		})
	}
}

// TestExamplesOnRealPackage does the same for the seed page's example
// (testdata/examples/socketipc_reconnect.js).
func TestExamplesOnRealPackage(t *testing.T) {
	testenv.RunOnRealPackage(t, "@crussell52/socket-ipc", "examples", "socketipc_reconnect")
}
