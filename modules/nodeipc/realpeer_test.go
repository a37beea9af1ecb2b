package nodeipc_test

import (
	"testing"

	"earlynode/internal/testenv"
)

// TestScriptsOnRealPackage runs the testdata/nodeipc scripts on Node.js with the real node-ipc
// 9.2.1: their .out files (which TestScripts holds earlynode to) must be what the real library
// prints. (colors.js is earlynode's alone: 9.2.1 no longer defines the colour getters.)
func TestScriptsOnRealPackage(t *testing.T) {
	for _, name := range []string{"config", "events", "retry", "log", "raw", "sync", "maxconn", "udp", "udp_family", "tls"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testenv.RunOnRealPackage(t, "node-ipc", "nodeipc", name)
		})
	}
}

// TestExamplesOnRealPackage does the same for the seed page's examples that run in one
// process (testdata/examples/nodeipc_*.js with a .out).
func TestExamplesOnRealPackage(t *testing.T) {
	for _, name := range []string{"nodeipc_snippets", "nodeipc_rawbuffer_utf8", "nodeipc_rawbuffer_hex", "nodeipc_config_snippet"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testenv.RunOnRealPackage(t, "node-ipc", "examples", name)
		})
	}
}
