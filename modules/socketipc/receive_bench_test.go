package socketipc

import (
	"bytes"
	"io"
	"net"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"

	"earlynode/runtime"
)

// BenchmarkReceive measures the receiving side of the one-way IPC benchmark
// (scripts/bench/ipc/sipc_server.js): a Go client writes b.N frames of
// {"topic":"m","message":{"text":"hello world","n":42,"list":[1,2,3]}} down a unix socket and a
// Server counts them in a 'message' listener; the figure covers framing, building the message
// and the listener's call.
func BenchmarkReceive(b *testing.B) {
	sock := filepath.Join(b.TempDir(), "bench.sock")
	rt := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard})
	Install(rt)
	n := b.N
	script := `var ipc = require('socket-ipc');
		var server = new ipc.Server({ socketFile: ` + strconv.Quote(sock) + ` });
		var count = 0;
		server.on('message', function (message, topic, id) {
			if (++count === ` + strconv.Itoa(n) + `) node.exit(0);
		});
		server.on('listening', listening);
		server.listen();`
	frame := []byte(`{"topic":"m","message":{"text":"hello world","n":42,"list":[1,2,3]}}` + "\x00\x00")
	payload := bytes.Repeat(frame, n)
	bound := make(chan struct{})
	rt.VM.Set("listening", func() { close(bound) })
	go func() {
		<-bound
		c, err := net.Dial("unix", sock)
		if err != nil {
			panic(err) // a failed benchmark either way: the script would wait for ever
		}
		c.Write(payload)
		io.Copy(io.Discard, c)
	}()
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as cmd/node runs programs
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	if code := rt.RunSource("bench.js", script); code != 0 {
		b.Fatalf("exit status %d", code)
	}
	b.StopTimer()
	b.ReportMetric(float64(processCPU()-cpu)/float64(n), "cpu-ns/op")
}

// processCPU is the CPU time the process has used (every goroutine, the collector's too), in
// nanoseconds: on the shared machine it says more than wall time does.
func processCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
