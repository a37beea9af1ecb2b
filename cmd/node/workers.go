package main

import (
	"fmt"
	"io"
	"os"
	goruntime "runtime"
	"strconv"

	"earlynode/modules/worker"
	"earlynode/modules/worker/supervisor"
)

// superviseWorkers runs `node --workers N ...` (docs/scaling.md): the supervisor starts N
// workers with the same command line, which run the program. handled is false in a worker
// itself (or without --workers), which then runs the program as usual.
func superviseWorkers(n string, args []string, stdout, stderr io.Writer) (status int, handled bool) {
	if worker.Self().Supervised {
		return 0, false
	}
	count, err := workerCount(n)
	if err != nil {
		fmt.Fprintf(stderr, "node: --workers %s: %v\n", n, err)
		return 9, true
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "node: --workers: cannot find the node binary to start: %v\n", err)
		return 1, true
	}
	return supervisor.Run(supervisor.Options{Workers: count, Path: exe, Args: args, Stdout: stdout, Stderr: stderr}), true
}

// workerCount reads --workers: a positive number, or 0 or "auto" for one per core.
func workerCount(n string) (int, error) {
	if n == "auto" || n == "0" {
		return goruntime.NumCPU(), nil
	}
	count, err := strconv.Atoi(n)
	if err != nil || count < 0 {
		return 0, fmt.Errorf("not a number of workers (a positive number, 0 or auto)")
	}
	if count > 1024 {
		return 0, fmt.Errorf("%d workers is more than the limit of 1024", count)
	}
	return count, nil
}
