package binaryjs_test

import (
	"testing"

	"earlynode/internal/testenv"
)

// TestMain removes the node binary the tests built.
func TestMain(m *testing.M) { testenv.Main(m) }
