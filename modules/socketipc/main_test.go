package socketipc_test

import (
	"testing"

	"earlynode/modules/internal/ipc/ipctest"
)

// TestMain removes the node binary the tests built.
func TestMain(m *testing.M) { ipctest.Main(m) }
