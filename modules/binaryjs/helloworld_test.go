package binaryjs_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestHelloWorldExample runs binaryjs 0.2.1's own examples/helloworld server.js on earlynode,
// as shipped except for the require path of the library (require('../../') becomes
// require('binaryjs'), earlynode's built-in): for each client it sends
// fs.createReadStream(__dirname + '/flower.png'). Two clients on Node 20 with the real
// binaryjs, one after the other, must each receive the file intact. The example listens on
// port 9000, so the test is skipped when that port is taken.
func TestHelloWorldExample(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("binaryjs/examples/helloworld/server.js"))
	example := filepath.Join(testenv.NodeModules(), "binaryjs", "examples", "helloworld")
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(example, "server.js"))
	if err != nil {
		t.Fatal(err)
	}
	const from, to = "require('../../')", "require('binaryjs')"
	if bytes.Count(src, []byte(from)) != 1 {
		t.Fatalf("server.js no longer holds %s once:\n%s", from, src)
	}
	if err := os.WriteFile(filepath.Join(dir, "server.js"), bytes.Replace(src, []byte(from), []byte(to), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	flower, err := os.ReadFile(filepath.Join(example, "flower.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "flower.png"), flower, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(flower)
	want := fmt.Sprintf("received %d %s", len(flower), hex.EncodeToString(sum[:]))

	if l, err := net.Listen("tcp", "localhost:9000"); err != nil {
		t.Skipf("port 9000, where the example listens, is taken: %v", err)
	} else {
		l.Close()
	}
	srv := testenv.Start(t, "helloworld server", dir, testenv.Node(t), "server.js")
	testenv.Eventually(t, 30*time.Second, func() bool {
		c, err := net.Dial("tcp", "localhost:9000")
		if err == nil {
			c.Close()
		}
		return err == nil
	}, "the example server listens on port 9000; its output:\n%s", srv.Output())

	client := filepath.Join(testenv.Root(), "modules", "binaryjs", "testdata", "helloworld_client.js")
	for i := 1; i <= 2; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, testenv.NodeJSPath(), client)
		cmd.Env = append(os.Environ(), "NODE_PATH="+testenv.NodeModules())
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Fatalf("client %d on Node 20: %v\ngot:  %s\nwant: %s\nserver output:\n%s", i, err, out, want, srv.Output())
		}
	}
}

// TestUploadToWriteStream is the heart of binaryjs 0.2.1's examples/fileupload on earlynode:
// a real Node 20 client sends a 3 MiB file; earlynode's server pipes the BinaryStream into
// fs.createWriteStream, and the saved file must equal the one sent.
func TestUploadToWriteStream(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("binaryjs/package.json"))
	dir := t.TempDir()
	data := make([]byte, 3<<20)
	for i := range data {
		data[i] = byte(i*31 + i>>11)
	}
	src := filepath.Join(dir, "src.bin")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(testenv.FreePort(t))
	here := filepath.Join(testenv.Root(), "modules", "binaryjs", "testdata")
	srv := testenv.Start(t, "upload server", here, testenv.Node(t), "upload_server.js", port, dir)
	srv.WaitLines(t, 30*time.Second, "listening")
	cli := testenv.Start(t, "upload client", here, testenv.NodeJSPath(), "upload_client.js", port, src, "saved.bin")
	srv.WaitLines(t, 60*time.Second, fmt.Sprintf("saved saved.bin %d", len(data)))
	cli.Kill() // binaryjs 0.2.1's client lingers after its stream ends
	got, err := os.ReadFile(filepath.Join(dir, "saved.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Fatalf("the saved file (%d bytes) differs from the one sent (%d bytes)", len(got), len(data))
	}
}
