package natsembed

import (
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"
)

// cacheName is the helper's file name for a version: its hash's first 16 digits.
func cacheName(sum string) string {
	name := "nats-helper-" + sum[:16]
	if goruntime.GOOS == "windows" {
		name += ".exe"
	}
	return name
}

// staleAfter is how long another version's helper must have gone unused before it is removed.
const staleAfter = 24 * time.Hour

// writeCached returns the helper's path in the user's cache directory
// ($XDG_CACHE_HOME/earlynode on Linux), writing it there first unless a file of its name
// and size is already there. It is written to a temporary name and renamed, so a process
// never runs a half-written helper. Each use renews the file's time; helpers of other
// versions unused for a day are removed when a new one is written.
func writeCached(sum, program string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, "earlynode")
	path := filepath.Join(dir, cacheName(sum))
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(program)) && fi.Mode()&0o100 != 0 {
		now := time.Now()
		os.Chtimes(path, now, now) // in use: not stale for other versions
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, cacheName(sum)+".tmp-*")
	if err != nil {
		return "", err
	}
	_, werr := tmp.WriteString(program)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o755)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing %s: %w", path, werr)
	}
	removeOtherVersions(dir, filepath.Base(path))
	return path, nil
}

// removeOtherVersions deletes the helpers of other versions in dir that have not been used
// for staleAfter (best effort: a running helper keeps its program until it exits).
func removeOtherVersions(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == keep || !strings.HasPrefix(name, "nats-helper-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
