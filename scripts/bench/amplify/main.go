// Command amplify measures what one hostile message costs a server of ours: it starts
// earlynode on a small server script, takes its resident memory (VmRSS in /proc/PID/status),
// sends one case's input as a client, waits for the server to report the message handled or
// refused, and prints the peak (VmHWM) over that baseline and the time taken.
//
//	go run ./scripts/bench/amplify -node ./node [-case socketipc-50mb|binaryjs-70mb-fragments|binaryjs-10k-streams|ipc-deep]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/modules/binarypack"
)

const socketipcServer = `
var ipc = require("@crussell52/socket-ipc");
var server = new ipc.Server({socketFile: ARGV[2]});
server.on("listening", function () { puts("ready"); });
server.on("message", function (m) { puts("got " + (m.length === undefined ? typeof m : m.length)); });
server.on("message.echo", function (m, id) { server.send("echo", m, id); });
server.on("error", function (e) { puts("error " + e.message.slice(0, 120)); });
server.listen();
`

const binaryjsServer = `
var binaryjs = require("binaryjs");
var server = new binaryjs.BinaryServer({port: Number(ARGV[2]), path: "/bin"});
server.addListener("listening", function () { puts("ready"); });
server.addListener("connection", function (client) {
  var streams = 0, errors = 0;
  function count() { if (streams + errors == 10000) puts("10000 streams: " + streams + " open, " + errors + " refused"); }
  client.addListener("stream", function (s) { streams++; count(); });
  client.addListener("error", function (e) {
    if (++errors == 1) puts("error " + e.message.slice(0, 120));
    count();
  });
  client.addListener("close", function (code) { puts("close " + code); });
});
`

func main() {
	node := flag.String("node", "node", "the earlynode binary")
	which := flag.String("case", "all", "the case to run")
	flag.Parse()
	cases := map[string]func(string){
		"socketipc-50mb":          socketipc50MB,
		"binaryjs-70mb-fragments": binaryjs70MB,
		"binaryjs-10k-streams":    binaryjs10kStreams,
		"ipc-deep":                ipcDeep,
	}
	for _, name := range []string{"socketipc-50mb", "binaryjs-70mb-fragments", "binaryjs-10k-streams", "ipc-deep"} {
		if *which == "all" || *which == name {
			cases[name](*node)
		}
	}
}

// server is earlynode running a script, its stdout lines on a channel.
type server struct {
	cmd   *exec.Cmd
	lines chan string
}

func start(node, script string, args ...string) *server {
	dir, _ := os.MkdirTemp("", "amplify")
	path := filepath.Join(dir, "server.js")
	os.WriteFile(path, []byte(script), 0o644)
	wd, _ := os.Getwd()
	cmd := exec.Command(node, append([]string{path}, args...)...)
	cmd.Dir = filepath.Join(wd, "scripts", "interop") // where node_modules resolves
	cmd.Stderr = os.Stderr
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	s := &server{cmd: cmd, lines: make(chan string, 100000)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	s.wait("ready")
	return s
}

// wait returns the first line starting with one of prefixes.
func (s *server) wait(prefixes ...string) string {
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				panic("server exited")
			}
			for _, p := range prefixes {
				if strings.HasPrefix(l, p) {
					return l
				}
			}
		case <-timeout:
			panic("server silent")
		}
	}
}

func (s *server) status(field string) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, field+":") {
			n, _ := strconv.Atoi(strings.Fields(l)[1])
			return n / 1024
		}
	}
	return -1
}

func (s *server) stop() { s.cmd.Process.Kill(); s.cmd.Wait() }

func report(name string, s *server, base int, t0 time.Time, outcome string) {
	fmt.Printf("%-24s baseline RSS %4d MB, peak +%4d MB, after +%4d MB, %6.2fs: %s\n", name, base,
		s.status("VmHWM")-base, s.status("VmRSS")-base, time.Since(t0).Seconds(), outcome)
}

func socketipc50MB(node string) {
	sock := filepath.Join(os.TempDir(), fmt.Sprintf("amplify-%d.sock", os.Getpid()))
	s := start(node, socketipcServer, sock)
	defer s.stop()
	base := s.status("VmRSS")
	c, err := net.Dial("unix", sock)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	t0 := time.Now()
	msg := `{"topic":"x","message":"` + strings.Repeat("a", 50<<20) + `"}` + "\x00\x00"
	c.Write([]byte(msg))
	report("socketipc-50mb", s, base, t0, s.wait("got", "error"))
}

func dialBin(port int) *websocket.Conn {
	d := websocket.Dialer{WriteBufferSize: 1 << 20}
	ws, _, err := d.Dial(fmt.Sprintf("ws://127.0.0.1:%d/bin", port), nil)
	if err != nil {
		panic(err)
	}
	return ws
}

func freePort() int {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func binaryjs70MB(node string) {
	port := freePort()
	s := start(node, binaryjsServer, strconv.Itoa(port))
	defer s.stop()
	base := s.status("VmRSS")
	ws := dialBin(port)
	defer ws.Close()
	t0 := time.Now()
	w, _ := ws.NextWriter(websocket.BinaryMessage) // 1 MB fragments (the write buffer's size)
	chunk := make([]byte, 1<<20)
	for i := 0; i < 70; i++ {
		if _, err := w.Write(chunk); err != nil {
			break
		}
	}
	w.Close()
	report("binaryjs-70mb-fragments", s, base, t0, s.wait("close", "error"))
	s.wait("close")
}

func binaryjs10kStreams(node string) {
	port := freePort()
	s := start(node, binaryjsServer, strconv.Itoa(port))
	defer s.stop()
	base := s.status("VmRSS")
	ws := dialBin(port)
	defer ws.Close()
	t0 := time.Now()
	var err error
	for i := 0; i < 10000 && err == nil; i++ {
		b, _ := binarypack.Encode([]any{1, map[string]any{"n": i}, i})
		err = ws.WriteMessage(websocket.BinaryMessage, b)
	}
	report("binaryjs-10k-streams", s, base, t0, s.wait("10000 streams", "close"))
}

func ipcDeep(node string) {
	sock := filepath.Join(os.TempDir(), fmt.Sprintf("amplify-deep-%d.sock", os.Getpid()))
	s := start(node, socketipcServer, sock)
	defer s.stop()
	base := s.status("VmRSS")
	c, err := net.Dial("unix", sock)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	t0 := time.Now()
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	c.Write([]byte(`{"topic":"echo","message":` + deep + `}` + "\x00\x00"))
	out := s.wait("got", "error")
	// The echo is what stalled the loop: wait until it arrives (or the connection ends).
	c.SetReadDeadline(time.Now().Add(5 * time.Minute))
	buf := make([]byte, 1<<20)
	n, _ := c.Read(buf)
	report("ipc-deep (100,000 arrays)", s, base, t0, fmt.Sprintf("%s; client read %d bytes", out, n))
}
