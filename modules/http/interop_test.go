package http

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"earlynode/internal/testenv"
)

// realNode returns the machine's Node.js, an interop prerequisite (testenv.RequireInterop).
func realNode(t *testing.T) string {
	t.Helper()
	testenv.RequireInterop(t, testenv.NodeJS)
	return testenv.NodeJSPath()
}

// TestNodeHTTPClientAgainstOurServer has Node 20's http client (keep-alive agent, a chunked
// POST, a HEAD) talk to our server.
func TestNodeHTTPClientAgainstOurServer(t *testing.T) {
	node := realNode(t)
	src := `
var server = node.http.createServer(function (req, res) {
  var body = "";
  req.setBodyEncoding("utf8");
  req.addListener("body", function (c) { body += c; });
  req.addListener("complete", function () {
    res.sendHeader(200, [["Content-Type", "text/plain"], ["X-Method", req.method]]);
    res.sendBody(req.method + " " + req.uri.path + " " + body);
    res.finish();
    if (req.uri.path == "/quit") server.close();
  });
});
server.listen(0, "127.0.0.1");
attach(server);
`
	var out string
	var runErr error
	done := make(chan struct{})
	stdout, stderr, code := runJS(t, src, func(srv goja.Value, port int) {
		go func() {
			client := `
const http = require("http");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const port = ` + strconv.Itoa(port) + `;
function req(opts, body) {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, agent, ...opts }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c) => data += c);
      res.on("end", () => resolve(res.statusCode + " " + res.headers["x-method"] + " [" + data + "] " + (res.headers["transfer-encoding"] || "")));
    });
    r.on("error", reject);
    if (body) { r.write(body[0]); r.write(body[1]); }
    r.end();
  });
}
(async () => {
  const out = [];
  out.push(await req({ path: "/a" }));
  out.push(await req({ path: "/b", method: "POST" }, ["hello ", "world"]));
  out.push(await req({ path: "/c", method: "HEAD" }));
  out.push(await req({ path: "/quit" }));
  console.log(out.join("\n"));
  agent.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
`
			b, err := exec.Command(node, "-e", client).CombinedOutput()
			out, runErr = string(b), err
			close(done)
		}()
	})
	_ = stdout
	<-done
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if runErr != nil {
		t.Fatalf("node client: %v\n%s", runErr, out)
	}
	want := strings.Join([]string{
		"200 GET [GET /a ] chunked",
		"200 POST [POST /b hello world] chunked",
		"200 HEAD [] ",
		"200 GET [GET /quit ] chunked",
	}, "\n")
	if strings.TrimSpace(out) != want {
		t.Fatalf("node client saw:\n%s\nwant:\n%s", out, want)
	}
}

// TestOurClientAgainstNodeHTTPServer has our client talk to Node 20's http server: a chunked
// GET answer, a POST whose body we send chunked, duplicate headers both ways.
func TestOurClientAgainstNodeHTTPServer(t *testing.T) {
	node := realNode(t)
	server := `
const http = require("http");
const s = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c) => body += c);
  req.on("end", () => {
    res.setHeader("X-Dup", ["one", "two"]);
    res.write(req.method + " " + req.url + " te=" + (req.headers["transfer-encoding"] || "") + " x=" + JSON.stringify(req.headersDistinct["x-a"]));
    res.end(" body=" + body);
    if (req.url === "/last") s.close();
  });
});
s.listen(0, "127.0.0.1", () => console.log(s.address().port));
`
	cmd := exec.Command(node, "-e", server)
	pipe, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var first [16]byte
	n, _ := pipe.Read(first[:])
	port, err := strconv.Atoi(strings.TrimSpace(string(first[:n])))
	if err != nil {
		t.Fatalf("node server port: %q", first[:n])
	}
	src := `
var client = node.http.createClient(` + strconv.Itoa(port) + `, "127.0.0.1");
function show (label, request, next) {
  request.finish(function (res) {
    var dups = res.headers.filter(function (h) { return h[0].toLowerCase() == "x-dup"; });
    var body = "";
    res.setBodyEncoding("utf8");
    res.addListener("body", function (c) { body += c; });
    res.addListener("complete", function () {
      puts(label + ": " + res.statusCode + " " + res.httpVersion + " " + JSON.stringify(dups) + " " + body);
      if (next) next();
    });
  });
}
show("get", client.get("/page?q=1", [["X-A", "1"], ["X-A", "2"]]), function () {
  var post = client.post("/last", [["Content-Type", "text/plain"]]);
  post.sendBody("streamed ");
  post.sendBody("body");
  show("post", post);
});
`
	stdout, stderr, code := runJS(t, src, nil)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `get: 200 1.1 [["X-Dup","one"],["X-Dup","two"]] GET /page?q=1 te= x=["1","2"] body=
post: 200 1.1 [["X-Dup","one"],["X-Dup","two"]] POST /last te=chunked x=undefined body=streamed body
`
	if stdout != want {
		t.Fatalf("our client saw:\n%s\nwant:\n%s", stdout, want)
	}
	cmd.Wait()
}
