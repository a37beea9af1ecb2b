package worker

import (
	"os"
	"strconv"
	"sync"
)

// The environment a supervisor (node --workers, modules/worker/supervisor) gives each worker
// process; docs/scaling.md documents them for scripts (process.env shows them too).
const (
	// EnvIndex is the worker's index, 0 to EnvCount-1.
	EnvIndex = "EARLYNODE_WORKER"
	// EnvCount is how many workers the supervisor runs.
	EnvCount = "EARLYNODE_WORKERS"
	// EnvBusFD is the descriptor of the worker's end of the message bus to its supervisor.
	EnvBusFD = "EARLYNODE_WORKER_BUS_FD"
	// EnvSupervisor is the supervisor's process id: the variables above describe a process
	// only when its parent is that process (a program a worker starts inherits them, and is
	// no worker).
	EnvSupervisor = "EARLYNODE_SUPERVISOR"
)

// Identity is who this process is among the workers of one supervisor.
type Identity struct {
	// Index is the worker's index (0 when not supervised).
	Index int
	// Count is how many workers there are (1 when not supervised).
	Count int
	// Supervised is true in a worker process started by node --workers.
	Supervised bool
	// BusFD is the descriptor of the bus to the supervisor, or -1.
	BusFD int
}

// Self returns this process's identity, read once from the environment. An environment
// without valid EARLYNODE_WORKER, EARLYNODE_WORKERS and EARLYNODE_SUPERVISOR (the parent's
// pid) means not supervised.
var Self = sync.OnceValue(func() Identity {
	id := Identity{Count: 1, BusFD: -1}
	index, err1 := strconv.Atoi(os.Getenv(EnvIndex))
	count, err2 := strconv.Atoi(os.Getenv(EnvCount))
	parent, err3 := strconv.Atoi(os.Getenv(EnvSupervisor))
	if err1 != nil || err2 != nil || err3 != nil || count < 1 || index < 0 || index >= count || parent != os.Getppid() {
		return id
	}
	id.Index, id.Count, id.Supervised = index, count, true
	if fd, err := strconv.Atoi(os.Getenv(EnvBusFD)); err == nil && fd > 2 {
		id.BusFD = fd
	}
	return id
})
