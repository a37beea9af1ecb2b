package wire

import "strconv"

// maxChunkSize is the largest chunk size accepted: 2^60-1 keeps the
// arithmetic far from overflow and is far beyond any real chunk.
const maxChunkSize = 1<<60 - 1

// unhex returns the value of a hex digit, or -1.
func unhex(c byte) int64 {
	switch {
	case '0' <= c && c <= '9':
		return int64(c - '0')
	case 'a' <= c && c <= 'f':
		return int64(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int64(c-'A') + 10
	}
	return -1
}

// chunkFraming consumes the framing around chunk data: a chunk-size line
//
//	1*HEXDIG [ BWS ] *( ";" ext ) CRLF
//
// or the CRLF after a chunk's data. It stops, having changed p.state, when
// chunk data or the trailers begin, or when data runs out; it returns the
// bytes used.
func (p *Parser) chunkFraming(data []byte) (int, *Error) {
	for n := 0; n < len(data); n++ {
		c := data[n]
		switch p.state {
		case stChunkDataEnd:
			switch c {
			case '\r':
				p.state = stChunkDataLF
			case '\n':
				p.startChunkLine()
			default:
				return n, newError(ErrBadChunk, "chunk data is longer than its size (no CRLF after it, found "+
					strconv.QuoteRune(rune(c))+")")
			}
			continue
		case stChunkDataLF:
			if c != '\n' {
				return n, newError(ErrBadChunk, "CR without LF after chunk data")
			}
			p.startChunkLine()
			continue
		}

		p.chunkLine++
		if p.chunkLine > maxChunkLineBytes {
			return n, newError(ErrBadChunk, "chunk-size line longer than "+strconv.Itoa(maxChunkLineBytes)+" bytes")
		}
		switch p.state {
		case stChunkSize:
			if d := unhex(c); d >= 0 {
				if p.remaining > maxChunkSize>>4 {
					return n, newError(ErrBadChunk, "chunk size too large")
				}
				p.remaining = p.remaining<<4 | d
				p.chunkDigits++
				continue
			}
			if p.chunkDigits == 0 {
				return n, newError(ErrBadChunk, "chunk size does not start with a hex digit (found "+
					strconv.QuoteRune(rune(c))+")")
			}
			switch c {
			case ';':
				p.state = stChunkExt
			case ' ', '\t':
				p.state = stChunkSizeWS
			case '\r':
				p.state = stChunkSizeLF
			case '\n':
				p.endChunkLine()
				return n + 1, nil
			default:
				return n, newError(ErrBadChunk, "invalid byte "+strconv.QuoteRune(rune(c))+" after the chunk size")
			}
		case stChunkSizeWS:
			switch c {
			case ' ', '\t':
			case ';':
				p.state = stChunkExt
			case '\r':
				p.state = stChunkSizeLF
			case '\n':
				p.endChunkLine()
				return n + 1, nil
			default:
				return n, newError(ErrBadChunk, "invalid byte "+strconv.QuoteRune(rune(c))+" after the chunk size")
			}
		case stChunkExt:
			switch {
			case c == '\r':
				p.state = stChunkSizeLF
			case c == '\n':
				p.endChunkLine()
				return n + 1, nil
			case !isValueByte(c):
				return n, newError(ErrBadChunk, "control byte in chunk extension")
			}
		case stChunkSizeLF:
			if c != '\n' {
				return n, newError(ErrBadChunk, "CR without LF in chunk-size line")
			}
			p.endChunkLine()
			return n + 1, nil
		}
	}
	return len(data), nil
}

// startChunkLine begins reading the next chunk-size line.
func (p *Parser) startChunkLine() {
	p.state, p.chunkLine, p.chunkDigits, p.remaining = stChunkSize, 0, 0, 0
}

// endChunkLine acts on a complete chunk-size line: data follows, or, for
// size 0, the trailers.
func (p *Parser) endChunkLine() {
	if p.remaining > 0 {
		p.state = stChunkData
		return
	}
	// The trailer block is read like a head; seeding it with the LF that
	// ended the size line lets an empty trailer block ("\r\n") be found by
	// the same blank-line search.
	p.state = stTrailers
	p.buf = append(p.buf[:0], '\n')
}
