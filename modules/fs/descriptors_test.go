//go:build unix

package fs

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestDescriptorsRefuseForeignDescriptors(t *testing.T) {
	d := newDescriptors()
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	foreign := int(f.Fd()) // open, but not opened through d
	buf := make([]byte, 4)
	if _, err := d.read(foreign, buf, 0); err != syscall.EBADF {
		t.Errorf("read of a foreign descriptor: %v, want EBADF", err)
	}
	if _, err := d.write(foreign, []byte("x"), -1); err != syscall.EBADF {
		t.Errorf("write to a foreign descriptor: %v, want EBADF", err)
	}
	if err := d.closeFile(foreign); err != syscall.EBADF {
		t.Errorf("close of a foreign descriptor: %v, want EBADF", err)
	}
	if _, err := f.Write([]byte("still open")); err != nil {
		t.Errorf("the foreign descriptor was disturbed: %v", err)
	}
}

func TestDescriptorsReadWrite(t *testing.T) {
	d := newDescriptors()
	path := filepath.Join(t.TempDir(), "f")
	fd, err := d.openFile(path, syscall.O_RDWR|syscall.O_CREAT, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() (string, error)
		want string
	}{
		{"write at offset", func() (string, error) { _, err := d.write(fd, []byte("hello world"), -1); return "", err }, ""},
		{"pwrite at 0", func() (string, error) { _, err := d.write(fd, []byte("J"), 0); return "", err }, ""},
		{"pread at 0", func() (string, error) { return readString(d, fd, 64, 0) }, "Jello world"},
		{"read at the end", func() (string, error) { return readString(d, fd, 64, -1) }, ""},
		{"pread past the end", func() (string, error) { return readString(d, fd, 64, 1000) }, ""},
	}
	for _, s := range steps {
		got, err := s.do()
		if err != nil || got != s.want {
			t.Errorf("%s: %q, %v; want %q", s.name, got, err, s.want)
		}
	}
	if err := d.closeFile(fd); err != nil {
		t.Fatal(err)
	}
	if err := d.closeFile(fd); err != syscall.EBADF {
		t.Errorf("second close: %v, want EBADF", err)
	}
	if _, err := d.openFile(filepath.Join(path, "under-a-file"), syscall.O_RDONLY, 0); err != syscall.ENOTDIR {
		t.Errorf("open under a file: %v, want ENOTDIR", err)
	}
}

func readString(d *descriptors, fd, n int, pos int64) (string, error) {
	buf := make([]byte, n)
	got, err := d.read(fd, buf, pos)
	return string(buf[:got]), err
}
