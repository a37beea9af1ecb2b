//go:build linux

package fs

// The options and states the file streams share.

import (
	"math"

	"github.com/dop251/goja"
)

// streamOptions are the options of createReadStream and createWriteStream.
type streamOptions struct {
	flags     int
	flagsErr  error // invalid flags: the stream fails on a later turn
	mode      uint32
	fd        int   // an open descriptor given by the program, or -1
	start     int64 // -1: the beginning (read) or the current offset (write)
	end       int64 // read: the last byte read (inclusive), or -1 for the end of the file
	hwm       int
	encoding  string
	autoClose bool
	emitClose bool
}

// streamOptions reads options: a string (the encoding) or an object, with Node's checks.
func (m *module) streamOptions(v goja.Value, read bool) streamOptions {
	o := streamOptions{mode: 0o666, fd: -1, start: -1, end: -1, hwm: 16 << 10, autoClose: true, emitClose: true}
	def := "w"
	if read {
		o.hwm, def = 64<<10, "r"
	}
	opts, enc := m.options(v, "")
	o.encoding = enc
	o.flags, o.flagsErr = parseFlags(get(opts, "flags"), def) // an "error" event, as in Node
	o.mode = m.modeArg(get(opts, "mode"), 0o666)
	if x := get(opts, "fd"); x != nil {
		if fo, ok := x.(*goja.Object); ok && fo.Get("fd") != nil {
			x = fo.Get("fd") // a FileHandle
		}
		o.fd = m.fdArg(x)
	}
	if x := get(opts, "highWaterMark"); x != nil {
		o.hwm = int(m.intOpt("highWaterMark", x, 0, 1, 1<<30))
	}
	o.start = m.intOpt("start", get(opts, "start"), -1, 0, math.MaxInt64>>11)
	if x := get(opts, "end"); x != nil && read {
		if f := x.ToFloat(); !math.IsInf(f, 1) {
			o.end = m.intOpt("end", x, -1, 0, math.MaxInt64>>11)
			s := o.start
			if s < 0 {
				s = 0
			}
			if s > o.end {
				throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
					Message: "The value of \"start\" is out of range. It must be <= \"end\" (here: " + itoa(o.end) + "). Received " + itoa(s)})
			}
		}
	}
	if x := get(opts, "autoClose"); x != nil {
		o.autoClose = x.ToBoolean()
	}
	if x := get(opts, "emitClose"); x != nil {
		o.emitClose = x.ToBoolean()
	}
	return o
}

type streamState uint8

const (
	stOpening streamState = iota
	stOpen
	stEnded   // read: end of the file or range reached; write: finished
	stClosing // destroyed, failed or ended: the descriptor is being closed
	stClosed
)
