//go:build unix

package fs

import (
	"earlynode/runtime"
)

// installStdio makes the stdout, stderr and stdin globals: node.fs.File objects on descriptors
// 1, 2 and 0. Writes on 1 and 2 (from these Files, any File or node.fs.write at the current
// offset) go through the runtime's ordered output streams, the same ones puts, print and p use,
// so output keeps the order in which it was written. Reading stdin happens only when asked for,
// so a program that never reads it is not kept alive by it.
func (m *module) installStdio() {
	g := m.vm.GlobalObject()
	for _, std := range []struct {
		name string
		fd   int
	}{{"stdin", 0}, {"stdout", 1}, {"stderr", 2}} {
		opts := m.vm.NewObject()
		opts.Set("fd", std.fd)
		f, err := m.vm.New(m.fileCtor, opts)
		if err != nil {
			panic(err)
		}
		g.Set(std.name, f)
	}
	m.rt.Node().Set("STDIN_FILENO", 0)
	m.rt.Node().Set("STDOUT_FILENO", 1)
	m.rt.Node().Set("STDERR_FILENO", 2)
}

// stdStream is the runtime's ordered stream for descriptor 1 or 2, nil for the others.
func (m *module) stdStream(fd int) *runtime.Stream {
	switch fd {
	case 1:
		return m.rt.Out.Stdout
	case 2:
		return m.rt.Out.Stderr
	}
	return nil
}

// writeStd queues data on an output stream; it fails only when an earlier write did (EPIPE
// once the reader has gone).
func (m *module) writeStd(s *runtime.Stream, data []byte) error {
	if err := s.Err(); err != nil {
		return err
	}
	s.Write(data)
	return nil
}
