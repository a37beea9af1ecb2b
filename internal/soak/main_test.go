package soak

import (
	"testing"

	"earlynode/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }
