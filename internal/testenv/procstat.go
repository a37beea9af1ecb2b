package testenv

import (
	"os"
	"strconv"
)

// Exited reports whether the program has ended.
func (p *Proc) Exited() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done
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
