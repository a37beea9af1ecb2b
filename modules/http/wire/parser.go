package wire

import (
	"bytes"
	"strconv"
)

// DefaultMaxHeaderBytes is the default limit on a message head (start line,
// headers and the blank line) and, separately, on a trailer block: 80 KiB.
const DefaultMaxHeaderBytes = 80 << 10

// maxChunkLineBytes bounds a chunk-size line with its extensions.
const maxChunkLineBytes = 16 << 10

// Limits bounds what a Parser buffers. The zero value means the defaults.
type Limits struct {
	// MaxHeaderBytes bounds the head, from the first byte of the start line
	// to the end of the blank line, and the trailer block. Exceeding it is
	// an ErrHeaderTooLarge (status 431). Zero means DefaultMaxHeaderBytes.
	MaxHeaderBytes int
}

// Event is what Parser.Next found.
type Event uint8

// The events a Parser reports, in the order they occur for each message:
// one EventHead, any number of EventBody, one EventComplete.
const (
	EventNeedInput Event = iota // every byte given was used; call Next again with more
	EventHead                   // a message head is complete: see Parser.Head
	EventBody                   // a piece of body, transfer coding removed: see Parser.Body
	EventComplete               // the message is complete: see Parser.Trailers
	EventUpgrade                // the connection switched protocols; unused bytes are the new protocol's
)

var eventNames = [...]string{"NeedInput", "Head", "Body", "Complete", "Upgrade"}

// String returns the event's name, such as "Head".
func (e Event) String() string {
	if int(e) < len(eventNames) {
		return eventNames[e]
	}
	return "Event(" + strconv.Itoa(int(e)) + ")"
}

// parseState is where a Parser is inside the byte stream.
type parseState uint8

const (
	stStart        parseState = iota // between messages
	stHead                           // inside a head, part of it in buf
	stBodyLength                     // inside a Content-Length body
	stBodyClose                      // inside a body that runs until the connection closes
	stChunkSize                      // reading the hex digits of a chunk size
	stChunkSizeWS                    // after the size, whitespace before ';' or the line end
	stChunkExt                       // inside chunk extensions
	stChunkSizeLF                    // saw CR ending the size line, need LF
	stChunkData                      // inside chunk data
	stChunkDataEnd                   // chunk data done, need CRLF
	stChunkDataLF                    // chunk data done and CR seen, need LF
	stTrailers                       // inside the trailer block, part of it in buf
	stComplete                       // the message ended; EventComplete is due
	stUpgraded                       // switched protocols; the parser is idle
	stFinished                       // Finish was called
	stFailed                         // an error was reported; it is reported again
)

// Parser reads a stream of HTTP/1.x requests, or of responses, from bytes
// fed in any split. Make one per connection with NewRequestParser or
// NewResponseParser; it is not safe for concurrent use.
type Parser struct {
	response      bool
	limit         int
	state         parseState
	afterComplete parseState // stStart, or stUpgraded after an upgrade message
	buf           []byte     // the part of a head or trailer block seen so far
	head          Head
	body          []byte
	trailers      []Header
	remaining     int64 // bytes left in a Content-Length body or in a chunk
	chunkLine     int   // bytes of the current chunk-size line
	chunkDigits   int   // hex digits of the current chunk size
	requestMethod string
	err           *Error
}

// NewRequestParser returns a Parser for the requests a server receives.
func NewRequestParser(l Limits) *Parser {
	p := &Parser{}
	p.init(false, l)
	return p
}

// NewResponseParser returns a Parser for the responses a client receives.
// Tell it the method of each request with SetRequestMethod: responses to
// HEAD have no body and a 2xx to CONNECT switches protocols.
func NewResponseParser(l Limits) *Parser {
	p := &Parser{}
	p.init(true, l)
	return p
}

func (p *Parser) init(response bool, l Limits) {
	buf := p.buf[:0]
	if cap(buf) > 4<<10 {
		buf = nil
	}
	*p = Parser{response: response, limit: l.MaxHeaderBytes, buf: buf, requestMethod: "GET"}
	if p.limit <= 0 {
		p.limit = DefaultMaxHeaderBytes
	}
}

// Reset makes p a fresh parser of the same direction with new limits, so
// that it can serve another connection.
func (p *Parser) Reset(l Limits) { p.init(p.response, l) }

// SetRequestMethod tells a response parser the method of the request whose
// response it parses next ("GET" until told otherwise). On a connection
// with several requests in flight, call it after each final response's
// EventComplete (interim 1xx responses answer the same request).
func (p *Parser) SetRequestMethod(method string) { p.requestMethod = method }

// Head returns the head reported by the last EventHead. The Headers slice
// and all strings in it belong to the caller; the Head itself is
// overwritten by the next message.
func (p *Parser) Head() *Head { return &p.head }

// Body returns the piece of body reported by the last EventBody: a
// sub-slice of the slice given to Next, valid while that memory is.
func (p *Parser) Body() []byte { return p.body }

// Trailers returns the trailer fields of a chunked message, reported with
// its EventComplete; nil when there were none.
func (p *Parser) Trailers() []Header { return p.trailers }

// Resume puts a parser stopped at EventUpgrade back to reading HTTP
// messages, for a server that declines the upgrade and answers normally.
func (p *Parser) Resume() {
	if p.state == stUpgraded {
		p.state = stStart
	}
}

// Next parses data and returns the next event with the number of bytes of
// data it used; the caller passes data[n:] on the following call. It
// returns EventNeedInput once all of data is used and more is needed.
// After EventUpgrade it uses no more bytes. An error is final: it is an
// *Error, and Next returns it again on every later call.
func (p *Parser) Next(data []byte) (Event, int, error) {
	ev, n, err := p.next(data)
	if err != nil {
		p.err, p.state, p.body = err, stFailed, nil
		return EventNeedInput, n, err
	}
	return ev, n, nil
}

// next is Next with the concrete error type.
func (p *Parser) next(data []byte) (Event, int, *Error) {
	n := 0
	for {
		switch p.state {
		case stFailed:
			return EventNeedInput, n, p.err
		case stFinished:
			return EventNeedInput, n, newError(ErrMisuse, "Next called after Finish")
		case stUpgraded:
			return EventUpgrade, n, nil
		case stComplete:
			p.state, p.body = p.afterComplete, nil
			return EventComplete, n, nil

		case stStart:
			// Blank lines between messages are skipped (RFC 9112 §2.2).
			for n < len(data) && (data[n] == '\r' || data[n] == '\n') {
				n++
			}
			if n == len(data) {
				return EventNeedInput, n, nil
			}
			p.buf, p.trailers, p.body = p.buf[:0], nil, nil
			p.state = stHead
		case stHead:
			k, block, done, err := p.readBlock(data[n:], p.limit, "head")
			n += k
			if err != nil || !done {
				return EventNeedInput, n, err
			}
			return EventHead, n, p.startMessage(string(block))

		case stBodyLength, stChunkData:
			if n == len(data) {
				return EventNeedInput, n, nil
			}
			k := len(data) - n
			if int64(k) > p.remaining {
				k = int(p.remaining)
			}
			p.body = data[n : n+k]
			p.remaining -= int64(k)
			n += k
			if p.remaining == 0 {
				if p.state == stBodyLength {
					p.state = stComplete
				} else {
					p.state = stChunkDataEnd
				}
			}
			return EventBody, n, nil
		case stBodyClose:
			if n == len(data) {
				return EventNeedInput, n, nil
			}
			p.body = data[n:]
			return EventBody, len(data), nil

		case stChunkSize, stChunkSizeWS, stChunkExt, stChunkSizeLF, stChunkDataEnd, stChunkDataLF:
			k, err := p.chunkFraming(data[n:])
			n += k
			if err != nil {
				return EventNeedInput, n, err
			}
			if n == len(data) && p.state != stChunkData && p.state != stTrailers {
				return EventNeedInput, n, nil
			}
		case stTrailers:
			k, block, done, err := p.readBlock(data[n:], p.limit+1, "trailer block")
			n += k
			if err != nil || !done {
				return EventNeedInput, n, err
			}
			if len(block) > 3 {
				// block starts with the seeded "\n" (see startTrailers).
				var terr *Error
				if p.trailers, terr = parseTrailers(string(block[1:])); terr != nil {
					return EventNeedInput, n, terr
				}
			}
			p.releaseBuf()
			p.state, p.body = p.afterComplete, nil
			return EventComplete, n, nil
		}
	}
}

// releaseBuf empties buf, dropping its memory when a large head or
// trailer block grew it, so that an idle connection's parser stays small.
func (p *Parser) releaseBuf() {
	if cap(p.buf) > 4<<10 {
		p.buf = nil
	} else {
		p.buf = p.buf[:0]
	}
}

// startMessage parses a complete head and sets the state for its body.
func (p *Parser) startMessage(block string) *Error {
	p.releaseBuf()
	p.head = Head{}
	var framing bodyFraming
	var err *Error
	if p.response {
		framing, err = parseResponseHead(block, &p.head, p.requestMethod)
	} else {
		framing, err = parseRequestHead(block, &p.head)
	}
	if err != nil {
		return err
	}
	p.afterComplete = stStart
	if p.head.Upgrade {
		p.afterComplete = stUpgraded
	}
	switch framing {
	case bodyLength:
		p.state, p.remaining = stBodyLength, p.head.ContentLength
	case bodyChunked:
		p.state, p.chunkLine, p.chunkDigits, p.remaining = stChunkSize, 0, 0, 0
	case bodyUntilClose:
		p.state = stBodyClose
	default:
		p.state = stComplete
	}
	return nil
}

// readBlock collects a head or trailer block, which ends with a blank line
// ("\n\r\n" or "\n\n"), from data onto what p.buf already holds. It returns
// the bytes of data used and, once the block is whole, the block: a
// sub-slice of data when the whole block was in it, else p.buf.
func (p *Parser) readBlock(data []byte, limit int, what string) (used int, block []byte, done bool, err *Error) {
	room := limit - len(p.buf)
	if e := straddleEnd(p.buf, data); e >= 0 {
		if e > room {
			return 0, nil, false, p.tooLarge(what)
		}
		p.buf = append(p.buf, data[:e]...)
		return e, p.buf, true, nil
	}
	window := data
	if len(window) > room {
		window = window[:room]
	}
	if e := blockEnd(window); e >= 0 {
		if len(p.buf) == 0 {
			return e, data[:e], true, nil
		}
		p.buf = append(p.buf, data[:e]...)
		return e, p.buf, true, nil
	}
	if len(data) >= room {
		return 0, nil, false, p.tooLarge(what)
	}
	p.buf = append(p.buf, data...)
	return len(data), nil, false, nil
}

func (p *Parser) tooLarge(what string) *Error {
	limit := p.limit
	return newError(ErrHeaderTooLarge, what+" exceeds "+strconv.Itoa(limit)+" bytes")
}

// blockEnd returns the index just past the first blank-line terminator
// ("\n\n" or "\n\r\n") in b, or -1.
func blockEnd(b []byte) int {
	for i := 0; ; i++ {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2
		}
		if i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n' {
			return i + 3
		}
	}
}

// straddleEnd looks for a terminator that starts in the last two bytes of
// buf and ends in data; it returns how many bytes of data complete it, or -1.
func straddleEnd(buf, data []byte) int {
	t := len(buf)
	if t > 2 {
		t = 2
	}
	var w [4]byte
	copy(w[:], buf[len(buf)-t:])
	win := w[:t+copy(w[t:], data)]
	for i := 0; i < t; i++ {
		if win[i] != '\n' {
			continue
		}
		if i+1 < len(win) && win[i+1] == '\n' && i+2 > t {
			return i + 2 - t
		}
		if i+2 < len(win) && win[i+1] == '\r' && win[i+2] == '\n' {
			return i + 3 - t
		}
	}
	return -1
}

// Finish tells the parser that the input ended (the peer closed the
// connection). It returns EventComplete when that ends a response read
// until close, EventUpgrade after an upgrade, and EventNeedInput when the
// stream ended cleanly between messages. Input that ends inside a message
// is an ErrIncomplete. Next must have returned EventNeedInput first.
func (p *Parser) Finish() (Event, error) {
	switch p.state {
	case stFailed:
		return EventNeedInput, p.err
	case stStart, stFinished:
		p.state = stFinished
		return EventNeedInput, nil
	case stUpgraded:
		return EventUpgrade, nil
	case stBodyClose, stComplete:
		p.state, p.body = stFinished, nil
		return EventComplete, nil
	}
	err := newError(ErrIncomplete, p.whereIncomplete())
	p.err, p.state, p.body = err, stFailed, nil
	return EventNeedInput, err
}

// whereIncomplete describes where the input stopped, for ErrIncomplete.
func (p *Parser) whereIncomplete() string {
	switch p.state {
	case stHead:
		return "input ended inside the head after " + strconv.Itoa(len(p.buf)) + " bytes"
	case stBodyLength:
		return "input ended " + strconv.FormatInt(p.remaining, 10) + " bytes short of Content-Length " +
			strconv.FormatInt(p.head.ContentLength, 10)
	case stChunkData:
		return "input ended " + strconv.FormatInt(p.remaining, 10) + " bytes short of the end of a chunk"
	case stTrailers:
		return "input ended inside the trailers"
	}
	return "input ended inside the chunked framing"
}
