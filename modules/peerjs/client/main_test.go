package client

import (
	"testing"

	"earlynode/internal/testenv"
)

// TestMain removes the node binary the binding tests built.
func TestMain(m *testing.M) { testenv.Main(m) }
