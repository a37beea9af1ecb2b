package wire

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// message is what a transcript records of one parsed message.
type message struct {
	Head     Head
	Body     string
	Trailers []Header
}

// transcript is everything a parser reported for one input.
type transcript struct {
	Messages []message
	Partial  *message // a message whose head arrived but not its end
	Upgraded bool
	Rest     string // bytes left unused after EventUpgrade
	Err      *Error
}

// String renders a transcript for failure messages and comparisons.
func (t transcript) String() string {
	var b strings.Builder
	for i, m := range t.Messages {
		fmt.Fprintf(&b, "message %d: %+v body=%q trailers=%v\n", i, m.Head, m.Body, m.Trailers)
	}
	if t.Partial != nil {
		fmt.Fprintf(&b, "partial: %+v body=%q\n", t.Partial.Head, t.Partial.Body)
	}
	fmt.Fprintf(&b, "upgraded=%v rest=%q err=%v\n", t.Upgraded, t.Rest, t.Err)
	return b.String()
}

// driver feeds a parser its input in pieces and records the transcript,
// checking on the way the promises Next makes about its results.
type driver struct {
	tb     testing.TB
	p      *Parser
	method string // request method for a response parser
	t      transcript
	cur    *message
	done   bool
}

// feed hands one piece of input to the parser, calling Next until it asks
// for more, fails or upgrades.
func (d *driver) feed(piece []byte) {
	if d.done {
		return
	}
	data := piece
	for {
		ev, n, err := d.p.Next(data)
		if n < 0 || n > len(data) {
			d.tb.Fatalf("Next used %d bytes of %d", n, len(data))
		}
		if ev == EventBody && !within(d.p.Body(), data[:n]) {
			d.tb.Fatalf("Body %q is not a sub-slice of the bytes just used", d.p.Body())
		}
		data = data[n:]
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				d.tb.Fatalf("Next returned a %T, not an *Error: %v", err, err)
			}
			d.t.Err, d.done = we, true
			d.closePartial()
			return
		}
		switch ev {
		case EventNeedInput:
			if len(data) != 0 {
				d.tb.Fatalf("EventNeedInput with %d bytes unused", len(data))
			}
			return
		case EventHead:
			if d.cur != nil {
				d.tb.Fatalf("EventHead inside a message")
			}
			d.cur = &message{Head: *d.p.Head()}
		case EventBody:
			if d.cur == nil {
				d.tb.Fatalf("EventBody outside a message")
			}
			if len(d.p.Body()) == 0 {
				d.tb.Fatalf("empty EventBody")
			}
			d.cur.Body += string(d.p.Body())
		case EventComplete:
			if d.cur == nil {
				d.tb.Fatalf("EventComplete outside a message")
			}
			d.cur.Trailers = d.p.Trailers()
			d.t.Messages = append(d.t.Messages, *d.cur)
			d.cur = nil
			if d.p.response && !d.t.Messages[len(d.t.Messages)-1].Head.Interim() {
				d.p.SetRequestMethod(d.method)
			}
		case EventUpgrade:
			if d.cur != nil {
				d.tb.Fatalf("EventUpgrade inside a message")
			}
			d.t.Upgraded = true
			d.t.Rest += string(data)
			return
		}
	}
}

// finish signals the end of input and records the result.
func (d *driver) finish() {
	if d.done {
		return
	}
	ev, err := d.p.Finish()
	if err != nil {
		d.t.Err = err.(*Error)
	} else if ev == EventComplete {
		if d.cur == nil {
			d.tb.Fatalf("Finish reported EventComplete outside a message")
		}
		d.t.Messages = append(d.t.Messages, *d.cur)
		d.cur = nil
	}
	d.closePartial()
}

func (d *driver) closePartial() {
	if d.cur != nil {
		d.t.Partial, d.cur = d.cur, nil
	}
}

// within reports whether sub lies inside whole's memory.
func within(sub, whole []byte) bool {
	if len(sub) == 0 {
		return true
	}
	if len(whole) < len(sub) {
		return false
	}
	for i := 0; i+len(sub) <= len(whole); i++ {
		if &whole[i] == &sub[0] {
			return true
		}
	}
	return false
}

// run parses input split into pieces of the given sizes (cycled; nil means
// all at once), then signals the end of input when eof is set.
func run(tb testing.TB, p *Parser, method string, input []byte, sizes []int, eof bool) transcript {
	d := &driver{tb: tb, p: p, method: method}
	p.SetRequestMethod(method)
	if len(sizes) == 0 {
		d.feed(input)
	} else {
		for i, k := 0, 0; i < len(input); k++ {
			n := sizes[k%len(sizes)]
			if n > len(input)-i {
				n = len(input) - i
			}
			// Each piece gets its own memory, as successive socket reads do.
			piece := append([]byte(nil), input[i:i+n]...)
			d.feed(piece)
			i += n
		}
	}
	if eof {
		d.finish()
	}
	return d.t
}

// splits are the ways every valid input is fed: whole, byte by byte, and
// uneven pieces that cut CRLFs and chunk framing in every place.
var splits = [][]int{nil, {1}, {2}, {3}, {5, 1, 7}, {64}}
