package natsembed

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// anonymousFD is the lowest descriptor number the anonymous helper may have: above the few
// that exec.Cmd.ExtraFiles renumbers in a child (from 3 up) before it runs the program, so
// the child still finds the helper at its path when it executes it.
const anonymousFD = 100

// writeAnonymous puts the helper in an anonymous memory file (memfd) and returns its
// /proc/self/fd path, which every child this process starts can execute. It is the fallback
// for a machine without a writable cache directory.
func writeAnonymous(sum, program string) (string, error) {
	fd, err := unix.MemfdCreate(cacheName(sum), unix.MFD_CLOEXEC)
	if err != nil {
		return "", fmt.Errorf("memfd_create: %w", err)
	}
	f := os.NewFile(uintptr(fd), "nats-helper")
	defer f.Close()
	if _, err := f.WriteString(program); err != nil {
		return "", fmt.Errorf("writing the memory file: %w", err)
	}
	// A file open for writing cannot be executed (ETXTBSY): keep only a read-only descriptor.
	ro, err := unix.Open(fmt.Sprintf("/proc/self/fd/%d", fd), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return "", fmt.Errorf("reopening the memory file: %w", err)
	}
	high, err := unix.FcntlInt(uintptr(ro), unix.F_DUPFD_CLOEXEC, anonymousFD)
	unix.Close(ro)
	if err != nil {
		return "", fmt.Errorf("moving the memory file's descriptor: %w", err)
	}
	return fmt.Sprintf("/proc/self/fd/%d", high), nil
}
