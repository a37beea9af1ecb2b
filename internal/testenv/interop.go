package testenv

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// InteropEnv names the environment variable that asks for the PeerJS tests that need root
// and a network namespace of their own (Chromium, @roamhq/wrtc). scripts/test sets it to 1;
// CI=true implies it.
const InteropEnv = "EARLYNODE_PEERJS_INTEROP"

// A Prereq is something an interop test needs from the machine, with how scripts/test
// provides it.
type Prereq struct {
	// Name says what is needed.
	Name string
	// Install says how scripts/test installs or sets it.
	Install string
	// missing returns "" when the prerequisite is there, else what is wrong.
	missing func() string
}

// RequireInterop is the one gate of every interop test: it checks each prerequisite, and when
// any is missing the test FAILS if the environment variable CI is "true" (a CI machine must
// run every test; scripts/test installs all of them), and is skipped otherwise. Either way the
// message lists what is missing and how scripts/test provides it.
func RequireInterop(t testing.TB, prereqs ...Prereq) {
	t.Helper()
	var missing []string
	for _, p := range prereqs {
		if why := p.missing(); why != "" {
			missing = append(missing, "  - "+p.Name+": "+why+"\n    ("+p.Install+")")
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := "interop prerequisites missing:\n" + strings.Join(missing, "\n")
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "\nCI=true: a missing interop prerequisite fails the test")
	}
	t.Skip(msg + "\n(skipped; under CI=true this fails)")
}

// InteropDir returns scripts/interop, where the interop scripts and package.json live.
func InteropDir() string { return filepath.Join(Root(), "scripts", "interop") }

// NodeModules returns scripts/interop/node_modules, where the pinned npm peers are installed.
func NodeModules() string { return filepath.Join(InteropDir(), "node_modules") }

var (
	nodeJSOnce sync.Once
	nodeJSPath string
)

// NodeJSPath returns the machine's Node.js, "" when there is none. earlynode's own node
// binary does not count, even when it comes first on PATH: the candidate must answer
// --version with a Node.js version.
func NodeJSPath() string {
	nodeJSOnce.Do(func() {
		version := regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+`)
		var candidates []string
		if p, err := exec.LookPath("node"); err == nil {
			candidates = append(candidates, p)
		}
		candidates = append(candidates, "/usr/bin/node", "/usr/local/bin/node")
		for _, p := range candidates {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			out, err := exec.CommandContext(ctx, p, "--version").Output()
			cancel()
			if err == nil && version.Match(out) {
				nodeJSPath = p
				return
			}
		}
	})
	return nodeJSPath
}

// ChromiumPath returns $CHROMIUM, or Debian's /usr/bin/chromium.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// NodeJS is the machine's Node.js (20, as the project's machines have), found by NodeJSPath.
var NodeJS = Prereq{
	Name:    "Node.js",
	Install: "scripts/test needs Node.js 20 and npm on PATH, e.g. apt-get install nodejs npm",
	missing: func() string {
		if NodeJSPath() == "" {
			return "no node on PATH, /usr/bin or /usr/local/bin answers --version as Node.js does"
		}
		return ""
	},
}

// NPM is the pinned npm peers: each of paths must exist under scripts/interop/node_modules
// (a package directory, or a file in it such as "peerjs/dist/peerjs.min.js").
func NPM(paths ...string) Prereq {
	return Prereq{
		Name:    "npm peers " + strings.Join(paths, ", "),
		Install: "scripts/test runs npm ci --ignore-scripts in scripts/interop, at the versions of its package-lock.json",
		missing: func() string {
			var absent []string
			for _, p := range paths {
				if _, err := os.Stat(filepath.Join(NodeModules(), p)); err != nil {
					absent = append(absent, p)
				}
			}
			if len(absent) > 0 {
				return "not under " + NodeModules() + ": " + strings.Join(absent, ", ")
			}
			return ""
		},
	}
}

// Chromium is headless Chromium for PeerJS in a browser, at ChromiumPath.
var Chromium = Prereq{
	Name:    "Chromium",
	Install: "scripts/test runs apt-get install chromium when it is missing; $CHROMIUM names another binary",
	missing: func() string {
		if _, err := os.Stat(ChromiumPath()); err != nil {
			return "no " + ChromiumPath()
		}
		return ""
	},
}

// Netns is what the PeerJS tests that make their own network namespace need: to be asked for
// (EARLYNODE_PEERJS_INTEROP=1, or CI=true), root, unshare and ip.
var Netns = Prereq{
	Name:    "a network namespace for PeerJS",
	Install: "scripts/test sets " + InteropEnv + "=1 and installs iproute2; run it as root",
	missing: func() string {
		var why []string
		if os.Getenv(InteropEnv) != "1" && os.Getenv("CI") != "true" {
			why = append(why, "not asked for ("+InteropEnv+" is not 1)")
		}
		if os.Geteuid() != 0 {
			why = append(why, "not root")
		}
		for _, tool := range []string{"unshare", "ip"} {
			if _, err := exec.LookPath(tool); err != nil {
				why = append(why, tool+" not on PATH")
			}
		}
		return strings.Join(why, "; ")
	},
}
