package main

import (
	"earlynode/modules/fs"
	"earlynode/modules/process"
	"earlynode/modules/tcp"
	"earlynode/runtime"
)

// installers add each API area to a new runtime: the node.* namespace and the built-in packages.
var installers = []func(*runtime.Runtime){
	fs.Install,
	process.Install,
	tcp.Install,
}
