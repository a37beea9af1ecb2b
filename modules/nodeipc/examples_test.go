package nodeipc_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestSeedExamples runs the node-ipc seed page's examples (testdata/examples/nodeipc_*.js) in
// their pairs, each program in its own earlynode process as the page intends, and checks that
// the lines the exchange must print appear in order.
func TestSeedExamples(t *testing.T) {
	bin := testenv.Node(t)
	dir := filepath.Join(testenv.Root(), "testdata/examples")
	cases := []struct {
		name          string
		first, second []string // script and arguments; {sock} and {port} are filled in
		ready         string   // what the first prints once it listens
		wantFirst     []string
		wantSecond    []string
	}{
		{
			name:       "unix",
			first:      []string{"nodeipc_unix_server.js", "{sock}"},
			second:     []string{"nodeipc_unix_client.js", "{sock}"},
			ready:      "starting server as Unix || Windows Socket",
			wantFirst:  []string{"## socket connection to server detected ##", "got a message :  hello"},
			wantSecond: []string{"## connected to world ## ", "got a message from world :  hello world!"},
		},
		{
			name:       "tcp",
			first:      []string{"nodeipc_tcp_server.js", "{port}"},
			second:     []string{"nodeipc_tcp_client.js", "{port}"},
			ready:      "starting server as TCP",
			wantFirst:  []string{"## socket connection to server detected ##", "got a message :  hello"},
			wantSecond: []string{"Connecting client via TCP to", "## connected to world ## ", "got a message from world :  hello world!"},
		},
		{
			name:       "udp",
			first:      []string{"nodeipc_udp_world.js"},
			second:     []string{"nodeipc_udp_hello.js"},
			ready:      "123",
			wantFirst:  []string{"Received UDP message from  127.0.0.1 8001", "got a message from  hello  :  Hello"},
			wantSecond: []string{"starting server as udp4", "got Data", "got a message from  world  :  Hello world!"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sock := filepath.Join(t.TempDir(), "app.world")
			port := strconv.Itoa(testenv.FreePort(t))
			fill := func(args []string) []string {
				out := make([]string, len(args))
				for i, a := range args {
					a = strings.ReplaceAll(a, "{sock}", sock)
					out[i] = strings.ReplaceAll(a, "{port}", port)
				}
				return out
			}
			first := testenv.Start(t, tc.first[0], dir, bin, fill(tc.first)...)
			first.WaitLines(t, 20*time.Second, tc.ready)
			second := testenv.Start(t, tc.second[0], dir, bin, fill(tc.second)...)
			second.WaitLines(t, 20*time.Second, tc.wantSecond...)
			first.WaitLines(t, 20*time.Second, tc.wantFirst...)
		})
	}
}
