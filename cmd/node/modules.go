package main

import (
	"earlynode/modules/binaryjs"
	"earlynode/modules/core/assert"
	"earlynode/modules/core/buffer"
	corecrypto "earlynode/modules/core/crypto"
	"earlynode/modules/core/events"
	corefs "earlynode/modules/core/fs"
	"earlynode/modules/core/globals"
	coreos "earlynode/modules/core/os"
	"earlynode/modules/core/path"
	coreprocess "earlynode/modules/core/process"
	"earlynode/modules/core/querystring"
	"earlynode/modules/core/string_decoder"
	"earlynode/modules/core/url"
	"earlynode/modules/core/util"
	"earlynode/modules/fs"
	"earlynode/modules/http"
	"earlynode/modules/nodeipc"
	"earlynode/modules/peerjs"
	"earlynode/modules/process"
	"earlynode/modules/socketipc"
	"earlynode/modules/tcp"
	"earlynode/modules/worker"
	"earlynode/runtime"
)

// installers add each API area to a new runtime: the node.* namespace and the built-in packages.
var installers = []func(*runtime.Runtime){
	assert.Install,
	binaryjs.Install,
	corecrypto.Install,
	corefs.Install,
	coreos.Install,
	buffer.Install,
	events.Install,
	path.Install,
	querystring.Install,
	string_decoder.Install,
	url.Install,
	util.Install,
	coreprocess.Install,
	globals.Install,
	fs.Install,
	http.Install,
	nodeipc.Install,
	peerjs.Install,
	process.Install,
	socketipc.Install,
	tcp.Install,
	worker.Install,
}
