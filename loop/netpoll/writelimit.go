package netpoll

import (
	"fmt"
	"sync/atomic"
)

// DefaultWriteLimit is the most a connection queues for its peer unless told otherwise
// (SetDefaultWriteLimit, SetWriteLimit): 64 MiB.
const DefaultWriteLimit = 64 << 20

// defaultWriteLimit is the limit new streams take (see SetDefaultWriteLimit).
var defaultWriteLimit atomic.Int64

func init() { defaultWriteLimit.Store(DefaultWriteLimit) }

// SetDefaultWriteLimit sets the write limit of streams made from now on, in the whole process
// (a command-line option sets it once, before anything runs); n <= 0 means no limit. It may be
// called from any goroutine.
func SetDefaultWriteLimit(n int) { defaultWriteLimit.Store(int64(max(n, 0))) }

// WriteLimitDefault returns the limit new streams take (0: none).
func WriteLimitDefault() int { return int(defaultWriteLimit.Load()) }

// WriteLimitError is what a write that would queue more than the connection's limit for a
// peer that is not reading fails with; the stream is aborted with it, so End reports it too.
type WriteLimitError struct {
	Limit int // bytes
}

func (e *WriteLimitError) Error() string {
	return "write queue over " + FormatBytes(e.Limit) + " limit: peer is not reading"
}

// FormatBytes writes a byte count as people read limits: "64 MiB", "512 KiB", "100 bytes".
func FormatBytes(n int) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// SetWriteLimit sets the most the stream queues for its peer (n <= 0: no limit). A Write that
// would queue more fails with a WriteLimitError and aborts the stream.
func (s *Stream) SetWriteLimit(n int) { s.limit = max(n, 0) }

// WriteLimit returns the stream's write limit (0: none).
func (s *Stream) WriteLimit() int { return s.limit }

// overLimit reports whether queuing n more bytes passes the limit.
func (s *Stream) overLimit(n int) bool {
	return s.limit > 0 && s.pending.size+n > s.limit
}

// refuse aborts the stream with the limit's error and returns it.
func (s *Stream) refuse() error {
	err := &WriteLimitError{Limit: s.limit}
	s.Abort(err)
	return err
}

// SetWriteLimit sets the write limit of the stream under the TLS connection; the records of
// everything written count against it.
func (t *TLSConn) SetWriteLimit(n int) { t.s.SetWriteLimit(n) }

// WriteLimit returns the write limit of the stream under the TLS connection.
func (t *TLSConn) WriteLimit() int { return t.s.WriteLimit() }
