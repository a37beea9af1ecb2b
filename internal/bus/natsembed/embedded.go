//go:build natsembed

package natsembed

import _ "embed" // the helper and its target

const embedded = true

// helper is the helper program's bytes; blob/ is written by internal/bus/natsembed/gen.
//
//go:embed blob/helper
var helper string

// target is "goos/goarch\nsha256\n" of helper, written by gen beside it.
//
//go:embed blob/target
var target string
