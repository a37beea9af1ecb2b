package testenv

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// Pid returns the process id of the running program.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Exited reports whether the program has ended.
func (p *Proc) Exited() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done
}

// RSS returns the program's resident set size in bytes (VmRSS of /proc/PID/status), or -1
// when it cannot be read (the program has ended).
func (p *Proc) RSS() int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(p.Pid()) + "/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}

// FDs returns how many descriptors the program holds open (the entries of /proc/PID/fd), or
// -1 when they cannot be read.
func (p *Proc) FDs() int {
	ents, err := os.ReadDir("/proc/" + strconv.Itoa(p.Pid()) + "/fd")
	if err != nil {
		return -1
	}
	return len(ents)
}
