package process

import "golang.org/x/sys/unix"

// ioctlGetTermios is the ioctl that reads a terminal's attributes (isatty's test).
const ioctlGetTermios = unix.TCGETS
