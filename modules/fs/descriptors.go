//go:build unix

package fs

import (
	"io"
	"os"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// descriptors is the set of file descriptors JavaScript may use: the standard three and those
// node.fs.open or File.open returned and that have not been closed since. A descriptor the
// program did not get from us (the Go runtime's own epoll, pipes and sockets) reads as EBADF,
// so a stray number can never close or corrupt the runtime's files.
type descriptors struct {
	mu   sync.Mutex
	open map[int]string // descriptor -> path it was opened with
}

func newDescriptors() *descriptors {
	return &descriptors{open: map[int]string{}}
}

// valid reports whether JavaScript may use fd.
func (d *descriptors) valid(fd int) bool {
	if fd >= 0 && fd <= 2 {
		return true
	}
	d.mu.Lock()
	_, ok := d.open[fd]
	d.mu.Unlock()
	return ok
}

// openFile opens path and records the descriptor.
func (d *descriptors) openFile(path string, flags, perm int) (int, error) {
	for {
		fd, err := syscall.Open(path, flags|syscall.O_CLOEXEC, uint32(perm))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, err
		}
		d.mu.Lock()
		d.open[fd] = path
		d.mu.Unlock()
		return fd, nil
	}
}

// closeFile closes a descriptor the program opened. The standard three are left open for the
// runtime's own output; closing them only forgets them on the JavaScript side.
func (d *descriptors) closeFile(fd int) error {
	if fd >= 0 && fd <= 2 {
		return nil
	}
	d.mu.Lock()
	_, ok := d.open[fd]
	delete(d.open, fd)
	d.mu.Unlock()
	if !ok {
		return syscall.EBADF
	}
	err := syscall.Close(fd)
	if err == syscall.EINTR { // the descriptor is gone on Linux even then
		err = nil
	}
	return err
}

// read reads up to len(buf) bytes at pos, or at the current offset when pos < 0. Reading the
// standard input at its current offset goes through os.Stdin, which copes with a non-blocking
// descriptor inherited from the parent.
func (d *descriptors) read(fd int, buf []byte, pos int64) (int, error) {
	if !d.valid(fd) {
		return 0, syscall.EBADF
	}
	if fd == 0 && pos < 0 {
		n, err := os.Stdin.Read(buf)
		if err == io.EOF {
			err = nil
		}
		return n, unwrapOS(err)
	}
	for {
		var n int
		var err error
		if pos < 0 {
			n, err = syscall.Read(fd, buf)
		} else {
			n, err = syscall.Pread(fd, buf, pos)
		}
		if err == syscall.EINTR {
			continue
		}
		if n < 0 {
			n = 0
		}
		return n, err
	}
}

// write writes all of data at pos, or at the current offset when pos < 0, and returns how many
// bytes were written before any error.
func (d *descriptors) write(fd int, data []byte, pos int64) (int, error) {
	if !d.valid(fd) {
		return 0, syscall.EBADF
	}
	done := 0
	for done < len(data) || len(data) == 0 {
		var n int
		var err error
		if pos < 0 {
			n, err = syscall.Write(fd, data[done:])
		} else {
			n, err = syscall.Pwrite(fd, data[done:], pos+int64(done))
		}
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			// A non-blocking descriptor inherited from the parent (a pipe or a terminal):
			// wait until it can take more.
			waitWritable(fd)
			continue
		}
		if n > 0 {
			done += n
		}
		if err != nil {
			return done, err
		}
		if len(data) == 0 || n == 0 {
			break
		}
	}
	return done, nil
}

// waitWritable blocks until fd can be written (or poll fails, and the next write reports why).
func waitWritable(fd int) {
	set := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
	for {
		if _, err := unix.Poll(set, -1); err != unix.EINTR {
			return
		}
	}
}

func unwrapOS(err error) error {
	if err == nil {
		return nil
	}
	return errnoOf(err)
}
