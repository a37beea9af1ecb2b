// Command gen builds earlynode's NATS helper (internal/bus/natshelper/helperbin) for one
// platform into internal/bus/natsembed/blob/, where a node binary built with the natsembed tag
// embeds it:
//
//	go run ./internal/bus/natsembed/gen [-goos linux] [-goarch amd64]
//
// The platform defaults to $GOOS/$GOARCH, else this machine's. blob/helper is the static,
// stripped program; blob/target says its platform and SHA-256. Both are replaced by rename
// (never half-written) and only when they change, so concurrent runs and repeated builds
// are safe and cheap. scripts/build runs it before every build.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
)

func main() {
	goos := flag.String("goos", envOr("GOOS", goruntime.GOOS), "target operating system")
	goarch := flag.String("goarch", envOr("GOARCH", goruntime.GOARCH), "target architecture")
	flag.Parse()
	if err := generate(*goos, *goarch); err != nil {
		fmt.Fprintln(os.Stderr, "natsembed/gen:", err)
		os.Exit(1)
	}
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// generate builds the helper for goos/goarch and installs it into blob/ unless it is there.
func generate(goos, goarch string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	blob := filepath.Join(root, "internal", "bus", "natsembed", "blob")
	tmpDir, err := os.MkdirTemp("", "natsembed-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	built := filepath.Join(tmpDir, "helper")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", built, "./internal/bus/natshelper/helperbin")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the helper for %s/%s: %v\n%s", goos, goarch, err, out)
	}
	program, err := os.ReadFile(built)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(program)
	target := []byte(goos + "/" + goarch + "\n" + hex.EncodeToString(sum[:]) + "\n")
	if old, err := os.ReadFile(filepath.Join(blob, "target")); err == nil && bytes.Equal(old, target) {
		if fi, err := os.Stat(filepath.Join(blob, "helper")); err == nil && fi.Size() == int64(len(program)) {
			return nil // already there
		}
	}
	if err := replace(filepath.Join(blob, "helper"), program); err != nil {
		return err
	}
	return replace(filepath.Join(blob, "target"), target)
}

// moduleRoot is the directory of earlynode's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("not inside earlynode's module")
	}
	return filepath.Dir(mod), nil
}

// replace writes data to path through a temporary file and a rename.
func replace(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}
