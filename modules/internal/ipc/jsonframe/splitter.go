package jsonframe

import (
	"bytes"
	"errors"
	"fmt"
)

// ErrFrameTooLarge is wrapped by the error a Splitter returns for a frame
// longer than its limit.
var ErrFrameTooLarge = errors.New("frame exceeds the size limit")

// releaseAbove is the buffer capacity above which an empty Splitter drops its
// buffer instead of keeping it for the next frames.
const releaseAbove = 1 << 20

// Splitter cuts a byte stream, fed in chunks of any size, into the frames
// between delimiters. A frame may be empty. A frame longer than the limit is
// an error: its bytes are dropped, and when its delimiter has not arrived yet
// the bytes that follow are skipped up to and including it, so the stream
// picks up again at the next frame.
//
// The frames returned alias the Splitter's buffer: they stay valid until the
// next call to Feed.
type Splitter struct {
	delim    []byte
	maxFrame int
	buf      []byte
	start    int  // buf[start:] is not yet returned
	scanned  int  // buf[start:start+scanned] holds no delimiter start
	skipping bool // dropping an oversized frame up to its delimiter
}

// NewSplitter returns a Splitter for frames ended by delimiter and at most
// maxFrame bytes long (delimiter not counted). The delimiter must not be empty
// and maxFrame must be positive.
func NewSplitter(delimiter []byte, maxFrame int) (*Splitter, error) {
	if len(delimiter) == 0 {
		return nil, errors.New("jsonframe: empty frame delimiter")
	}
	if maxFrame <= 0 {
		return nil, fmt.Errorf("jsonframe: frame size limit %d is not positive", maxFrame)
	}
	return &Splitter{delim: bytes.Clone(delimiter), maxFrame: maxFrame}, nil
}

// Feed adds the next chunk of the stream. It invalidates the frames returned
// so far.
func (s *Splitter) Feed(chunk []byte) {
	if s.start > 0 {
		n := copy(s.buf, s.buf[s.start:])
		s.buf = s.buf[:n]
		s.start = 0
		if n == 0 && cap(s.buf) > releaseAbove {
			s.buf = nil // let a buffer grown by one large frame go
		}
	}
	if need := len(s.buf) + len(chunk); need > cap(s.buf) {
		s.grow(need)
	}
	s.buf = append(s.buf, chunk...)
}

// grow makes room for need bytes, doubling the buffer (append grows large slices by a quarter,
// which for one big frame leaves several times its size of discarded buffers for the
// collector) but never past what the longest frame the limit allows needs.
func (s *Splitter) grow(need int) {
	c := max(2*cap(s.buf), need, 512)
	if limit := s.maxFrame + 2*len(s.delim); c > limit {
		c = max(limit, need)
	}
	nb := make([]byte, len(s.buf), c)
	copy(nb, s.buf)
	s.buf = nb
}

// Buffered returns how many fed bytes are held for a frame not yet complete.
func (s *Splitter) Buffered() int {
	return len(s.buf) - s.start
}

// Next returns the next complete frame, without its delimiter. ok is false
// when no complete frame is buffered. err wraps ErrFrameTooLarge when a frame
// (complete or not) passes the limit; the frame's bytes are dropped and the
// next call goes on with the stream.
func (s *Splitter) Next() (frame []byte, ok bool, err error) {
	for {
		rest := s.buf[s.start:]
		from := max(s.scanned-(len(s.delim)-1), 0)
		i := indexFrom(rest, s.delim, from)
		if i < 0 {
			if !s.skipping && len(rest) > s.maxFrame+len(s.delim)-1 {
				s.skipping = true
				err = s.tooLarge(len(rest))
			}
			if s.skipping {
				// Drop the frame's bytes but what could begin its delimiter.
				keep := min(len(rest), len(s.delim)-1)
				s.start = len(s.buf) - keep
				s.scanned = keep
				return nil, false, err
			}
			s.scanned = len(rest)
			return nil, false, nil
		}
		frame = rest[:i]
		s.start += i + len(s.delim)
		s.scanned = 0
		if s.skipping {
			s.skipping = false
			continue
		}
		if len(frame) > s.maxFrame {
			return nil, false, s.tooLarge(len(frame))
		}
		return frame, true, nil
	}
}

// tooLarge builds the error for a frame of at least n bytes.
func (s *Splitter) tooLarge(n int) error {
	return fmt.Errorf("jsonframe: frame of %d bytes or more: %w (%d bytes)", n, ErrFrameTooLarge, s.maxFrame)
}

// indexFrom returns the index of the first delimiter in b at or after from,
// or -1. A one-byte delimiter is found with bytes.IndexByte.
func indexFrom(b, delim []byte, from int) int {
	var i int
	if len(delim) == 1 {
		i = bytes.IndexByte(b[from:], delim[0])
	} else {
		i = bytes.Index(b[from:], delim)
	}
	if i < 0 {
		return -1
	}
	return from + i
}
