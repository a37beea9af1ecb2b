//go:build unix

// Package os is Node 20's require("os") (also "node:os"): facts about the machine and the
// user, read from uname(2), /proc, /sys, /etc/passwd and the network interfaces. See
// docs/modern-fs-os-crypto.md.
package os

import (
	_ "embed"
	"net"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

//go:embed os.js
var osJS string

// Install registers "os" and "node:os".
func Install(rt *runtime.Runtime) {
	var exports goja.Value
	load := func(rt *runtime.Runtime) goja.Value {
		if exports == nil {
			exports = loadOS(rt)
		}
		return exports
	}
	rt.RegisterPackage("os", load)
	rt.RegisterPackage("node:os", load)
}

// module is require("os") in one runtime.
type module struct {
	rt *runtime.Runtime
	vm *goja.Runtime
}

func loadOS(rt *runtime.Runtime) goja.Value {
	m := &module{rt: rt, vm: rt.VM}
	fn := func(f func() any) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value { return m.vm.ToValue(f()) }
	}
	uts := uname()
	g := rt.LoadGlue("core/os/os.js", osJS, runtime.Natives{
		"hostname":          fn(func() any { return hostname() }),
		"homedir":           fn(func() any { return homedir() }),
		"tmpdir":            fn(func() any { return tmpdir() }),
		"totalmem":          fn(func() any { return float64(meminfo("MemTotal")) }),
		"freemem":           fn(func() any { return float64(freemem()) }),
		"uptime":            fn(func() any { return uptime() }),
		"loadavg":           m.loadavg,
		"cpus":              m.cpus,
		"networkInterfaces": m.networkInterfaces,
		"userInfo":          m.userInfo,
		"getPriority":       m.getPriority,
		"setPriority":       m.setPriority,
		"parallelism":       fn(func() any { return goruntime.NumCPU() }),
		"type":              m.vm.ToValue(uts.sysname),
		"release":           m.vm.ToValue(uts.release),
		"version":           m.vm.ToValue(uts.version),
		"machine":           m.vm.ToValue(uts.machine),
		"arch":              m.vm.ToValue(Arch()),
		"constants":         m.constants(),
	})
	return g.Exports
}

// Arch is process.arch / os.arch() for the machine earlynode was built for ("x64", "arm64").
func Arch() string {
	switch goruntime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm64", "arm", "mips", "mipsel", "ppc64", "riscv64", "s390x", "loong64":
		return goruntime.GOARCH
	case "mips64le":
		return "mips64el"
	case "ppc64le":
		return "ppc64"
	}
	return goruntime.GOARCH
}

type utsname struct{ sysname, release, version, machine string }

func uname() utsname {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return utsname{sysname: "Linux"}
	}
	return utsname{unix.ByteSliceToString(u.Sysname[:]), unix.ByteSliceToString(u.Release[:]),
		unix.ByteSliceToString(u.Version[:]), unix.ByteSliceToString(u.Machine[:])}
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "localhost"
	}
	return h
}

// homedir is $HOME, else the user's home directory in the password file.
func homedir() string {
	if h := os.Getenv("HOME"); h != "" {
		return h
	}
	if p, ok := passwdEntry(os.Getuid()); ok {
		return p.home
	}
	return ""
}

// tmpdir is $TMPDIR, $TMP or $TEMP (the first set), else /tmp, without a trailing slash.
func tmpdir() string {
	for _, name := range []string{"TMPDIR", "TMP", "TEMP"} {
		if d := os.Getenv(name); d != "" {
			if len(d) > 1 && strings.HasSuffix(d, "/") {
				d = d[:len(d)-1]
			}
			return d
		}
	}
	return "/tmp"
}

// meminfo reads one field of /proc/meminfo, in bytes (0 when it cannot).
func meminfo(field string) int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	return parseMeminfo(b, field)
}

// parseMeminfo finds field ("MemTotal") in the text of /proc/meminfo and returns its value in
// bytes (the file counts kB), or 0.
func parseMeminfo(b []byte, field string) int64 {
	for _, line := range strings.Split(string(b), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || name != field {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || n < 0 || n > 1<<52 {
			return 0
		}
		return n * 1024
	}
	return 0
}

// freemem is the memory available to new programs (MemAvailable, as libuv reads it).
func freemem() int64 {
	if n := meminfo("MemAvailable"); n > 0 {
		return n
	}
	return meminfo("MemFree")
}

func uptime() float64 {
	b, err := os.ReadFile("/proc/uptime")
	if err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			if x, err := strconv.ParseFloat(f[0], 64); err == nil {
				return x
			}
		}
	}
	return systemUptime()
}

func (m *module) loadavg(goja.FunctionCall) goja.Value {
	avg := []any{0.0, 0.0, 0.0}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(b))
		for i := 0; i < 3 && i < len(f); i++ {
			avg[i], _ = strconv.ParseFloat(f[i], 64)
		}
	}
	return m.vm.NewArray(avg...)
}

// cpuTimes is one processor's line of /proc/stat, in milliseconds.
type cpuTimes struct {
	n                          int // the processor's number
	user, nice, sys, idle, irq float64
}

// parseCPUTimes reads the per-processor lines ("cpu0 ...") of /proc/stat's text.
func parseCPUTimes(b []byte) []cpuTimes {
	const tick = 10 // ms per clock tick (USER_HZ 100)
	var out []cpuTimes
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
			continue
		}
		n, err := strconv.Atoi(f[0][3:])
		if err != nil || n < 0 {
			continue
		}
		t := func(i int) float64 {
			x, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return 0
			}
			return x * tick
		}
		out = append(out, cpuTimes{n: n, user: t(1), nice: t(2), sys: t(3), idle: t(4), irq: t(6)})
	}
	return out
}

// parseCPUModels reads the "model name" of each processor from /proc/cpuinfo's text.
func parseCPUModels(b []byte) []string {
	var models []string
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			models = append(models, strings.TrimSpace(v))
		}
	}
	return models
}

// cpus is os.cpus(): per processor its model, speed (MHz, from cpufreq, else 0) and times
// (milliseconds, from /proc/stat).
func (m *module) cpus(goja.FunctionCall) goja.Value {
	info, _ := os.ReadFile("/proc/cpuinfo")
	models := parseCPUModels(info)
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return m.vm.NewArray()
	}
	var out []any
	for _, c := range parseCPUTimes(b) {
		model := "unknown"
		if c.n < len(models) {
			model = models[c.n]
		} else if len(models) > 0 {
			model = models[0]
		}
		speed := 0
		if s, err := os.ReadFile("/sys/devices/system/cpu/cpu" + strconv.Itoa(c.n) + "/cpufreq/scaling_cur_freq"); err == nil {
			if khz, err := strconv.Atoi(strings.TrimSpace(string(s))); err == nil {
				speed = khz / 1000
			}
		}
		times := m.vm.NewObject()
		times.Set("user", c.user)
		times.Set("nice", c.nice)
		times.Set("sys", c.sys)
		times.Set("idle", c.idle)
		times.Set("irq", c.irq)
		cpu := m.vm.NewObject()
		cpu.Set("model", model)
		cpu.Set("speed", speed)
		cpu.Set("times", times)
		out = append(out, cpu)
	}
	return m.vm.NewArray(out...)
}

// networkInterfaces is os.networkInterfaces(): the addresses of the interfaces that are up.
func (m *module) networkInterfaces(goja.FunctionCall) goja.Value {
	res := m.vm.NewObject()
	ifs, err := net.Interfaces()
	if err != nil {
		return res
	}
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagRunning == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		mac := ifc.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		var v4, v6 []any
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ones, _ := ipn.Mask.Size()
			o := m.vm.NewObject()
			o.Set("address", ipn.IP.String())
			o.Set("netmask", net.IP(ipn.Mask).String())
			if ip4 := ipn.IP.To4(); ip4 != nil {
				o.Set("netmask", net.IP(ipn.Mask).To4().String())
				o.Set("family", "IPv4")
			} else {
				o.Set("family", "IPv6")
			}
			o.Set("mac", mac)
			o.Set("internal", ifc.Flags&net.FlagLoopback != 0)
			o.Set("cidr", ipn.IP.String()+"/"+strconv.Itoa(ones))
			if ipn.IP.To4() == nil {
				scope := 0
				if ipn.IP.IsLinkLocalUnicast() {
					scope = ifc.Index
				}
				o.Set("scopeid", scope)
				v6 = append(v6, o)
			} else {
				v4 = append(v4, o)
			}
		}
		if len(v4)+len(v6) > 0 {
			res.Set(ifc.Name, m.vm.NewArray(append(v4, v6...)...))
		}
	}
	return res
}

type passwd struct {
	name, home, shell string
	uid, gid          int
}

// passwdEntry finds uid in /etc/passwd.
func passwdEntry(uid int) (passwd, bool) {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return passwd{}, false
	}
	return parsePasswd(b, uid)
}

// parsePasswd finds uid in the text of a password file (name:x:uid:gid:gecos:home:shell).
func parsePasswd(b []byte, uid int) (passwd, bool) {
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ":")
		if len(f) < 7 {
			continue
		}
		if id, err := strconv.Atoi(f[2]); err == nil && id == uid {
			gid, _ := strconv.Atoi(f[3])
			return passwd{name: f[0], uid: id, gid: gid, home: f[5], shell: f[6]}, true
		}
	}
	return passwd{}, false
}

// userInfo is os.userInfo(): the effective user's entry in the password file.
func (m *module) userInfo(c goja.FunctionCall) goja.Value {
	uid := os.Geteuid()
	p, ok := passwdEntry(uid)
	if !ok {
		e := m.rt.NewError("A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)")
		e.Set("code", "ERR_SYSTEM_ERROR")
		panic(e)
	}
	enc := ""
	if o, ok := c.Argument(0).(*goja.Object); ok {
		if e := o.Get("encoding"); e != nil && !goja.IsUndefined(e) {
			enc = e.String()
		}
	}
	str := func(s string) goja.Value {
		if enc == "buffer" {
			return m.rt.NewBuffer([]byte(s))
		}
		return m.vm.ToValue(s)
	}
	o := m.vm.NewObject()
	o.SetPrototype(nil)
	o.Set("uid", uid)
	o.Set("gid", os.Getegid())
	o.Set("username", str(p.name))
	o.Set("homedir", str(p.home))
	o.Set("shell", str(p.shell))
	return o
}

// getPriority is os.getPriority(pid): the process's nice value.
func (m *module) getPriority(c goja.FunctionCall) goja.Value {
	pid := int(c.Argument(0).ToInteger())
	p, err := unix.Getpriority(unix.PRIO_PROCESS, pid)
	if err != nil {
		panic(m.rt.NewError("A system error occurred: uv_os_getpriority returned " + unix.ErrnoName(err.(unix.Errno))))
	}
	return m.vm.ToValue(20 - p)
}

// setPriority is os.setPriority([pid,] priority).
func (m *module) setPriority(c goja.FunctionCall) goja.Value {
	pid, prio := 0, c.Argument(0)
	if len(c.Arguments) > 1 {
		pid, prio = int(c.Argument(0).ToInteger()), c.Argument(1)
	}
	if err := unix.Setpriority(unix.PRIO_PROCESS, pid, int(prio.ToInteger())); err != nil {
		panic(m.rt.NewError("A system error occurred: uv_os_setpriority returned " + unix.ErrnoName(err.(unix.Errno))))
	}
	return goja.Undefined()
}

// constants is os.constants: signals, errno and priority numbers.
func (m *module) constants() goja.Value {
	o := m.vm.NewObject()
	sig := m.vm.NewObject()
	for n := 1; n < 32; n++ {
		if name := unix.SignalName(unix.Signal(n)); name != "" {
			sig.Set(name, n)
		}
	}
	sig.Set("SIGIOT", 6)
	sig.Set("SIGPOLL", 29)
	errno := m.vm.NewObject()
	for n := 1; n < 134; n++ {
		if name := unix.ErrnoName(unix.Errno(n)); name != "" {
			errno.Set(name, n)
		}
	}
	prio := m.vm.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"PRIORITY_LOW", 19}, {"PRIORITY_BELOW_NORMAL", 10}, {"PRIORITY_NORMAL", 0},
		{"PRIORITY_ABOVE_NORMAL", -7}, {"PRIORITY_HIGH", -14}, {"PRIORITY_HIGHEST", -20}} {
		prio.Set(kv.k, kv.v)
	}
	dl := m.vm.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 256}, {"RTLD_LOCAL", 0}, {"RTLD_DEEPBIND", 8}} {
		dl.Set(kv.k, kv.v)
	}
	o.Set("UV_UDP_REUSEADDR", 4)
	o.Set("dlopen", dl)
	o.Set("errno", errno)
	o.Set("signals", sig)
	o.Set("priority", prio)
	return o
}
