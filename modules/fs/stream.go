//go:build unix

package fs

import (
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed stream.js
var streamJS string

// installStreams adds node.fs.ReadStream, node.fs.WriteStream, node.fs.createReadStream and
// node.fs.createWriteStream, made on first access (they cost start-up time most programs do
// not need).
func (m *module) installStreams() {
	var kit *goja.Object
	make := func() *goja.Object {
		if kit != nil {
			return kit
		}
		kit = m.rt.LoadGlue("fs/stream.js", streamJS, runtime.Natives{
			"initReadStream":  m.initReadStream,
			"initWriteStream": m.initWriteStream,
			"setEncoding":     m.setEncoding,
			"toBuffer":        m.toBuffer,
		}).Exports
		return kit
	}
	ctor := func(name string) *goja.Object { return make().Get(name).ToObject(m.vm) }
	m.rt.Lazy(m.obj, "ReadStream", func() goja.Value { return ctor("ReadStream") })
	m.rt.Lazy(m.obj, "WriteStream", func() goja.Value { return ctor("WriteStream") })
	m.obj.Set("createReadStream", func(c goja.FunctionCall) goja.Value {
		o, err := m.vm.New(ctor("ReadStream"), c.Argument(0), c.Argument(1))
		if err != nil {
			panic(err)
		}
		return o
	})
	m.obj.Set("createWriteStream", func(c goja.FunctionCall) goja.Value {
		o, err := m.vm.New(ctor("WriteStream"), c.Argument(0), c.Argument(1))
		if err != nil {
			panic(err)
		}
		return o
	})
}

// streamOptions are the options of createReadStream and createWriteStream.
type streamOptions struct {
	flags    int
	mode     string // the flags as given, for messages
	perm     int64
	fd       int   // an already open descriptor, or -1
	start    int64 // -1: from the current offset (write) or the beginning (read)
	end      int64 // read: the last byte to read (inclusive), -1 for the end of the file
	size     int   // read: bytes per read; write: the high-water mark
	encoding textEncoding
}

// parseStreamOptions reads options (an object, or for later Nodes' sake a string naming the
// encoding), with the defaults of a read stream (read true) or a write stream.
func (m *module) parseStreamOptions(v goja.Value, read bool) (streamOptions, error) {
	o := streamOptions{mode: "w", perm: 0o666, fd: -1, start: -1, end: -1, size: 16 << 10}
	if read {
		o.mode, o.size = "r", 64<<10
	}
	if s, ok := v.Export().(string); ok {
		enc, err := parseTextEncoding(s)
		o.encoding = enc
		return m.finishOptions(o, err)
	}
	opts, ok := v.(*goja.Object)
	if !ok {
		return m.finishOptions(o, nil)
	}
	get := func(name string) goja.Value {
		if x := opts.Get(name); !absent(x) {
			return x
		}
		return nil
	}
	if x := get("flags"); x != nil {
		o.mode = x.String()
	}
	if x := get("mode"); x != nil {
		p, ok := intArg(x)
		if !ok || p > 0o7777 {
			return o, fmt.Errorf("the mode must be a permission number such as 0644, not %s", describe(x))
		}
		o.perm = p
	}
	if x := get("fd"); x != nil {
		fd, ok := fdArg(x)
		if !ok {
			return o, fmt.Errorf("the fd must be a file descriptor, not %s", describe(x))
		}
		o.fd = fd
	}
	for _, name := range []string{"bufferSize", "highWaterMark"} {
		if x := get(name); x != nil {
			n, ok := intArg(x)
			if !ok || n < 1 || n > maxReadLength {
				return o, fmt.Errorf("%s must be an integer from 1 to 1073741824, not %s", name, describe(x))
			}
			o.size = int(n)
		}
	}
	if x := get("start"); x != nil {
		n, ok := intArg(x)
		if !ok {
			return o, fmt.Errorf("start must be a non-negative integer, not %s", describe(x))
		}
		o.start = n
	}
	if x := get("end"); x != nil && read {
		n, ok := intArg(x)
		if !ok {
			return o, fmt.Errorf("end must be a non-negative integer, not %s", describe(x))
		}
		o.end = n
		if o.start > n {
			return o, fmt.Errorf("start (%d) must not be after end (%d)", o.start, n)
		}
	}
	var err error
	if x := get("encoding"); x != nil {
		o.encoding, err = parseTextEncoding(x.String())
	}
	return m.finishOptions(o, err)
}

func (m *module) finishOptions(o streamOptions, err error) (streamOptions, error) {
	if err != nil {
		return o, err
	}
	o.flags, err = streamFlags(o.mode)
	return o, err
}

// streamFlags reads a stream's flags: the File modes plus later Node's exclusive forms "wx",
// "wx+", "ax", "ax+" (fail if the file exists).
func streamFlags(mode string) (int, error) {
	exclusive := map[string]string{"wx": "w", "wx+": "w+", "ax": "a", "ax+": "a+"}
	extra := 0
	if base, ok := exclusive[mode]; ok {
		mode, extra = base, syscall.O_EXCL
	}
	f, err := ParseMode(mode)
	if err != nil {
		return 0, fmt.Errorf("invalid flags %s (use 'r', 'r+', 'w', 'w+', 'a', 'a+', 'wx' or 'ax')", quote(mode))
	}
	return f | extra, nil
}

// textEncoding is how a read stream hands out its data: Buffers, or strings in an encoding.
type textEncoding int

const (
	asBuffer textEncoding = iota
	asUTF8
	asLatin1
	asHex
	asBase64
)

func parseTextEncoding(name string) (textEncoding, error) {
	switch strings.ToLower(name) {
	case "", "buffer", "null":
		return asBuffer, nil
	case "utf8", "utf-8":
		return asUTF8, nil
	case "ascii", "latin1", "binary", "raw":
		return asLatin1, nil
	case "hex":
		return asHex, nil
	case "base64":
		return asBase64, nil
	}
	return asBuffer, fmt.Errorf("unknown encoding %q (use \"utf8\", \"ascii\", \"latin1\", \"hex\" or \"base64\")", name)
}

// textDecoder turns a stream's chunks into strings of one encoding, keeping a UTF-8 character
// or a base64 group that is split between chunks whole.
type textDecoder struct {
	enc   textEncoding
	utf8  runtime.UTF8Decoder
	carry []byte // base64: the 0-2 bytes that did not make a group of 3
}

// decode returns the text of chunk ("" when everything was held back).
func (d *textDecoder) decode(chunk []byte) string {
	switch d.enc {
	case asUTF8:
		return d.utf8.Decode(chunk)
	case asLatin1:
		var b strings.Builder
		b.Grow(len(chunk))
		for _, c := range chunk {
			b.WriteRune(rune(c))
		}
		return b.String()
	case asHex:
		return hex.EncodeToString(chunk)
	case asBase64:
		data := append(d.carry, chunk...)
		whole := len(data) / 3 * 3
		s := base64.StdEncoding.EncodeToString(data[:whole])
		d.carry = append([]byte(nil), data[whole:]...)
		return s
	}
	return ""
}

// flush returns what was held back, at the end of the stream.
func (d *textDecoder) flush() string {
	switch d.enc {
	case asUTF8:
		return d.utf8.Flush()
	case asBase64:
		s := base64.StdEncoding.EncodeToString(d.carry)
		d.carry = nil
		return s
	}
	return ""
}

// setEncoding is ReadStream.prototype.setEncoding's native half.
func (m *module) setEncoding(c goja.FunctionCall) goja.Value {
	r := m.readStreamOf(c.Argument(0))
	if r == nil {
		panic(m.vm.NewTypeError("setEncoding: not a node.fs.ReadStream"))
	}
	enc, err := parseTextEncoding(c.Argument(1).String())
	if absent(c.Argument(1)) {
		enc, err = asBuffer, nil
	}
	if err != nil {
		panic(m.vm.NewTypeError("setEncoding: " + err.Error()))
	}
	r.dec.enc = enc
	return goja.Undefined()
}

// toBuffer turns a string written with an encoding into a Buffer: utf8, ascii/latin1/binary
// (one byte per character), hex or base64.
func (m *module) toBuffer(c goja.FunctionCall) goja.Value {
	s := c.Argument(0).String()
	enc, err := parseTextEncoding(c.Argument(1).String())
	if err != nil {
		panic(m.vm.NewTypeError("write: " + err.Error()))
	}
	var b []byte
	switch enc {
	case asLatin1:
		b, _ = m.rt.BytesOf(c.Argument(0), runtime.ASCII)
		b = append([]byte(nil), b...)
	case asHex:
		b, err = hex.DecodeString(s)
	case asBase64:
		b, err = base64.StdEncoding.DecodeString(s)
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
		}
	default:
		b = []byte(s)
	}
	if err != nil {
		panic(m.vm.NewTypeError("write: the string is not valid " + c.Argument(1).String() + ": " + err.Error()))
	}
	return m.rt.NewBuffer(b)
}
