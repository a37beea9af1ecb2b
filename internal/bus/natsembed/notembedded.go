//go:build !natsembed

package natsembed

const embedded = false

var helper, target string
