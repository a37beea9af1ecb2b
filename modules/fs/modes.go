//go:build unix

package fs

import (
	"fmt"
	"strings"
	"syscall"
)

// OpenFlag is one of the O_* constants node.fs.open accepts (node.O_RDONLY, ...).
type OpenFlag struct {
	// Name is the constant's name, as it appears on the node object.
	Name string
	// Value is the flag's value on this system.
	Value int
}

// OpenFlags lists the O_* constants set on the node object, in the order messages print them.
var OpenFlags = []OpenFlag{
	{"O_RDONLY", syscall.O_RDONLY},
	{"O_WRONLY", syscall.O_WRONLY},
	{"O_RDWR", syscall.O_RDWR},
	{"O_CREAT", syscall.O_CREAT},
	{"O_EXCL", syscall.O_EXCL},
	{"O_NOCTTY", syscall.O_NOCTTY},
	{"O_TRUNC", syscall.O_TRUNC},
	{"O_APPEND", syscall.O_APPEND},
	{"O_DIRECTORY", syscall.O_DIRECTORY},
	{"O_NOFOLLOW", syscall.O_NOFOLLOW},
	{"O_SYNC", syscall.O_SYNC},
	{"O_NONBLOCK", syscall.O_NONBLOCK},
}

// ParseMode reads a node.fs.File mode string with its usual meanings (docs/semantics-0.1.0.md: the
// man page swaps "r" and "r+"; 0.1.0's code did not): "r" read only, "r+" read and write, "w"
// write only and "w+" read and write (both create or truncate), "a" append only and "a+" read
// and append (both create).
func ParseMode(mode string) (int, error) {
	switch mode {
	case "r":
		return syscall.O_RDONLY, nil
	case "r+":
		return syscall.O_RDWR, nil
	case "w":
		return syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC, nil
	case "w+":
		return syscall.O_RDWR | syscall.O_CREAT | syscall.O_TRUNC, nil
	case "a":
		return syscall.O_WRONLY | syscall.O_APPEND | syscall.O_CREAT, nil
	case "a+":
		return syscall.O_RDWR | syscall.O_APPEND | syscall.O_CREAT, nil
	}
	return 0, fmt.Errorf("invalid mode %s (use 'r', 'r+', 'w', 'w+', 'a' or 'a+')", quote(mode))
}

// FlagsString renders open flags as the messages show them: "O_WRONLY|O_CREAT|O_TRUNC", with
// any bits it has no name for in hexadecimal.
func FlagsString(flags int) string {
	var parts []string
	switch flags & syscall.O_ACCMODE {
	case syscall.O_RDONLY:
		parts = append(parts, "O_RDONLY")
	case syscall.O_WRONLY:
		parts = append(parts, "O_WRONLY")
	case syscall.O_RDWR:
		parts = append(parts, "O_RDWR")
	default:
		parts = append(parts, fmt.Sprintf("%#x", flags&syscall.O_ACCMODE))
	}
	rest := flags &^ syscall.O_ACCMODE
	for _, f := range OpenFlags[3:] {
		if f.Value != 0 && rest&f.Value == f.Value {
			parts = append(parts, f.Name)
			rest &^= f.Value
		}
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", rest))
	}
	return strings.Join(parts, "|")
}
