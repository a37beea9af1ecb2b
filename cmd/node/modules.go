package main

import (
	"earlynode/runtime"
)

// installers add each API area to a new runtime: the node.* namespace and the built-in packages.
var installers = []func(*runtime.Runtime){}
