package os

import "golang.org/x/sys/unix"

// systemUptime is the seconds since boot from sysinfo(2), 0 if it fails.
func systemUptime() float64 {
	var si unix.Sysinfo_t
	if unix.Sysinfo(&si) == nil {
		return float64(si.Uptime)
	}
	return 0
}
