//go:build unix && !linux

package os

// systemUptime is 0 where earlynode has no way to ask the system yet (/proc/uptime is Linux's).
func systemUptime() float64 { return 0 }
