// Package batch is the message batch of earlynode's two IPC modules: what one read (or one
// datagram) decoded into, each message's two members (node-ipc's type and data, socket-ipc's
// topic and message: raw JSON texts) copied into one arena, so that the read buffer can be
// reused at once, with a mark of the module's own per message (node-ipc's parse error,
// socket-ipc's null message).
package batch

// Batch is the messages of one read, in order. Its zero value is empty and ready.
type Batch[M any] struct {
	arena []byte
	items []item[M]
}

type item[M any] struct {
	first, second span
	mark          M
}

// span locates a member in the arena; off < 0 is a member absent.
type span struct{ off, end int }

// Grow makes room for n more messages whose members total size bytes.
func (b *Batch[M]) Grow(n, size int) {
	if b.items == nil {
		b.items = make([]item[M], 0, n)
	}
	if b.arena == nil {
		b.arena = make([]byte, 0, size)
	}
}

// Add copies one message's members (nil for one absent, which At gives back as nil) and
// keeps its mark.
func (b *Batch[M]) Add(first, second []byte, mark M) {
	if b.arena == nil {
		b.arena = make([]byte, 0, len(first)+len(second))
	}
	b.items = append(b.items, item[M]{first: b.put(first), second: b.put(second), mark: mark})
}

func (b *Batch[M]) put(m []byte) span {
	if m == nil {
		return span{off: -1}
	}
	off := len(b.arena)
	b.arena = append(b.arena, m...)
	return span{off: off, end: len(b.arena)}
}

// Len returns the number of messages.
func (b *Batch[M]) Len() int { return len(b.items) }

// At returns message i's members (nil when absent; they alias the batch) and its mark.
func (b *Batch[M]) At(i int) (first, second []byte, mark M) {
	it := &b.items[i]
	return b.get(it.first), b.get(it.second), it.mark
}

func (b *Batch[M]) get(s span) []byte {
	if s.off < 0 {
		return nil
	}
	return b.arena[s.off:s.end:s.end]
}
