package http

import (
	"errors"

	"earlynode/loop/netpoll"
)

// A server connection stops reading requests while its answers wait to be written, as Node's
// server pauses a socket that needs to drain: a client that pipelines requests without reading
// the answers then waits, instead of the server queuing answers for it without bound. The
// parser stops between two requests; the rest of the read is held and parsed once the answers
// are out (docs/architecture.md, "Write limit").

// writeHighWater is how many bytes of answers may wait to be written before the connection
// stops taking further requests; it takes them again once no more than writeLowWater wait.
const (
	writeHighWater = 64 << 10
	writeLowWater  = 16 << 10
)

// answersWaiting returns the bytes of answers queued but not yet handed to the stream.
func (sc *serverConn) answersWaiting() int {
	n := 0
	for _, r := range sc.queue {
		n += len(r.out)
	}
	return n
}

// backedUp reports whether the connection should read no further request: too many requests
// wait for their answers, or too many answer bytes wait for the client.
func (sc *serverConn) backedUp() bool {
	return len(sc.queue) > maxQueued || sc.stream.Pending() > writeHighWater
}

// betweenRequests runs after each whole request of a read: answers that have piled up are
// written, and if the client is not taking them, the rest of the read (data) is held and
// reading paused. It reports whether parsing must stop.
func (sc *serverConn) betweenRequests(data []byte) bool {
	if sc.answersWaiting() > writeHighWater {
		sc.flush()
	}
	if sc.dead || !sc.backedUp() {
		return false
	}
	sc.held = append(sc.held[:0], data...)
	sc.pauseReading()
	return true
}

// pauseReading stops reading until resumeReading.
func (sc *serverConn) pauseReading() {
	if !sc.paused {
		sc.paused = true
		sc.stream.Pause()
	}
}

// resumeReading takes requests again once the answers are out: the held rest of a read is
// parsed on a turn of its own, then reading resumes (unless that parse backed up again).
func (sc *serverConn) resumeReading() {
	if !sc.paused || sc.resuming || sc.dead || sc.closing || sc.lingering ||
		len(sc.queue) > resumeQueued || sc.stream.Pending() > writeLowWater {
		return
	}
	sc.resuming = true
	sc.m.rt.Post(func() error {
		sc.resuming = false
		if sc.dead || sc.closing || sc.lingering {
			return nil
		}
		sc.paused = false
		if held := sc.held; len(held) > 0 {
			sc.held = nil
			if err := sc.Data(held); err != nil {
				return err
			}
		}
		if !sc.paused && !sc.dead {
			sc.stream.Resume()
		}
		return nil
	})
}

// Drained is the stream's word that everything written is with the kernel (netpoll.Drainer).
func (sc *serverConn) Drained() error {
	if !sc.dead {
		sc.resumeReading()
	}
	return nil
}

// reportWriteLimit emits `error` on the connection object when the stream was closed because
// the client did not read what was written (one answer larger than the write limit: sendBody
// has no backpressure); `disconnect(true)` follows.
func (sc *serverConn) reportWriteLimit(err error) error {
	var le *netpoll.WriteLimitError
	if !errors.As(err, &le) {
		return nil
	}
	return sc.emitError(sc.obj, le.Error())
}
