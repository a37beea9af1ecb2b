package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/spf13/pflag"
)

// profileFlags are the profiling options, named as Node's are. Profiles are pprof files
// (go tool pprof reads them; docs/repl-and-tools.md shows how).
type profileFlags struct {
	cpu, heap          bool
	cpuDir, cpuName    string
	heapDir, heapName  string
	heapInterval       int
	cpuFile, cpuGoFile *os.File // the JavaScript and the Go CPU profiles
	heapFile           *os.File
}

// addProfileFlags declares the profiling options on flags.
func addProfileFlags(flags *pflag.FlagSet) *profileFlags {
	p := &profileFlags{}
	flags.BoolVar(&p.cpu, "cpu-prof", false, "write a CPU profile when the program ends: where the JavaScript spends its time, and beside it (NAME.go.pprof) the Go side")
	flags.StringVar(&p.cpuDir, "cpu-prof-dir", "", "write --cpu-prof profiles into `DIR` (implies --cpu-prof; default: the working directory)")
	flags.StringVar(&p.cpuName, "cpu-prof-name", "", "name the JavaScript CPU profile `NAME` (implies --cpu-prof; default: CPU.DATE.TIME.PID.pprof)")
	flags.BoolVar(&p.heap, "heap-prof", false, "write a Go heap profile when the program ends (what is allocated and live)")
	flags.StringVar(&p.heapDir, "heap-prof-dir", "", "write --heap-prof profiles into `DIR` (implies --heap-prof)")
	flags.StringVar(&p.heapName, "heap-prof-name", "", "name the heap profile `NAME` (implies --heap-prof; default: Heap.DATE.TIME.PID.pprof)")
	flags.IntVar(&p.heapInterval, "heap-prof-interval", 512*1024, "sample one allocation per `BYTES` allocated for --heap-prof")
	return p
}

// start opens the profile files and starts the CPU profilers; stop writes what was asked for.
func (p *profileFlags) start(flags *pflag.FlagSet) error {
	p.cpu = p.cpu || flags.Changed("cpu-prof-dir") || flags.Changed("cpu-prof-name")
	p.heap = p.heap || flags.Changed("heap-prof-dir") || flags.Changed("heap-prof-name")
	stamp := time.Now().Format("20060102.150405") + fmt.Sprintf(".%d.pprof", os.Getpid())
	var err error
	if p.heap {
		if p.heapInterval <= 0 {
			return fmt.Errorf("--heap-prof-interval must be positive, not %d", p.heapInterval)
		}
		goruntime.MemProfileRate = p.heapInterval
		if p.heapFile, err = create(p.heapDir, p.heapName, "Heap."+stamp); err != nil {
			return err
		}
	}
	if !p.cpu {
		return nil
	}
	name := p.cpuName
	if name == "" {
		name = "CPU." + stamp
	}
	if p.cpuFile, err = create(p.cpuDir, name, ""); err != nil {
		return err
	}
	ext := filepath.Ext(name)
	if p.cpuGoFile, err = create(p.cpuDir, strings.TrimSuffix(name, ext)+".go"+ext, ""); err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(p.cpuGoFile); err != nil {
		return fmt.Errorf("cannot start the Go CPU profile: %v", err)
	}
	if err := goja.StartProfile(p.cpuFile); err != nil {
		return fmt.Errorf("cannot start the JavaScript CPU profile: %v", err)
	}
	return nil
}

// stop ends the CPU profiles and writes the heap profile; a failure is reported on stderr.
func (p *profileFlags) stop(stderr io.Writer) {
	var errs []error
	if p.cpuFile != nil {
		goja.StopProfile()
		pprof.StopCPUProfile()
		errs = append(errs, p.cpuFile.Close(), p.cpuGoFile.Close())
	}
	if p.heapFile != nil {
		goruntime.GC() // the heap profile shows the heap as of the last collection
		errs = append(errs, pprof.Lookup("heap").WriteTo(p.heapFile, 0), p.heapFile.Close())
	}
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintf(stderr, "node: writing a profile: %v\n", err)
	}
}

// create makes the file dir/name (name defaulting to def) for a profile.
func create(dir, name, def string) (*os.File, error) {
	if name == "" {
		name = def
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("cannot make the profile directory: %v", err)
		}
		name = filepath.Join(dir, name)
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("cannot write the profile: %v", err)
	}
	return f, nil
}
