package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"

	"earlynode/internal/testenv"
)

// terminal is earlynode's node running on a pseudo-terminal, as on a user's screen: the test
// types keys and waits for text to appear.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	raw  strings.Builder // every byte shown so far
	seen strings.Builder // the same, escape sequences, \r and \b removed (up to a sequence still arriving)
	held int             // how much of raw is in seen
	read int             // how much of seen earlier waits have consumed
	done chan struct{}   // closed when the screen is closed
}

var escape = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|[\r\x08]`)

// startTerminal starts earlynode's node with no script on a new pseudo-terminal, in dir,
// keeping its history in dir/history, and waits for the first prompt.
func startTerminal(t *testing.T, dir string, env ...string) *terminal {
	term := startOn(t, testenv.Node(t), dir, env...)
	term.expect("Type \".help\" for more information.\n> ")
	return term
}

// startOn starts bin with no arguments on a new pseudo-terminal of 200 columns.
func startOn(t *testing.T, bin, dir string, env ...string) *terminal {
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"NODE_REPL_HISTORY=" + filepath.Join(dir, "history"), "TERM=xterm"}, env...)...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			term.mu.Lock()
			term.raw.Write(buf[:n])
			// An escape sequence cut by the read waits for its end.
			all := term.raw.String()
			end := len(all)
			if i := strings.LastIndexByte(all, '\x1b'); i >= term.held && !escape.MatchString(all[i:]) {
				end = i
			}
			term.seen.WriteString(escape.ReplaceAllString(all[term.held:end], ""))
			term.held = end
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
		<-term.done
	})
	return term
}

// screen is the text on the terminal now, row by row, as a terminal shows the bytes received:
// characters overwrite at the cursor, \r, \b and the cursor and erase sequences move and
// clear. Trailing spaces are dropped.
func (term *terminal) screen() []string {
	term.mu.Lock()
	raw := term.raw.String()
	term.mu.Unlock()
	rows := [][]rune{nil}
	row, col := 0, 0
	csi := regexp.MustCompile(`^\x1b\[([0-9;?]*)([A-Za-z])`)
	for i := 0; i < len(raw); {
		if m := csi.FindStringSubmatch(raw[i:]); m != nil {
			n, err := strconv.Atoi(m[1])
			if err != nil || n == 0 {
				n = 1
			}
			switch m[2] {
			case "A":
				row = max(row-n, 0)
			case "B":
				row += n
			case "C":
				col += n
			case "D":
				col = max(col-n, 0)
			case "J": // erase from the cursor to the end of the screen
				rows = rows[:min(row+1, len(rows))]
				if col < len(rows[row]) {
					rows[row] = rows[row][:col]
				}
			case "K": // erase from the cursor to the end of the row
				if row < len(rows) && col < len(rows[row]) {
					rows[row] = rows[row][:col]
				}
			}
			for row >= len(rows) {
				rows = append(rows, nil)
			}
			i += len(m[0])
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		switch r {
		case '\r':
			col = 0
		case '\n':
			row, col = row+1, 0
			for row >= len(rows) {
				rows = append(rows, nil)
			}
		case '\b':
			col = max(col-1, 0)
		case '\a', '\x1b':
		default:
			for len(rows[row]) <= col {
				rows[row] = append(rows[row], ' ')
			}
			rows[row][col] = r
			col++
		}
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.TrimRight(string(r), " ")
	}
	return out
}

// typeKeys sends keys as typed.
func (term *terminal) typeKeys(keys string) {
	if _, err := term.tty.WriteString(keys); err != nil {
		term.t.Fatal(err)
	}
}

// expect waits for want to appear after what earlier expects consumed, and consumes up to it.
func (term *terminal) expect(want string) {
	term.t.Helper()
	found := testenv.Poll(20*time.Second, func() bool {
		term.mu.Lock()
		defer term.mu.Unlock()
		s := term.seen.String()
		if i := strings.Index(s[term.read:], want); i >= 0 {
			term.read += i + len(want)
			return true
		}
		return false
	})
	if !found {
		term.mu.Lock()
		defer term.mu.Unlock()
		term.t.Fatalf("the screen never showed %q; after the last match it shows:\n%s", want, term.seen.String()[term.read:])
	}
}

// exitCode waits for node to end and returns its exit status.
func (term *terminal) exitCode() int {
	term.t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- term.cmd.Wait() }()
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			term.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		term.t.Fatalf("node did not exit; the screen shows:\n%s", term.seen.String())
		return -1
	}
}

// TestREPL types into the REPL on a pseudo-terminal: results as util.inspect shows them,
// multi-line input, errors that do not end the session (thrown by an input or later by a
// callback), the dot commands, and the loop
// running between lines (a timer fires, and a server started in the REPL answers a real HTTP
// request while the prompt waits).
func TestREPL(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"lib.js":  "exports.twice = function (x) { return 2 * x; };\n",
		"load.js": "var loaded = 6 * 7;\nfunction tripled(x) {\n  return 3 * x;\n}\ntripled\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	term := startTerminal(t, dir)
	port := testenv.FreePort(t)
	steps := []struct{ keys, want string }{
		{"1 + 2\r", "\n3\n"},
		{"'a' + 'b'\r", "'ab'"},
		{"var o = {a: [1, 'x'], b: {c: null}}\r", "undefined"},
		{"o\r", "{ a: [ 1, 'x' ], b: { c: null } }"},
		{"{x: 1}\r", "{ x: 1 }"},
		{"function twice(n) {\r", "... "},
		{"  return n * 2;\r", "... "},
		{"}\r", "undefined"},
		{"twice(21)\r", "42"},
		{"nope\r", "Uncaught ReferenceError: nope is not defined"},
		{"throw new Error('boom')\r", "Uncaught Error: boom"},
		{"a b\r", "Uncaught SyntaxError:"},
		{"[typeof puts, typeof node.http, typeof setTimeout, typeof console.log, typeof require]\r",
			"[ 'function', 'object', 'function', 'function', 'function' ]"},
		{"var lib = require('./lib.js')\r", "undefined"},
		{"lib.twice(4)\r", "8"},
		{".load load.js\r", "[Function"},
		{"loaded + tripled(1)\r", "45"},
		{".load missing.js\r", "Failed to load"},
		{".help\r", ".load"},
		{".save saved.js\r", "Session saved to: saved.js"},
		{".save /nonexistent/dir/saved.js\r", "Failed to save"},
		{".nonsense\r", "Invalid REPL keyword"},
		{"setTimeout(function () { puts('ti' + 'ck') }, 1); 'set'\r", "tick"},
		{"setTimeout(function () { throw new Error('later') }, 1); 'armed'\r", "Uncaught Error: later\n    at <anonymous> (REPL"},
		{"'still' + ' here'\r", "'still here'"},
		{"unfinished(\r", "... "},
		{".break\r", "> "},
		{"abandoned line\x03", "> "},
		{"6 * 7\r", "42"},
		{"puts('spin' + 'ning'); while (true) {}\r", "spinning"},
		{"\x03", "Uncaught Error: Script execution was interrupted by SIGINT"},
		{"var server = node.http.createServer(function (req, res) {\r", "... "},
		{"res.sendHeader(200, [['Content-Type', 'text/plain']]); res.sendBody('served from the REPL ' + req.uri.path); res.finish(); });\r", "undefined"},
		// The expected text is not in the typed line: its echo must not satisfy the wait.
		{fmt.Sprintf("server.listen(%d); 'listen' + 'ing'\r", port), "'listening'"},
	}
	for _, s := range steps {
		term.typeKeys(s.keys)
		term.expect(s.want)
	}
	// The prompt is waiting for a line: the loop still serves.
	get := func(path string) string {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d%s", port, path))
		if err != nil {
			t.Fatalf("GET %s from the server started in the REPL: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(body)
	}
	if got := get("/one"); got != "served from the REPL /one" {
		t.Errorf("GET /one: %q", got)
	}
	term.typeKeys("1 + 1\r")
	term.expect("2")
	if got := get("/two"); got != "served from the REPL /two" {
		t.Errorf("GET /two: %q", got)
	}
	term.typeKeys(".exit\r")
	if code := term.exitCode(); code != 0 {
		t.Errorf("exit status %d after .exit, want 0", code)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "saved.js"))
	if err != nil || !strings.Contains(string(saved), "function twice(n) {\n  return n * 2;\n}\ntwice(21)\n") {
		t.Errorf(".save wrote %q (%v)", saved, err)
	}
	if info, err := os.Stat(filepath.Join(dir, "history")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("history file: %v, %v; want mode 0600", info, err)
	}
	hist, err := os.ReadFile(filepath.Join(dir, "history"))
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	for _, line := range []string{"1 + 2", "twice(21)", "6 * 7"} {
		if !strings.Contains(string(hist), line+"\n") {
			t.Errorf("history lacks %q:\n%s", line, hist)
		}
	}
}

// TestREPLExitKeys checks the ways out of the REPL Node has: Ctrl+D on an empty line, Ctrl+C
// twice on an empty line (the first says how to exit), node.exit with its code. Each ends the
// process even with a server listening, and history typed before it is kept.
func TestREPLExitKeys(t *testing.T) {
	type key struct{ keys, want string } // typed, then awaited on the screen
	tests := []struct {
		name string
		keys []key
		code int
	}{
		{"Ctrl+D", []key{{"\x04", ""}}, 0},
		{"Ctrl+C twice", []key{{"\x03", "(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n> "}, {"\x03", ""}}, 0},
		{"node.exit", []key{{"node.exit(3)\r", ""}}, 3},
		{"Ctrl+D with a server open", []key{{"node.tcp.createServer(function () {}).listen(0, '127.0.0.1'); 'open'\r", "'open'\n> "}, {"\x04", ""}}, 0},
		{".exit with a timer pending", []key{{"setTimeout(function () {}, 60000); 'set'\r", "'set'\n> "}, {".exit\r", ""}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			term := startTerminal(t, t.TempDir())
			for _, k := range tc.keys {
				term.typeKeys(k.keys)
				term.expect(k.want)
			}
			if code := term.exitCode(); code != tc.code {
				t.Errorf("exit status %d, want %d", code, tc.code)
			}
		})
	}
}

// answer types line and Enter, waits for the next prompt and returns the rows shown between
// the typed line and that prompt, then the prompt.
func (term *terminal) answer(line string) []string {
	term.t.Helper()
	base := len(term.screen()) - 1 // the row of the prompt the line is typed at
	term.typeKeys(line + "\r")
	var rows []string
	if !testenv.Poll(20*time.Second, func() bool {
		rows = term.screen()
		last := rows[len(rows)-1]
		return len(rows) > base+1 && (last == ">" || last == "...")
	}) {
		term.t.Fatalf("no prompt after %q; the screen shows:\n%s", line, strings.Join(rows, "\n"))
	}
	return rows[base+1:]
}

// TestREPLLikeNode20 types the same lines into Node 20's REPL and into earlynode's, each on a
// pseudo-terminal, and compares what the two screens show after each line: the values (as
// util.inspect writes them), the continuation prompt of unfinished input, and the errors.
// Node's line editor is off (NODE_NO_READLINE=1) so that its screen holds no redraws of the
// line being typed; earlynode's screen is read after its redraws, as a terminal shows it.
func TestREPLLikeNode20(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS)
	lines := []string{
		"1 + 2", "'a' + 'b'", `'it\'s'`, "-0", "null", "undefined", "1 / 0",
		"var o = {a: [1, 'x'], b: {c: null, d: {e: {f: 1}}}}", "o", "{x: 1}", "[1, 'two', [3]]",
		"function twice(n) {", "  return n * 2;", "}", "twice(21)", "twice",
		"[1, 2, 3].map(function (x) { return x * x; })",
		"var s = 'multi' +", "  'line'", "s",
		"if (true) {", "  'inside';", "}",
		"let z = 5", "z * 2", "typeof setTimeout",
		"nope", "throw new Error('boom')", "throw 42", "throw {code: 7}",
	}
	session := func(bin string, env ...string) [][]string {
		term := startOn(t, bin, t.TempDir(), env...)
		if !testenv.Poll(20*time.Second, func() bool { rows := term.screen(); return rows[len(rows)-1] == ">" }) {
			t.Fatalf("%s shows no prompt:\n%s", bin, strings.Join(term.screen(), "\n"))
		}
		var shown [][]string
		for _, line := range lines {
			shown = append(shown, term.answer(line))
		}
		return shown
	}
	ours := session(testenv.Node(t))
	node := session(testenv.NodeJSPath(), "NODE_NO_READLINE=1")
	for i, line := range lines {
		if strings.Join(ours[i], "\n") != strings.Join(node[i], "\n") {
			t.Errorf("after %q\nearlynode shows:\n%s\nNode.js 20 shows:\n%s", line, strings.Join(ours[i], "\n"), strings.Join(node[i], "\n"))
		}
	}
}
