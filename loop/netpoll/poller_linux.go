//go:build !portable

package netpoll

import (
	"runtime"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// poller is the loop's epoll instance (level-triggered, as libuv's): the loop sleeps in it,
// and the sockets of node.tcp and node.http are read and written on the loop goroutine when it
// says they are ready. No goroutine waits per connection, so an idle connection costs only its
// objects, and data reaches JavaScript without crossing threads. Linux only.
type poller struct {
	l      *loop.Loop
	epfd   int
	evfd   int // eventfd that Wake writes
	tfd    int // timerfd that ends a wait at the loop's next timer (see wait)
	fds    []*pollFD
	count  int // registered descriptors
	events []unix.EpollEvent
	buf    []byte       // where every read lands; its bytes are used before the next read
	spare  []*readyList // ready lists to reuse (see Poll)

	yielded time.Time // when the loop goroutine last passed through Go's scheduler (see yield)
	armed   time.Time // when tfd fires; zero when it is not set

	tlsBuf      []byte // where TLS connections decrypt to (see TLSConn.drain)
	tlsDraining bool   // tlsBuf is in use
}

// pollFD is one registered descriptor and what to do when it is ready.
type pollFD struct {
	fd      int // -1 once closed
	want    uint32
	got     uint32 // events seen since the last dispatch
	posted  bool   // a dispatch is queued
	onRead  func() error
	onWrite func() error
}

// pollerOf returns the poller of the loop, installing one on first use (on the loop goroutine).
func pollerOf(l *loop.Loop) (*poller, error) {
	if p, ok := l.Poller().(*poller); ok {
		return p, nil
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	evfd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	tfd, err := unix.TimerfdCreate(unix.CLOCK_MONOTONIC, unix.TFD_NONBLOCK|unix.TFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil, err
	}
	for _, fd := range []int{evfd, tfd} {
		ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(fd)}
		if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, fd, &ev); err != nil {
			unix.Close(epfd)
			unix.Close(evfd)
			unix.Close(tfd)
			return nil, err
		}
	}
	p := &poller{l: l, epfd: epfd, evfd: evfd, tfd: tfd, events: make([]unix.EpollEvent, 256), buf: make([]byte, ReadBufferSize)}
	l.SetPoller(p)
	return p, nil
}

// readyList is what one Poll found ready, dispatched by one callback on the loop. Lists and
// their callbacks are made once and reused: a readiness event allocates nothing.
type readyList struct {
	p   *poller
	fds []*pollFD
	run loop.Callback // dispatches fds, then gives the list back
}

// Poll implements loop.Poller: it waits for readiness and posts one callback that dispatches
// everything ready, in the order epoll gave it.
func (p *poller) Poll(timeout time.Duration) {
	p.yield()
	if timeout == 0 && p.count == 0 {
		return
	}
	n := p.wait(timeout)
	if n <= 0 {
		return
	}
	var rl *readyList
	for i := 0; i < n; i++ {
		ev := &p.events[i]
		fd := int(ev.Fd)
		if fd == p.evfd || fd == p.tfd {
			var b [8]byte
			unix.Read(fd, b[:])
			if fd == p.tfd {
				p.armed = time.Time{}
			}
			continue
		}
		if fd >= len(p.fds) || p.fds[fd] == nil {
			continue
		}
		pf := p.fds[fd]
		pf.got |= ev.Events
		if !pf.posted {
			pf.posted = true
			if rl == nil {
				rl = p.readyList()
			}
			rl.fds = append(rl.fds, pf)
		}
	}
	if rl != nil {
		p.l.Dispatch(rl.run)
	}
}

// readyList returns an empty list, reused or new. Usually one is in use at a time; a Poll of a
// busy turn may find more before the last one's dispatch has run.
func (p *poller) readyList() *readyList {
	if k := len(p.spare); k > 0 {
		rl := p.spare[k-1]
		p.spare = p.spare[:k-1]
		return rl
	}
	rl := &readyList{p: p}
	rl.run = func() error {
		err := p.dispatch(rl.fds)
		clear(rl.fds)
		rl.fds = rl.fds[:0]
		p.spare = append(p.spare, rl)
		return err
	}
	return rl
}

// yieldEvery is how often the loop goroutine passes through Go's scheduler (see yield).
const yieldEvery = 5 * time.Millisecond

// yield lets the loop goroutine pass through Go's scheduler every few milliseconds of the
// loop's clock. A goroutine that never does (it only blocks in epoll_wait, a system call) looks
// to Go's sysmon like one that has run for ever: every 10 ms sysmon took the processor away
// from the loop's epoll_wait (so the loop then continued on another thread, woken by futex),
// and sysmon, waking again and again to check, slept 20 µs at a time instead of backing off to
// 10 ms (thousands of wake-ups a second on a shared core).
func (p *poller) yield() {
	now := p.l.Now()
	if now.Sub(p.yielded) < yieldEvery {
		return
	}
	p.yielded = now
	runtime.Gosched()
}

// wait returns the number of ready events, waiting at most timeout (negative: no limit). The
// loop's thread blocks in epoll_wait, as a libuv loop's does: its sockets are not in Go's own
// poller, so writing to one of them wakes no other thread. (Waiting through Go's poller
// instead, with this epoll registered there, measured slower: every socket event then also
// woke the runtime's polling thread.)
//
// A wait with a limit does not give it to epoll_wait, which would arm and cancel a kernel
// timer on every wait: the loop's next timer is set on a timerfd, once for as long as it
// stays the next one (a connection's idle timeout, for example), and the wait is unlimited.
// In 32-byte ping-pong through node.tcp, whose connections have a 60 s idle timer, the
// server spent about 5% less CPU per round trip.
func (p *poller) wait(timeout time.Duration) int {
	ms := -1
	if timeout == 0 {
		ms = 0
	} else if timeout > 0 && !p.armTimer(timeout) {
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	n, err := unix.EpollWait(p.epfd, p.events, ms)
	if err != nil {
		return 0
	}
	return n
}

// timerSlack is how far the timerfd may be from the loop's next timer and still serve: epoll's
// own timeouts are in milliseconds too. Firing early costs a turn that finds nothing due.
const timerSlack = time.Millisecond

// armTimer makes the timerfd fire timeout from now, unless it is already set within
// timerSlack of that. It reports false if the timerfd could not be set (the wait then gives
// epoll_wait the limit).
func (p *poller) armTimer(timeout time.Duration) bool {
	at := time.Now().Add(timeout)
	if !p.armed.IsZero() {
		if d := p.armed.Sub(at); d < timerSlack && d > -timerSlack {
			return true
		}
	}
	spec := unix.ItimerSpec{Value: unix.NsecToTimespec(int64(timeout))}
	if err := unix.TimerfdSettime(p.tfd, 0, &spec, nil); err != nil {
		p.armed = time.Time{}
		return false
	}
	p.armed = at
	return true
}

// dispatch runs the handlers of the descriptors found ready.
func (p *poller) dispatch(ready []*pollFD) error {
	for i, pf := range ready {
		ev := pf.got
		pf.got, pf.posted = 0, false
		if pf.fd < 0 {
			continue
		}
		if ev&(unix.EPOLLOUT|unix.EPOLLERR|unix.EPOLLHUP) != 0 && pf.want&unix.EPOLLOUT != 0 && pf.onWrite != nil {
			if err := pf.onWrite(); err != nil {
				p.forget(ready[i+1:])
				return err
			}
		}
		// Errors and hang-ups are reported whatever was asked for: the read handler must see
		// them even while reading is off, or epoll would report them again and again.
		readable := ev&(unix.EPOLLIN|unix.EPOLLRDHUP) != 0 && pf.want&unix.EPOLLIN != 0
		if pf.fd >= 0 && (readable || ev&(unix.EPOLLERR|unix.EPOLLHUP) != 0) && pf.onRead != nil {
			if err := pf.onRead(); err != nil {
				p.forget(ready[i+1:])
				return err
			}
		}
	}
	return nil
}

// forget clears the dispatch marks of descriptors a stopped dispatch did not reach.
func (p *poller) forget(rest []*pollFD) {
	for _, pf := range rest {
		pf.got, pf.posted = 0, false
	}
}

// Wake implements loop.Poller.
func (p *poller) Wake() {
	one := uint64(1)
	unix.Write(p.evfd, (*[8]byte)(unsafe.Pointer(&one))[:])
}

// add registers fd for the events in want.
func (p *poller) add(fd int, want uint32, onRead, onWrite func() error) (*pollFD, error) {
	pf := &pollFD{fd: fd, want: want, onRead: onRead, onWrite: onWrite}
	ev := unix.EpollEvent{Events: want, Fd: int32(fd)}
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fd, &ev); err != nil {
		return nil, err
	}
	for fd >= len(p.fds) {
		p.fds = append(p.fds, make([]*pollFD, len(p.fds)+64)...)
	}
	p.fds[fd] = pf
	p.count++
	return pf, nil
}

// set changes the events a registered descriptor waits for.
func (p *poller) set(pf *pollFD, want uint32) {
	if pf.fd < 0 || pf.want == want {
		return
	}
	pf.want = want
	ev := unix.EpollEvent{Events: want, Fd: int32(pf.fd)}
	unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, pf.fd, &ev)
}

// remove unregisters a descriptor (it is not closed).
func (p *poller) remove(pf *pollFD) {
	if pf.fd < 0 {
		return
	}
	unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, pf.fd, nil)
	if p.fds[pf.fd] == pf {
		p.fds[pf.fd] = nil
	}
	pf.fd = -1
	p.count--
}
