package wire

import (
	"errors"
	"strconv"
)

// Framing says how the body that follows a head written by
// AppendResponseHead or AppendRequestHead goes on the wire.
type Framing struct {
	// Chunked: write each body piece with AppendChunk and end the body
	// with AppendLastChunk. Set when the codec added
	// "Transfer-Encoding: chunked" and when the caller's own headers ask for
	// chunked (a proxy forwarding a chunked message's headers): the body is
	// framed exactly once, here, never passed through pre-framed.
	Chunked bool

	// NoBody: the message carries no body (response to HEAD, 1xx, 204,
	// 304; GET or HEAD request without Content-Length or Transfer-Encoding).
	// Body writes must be dropped or refused.
	NoBody bool

	// ContentLength is the caller's Content-Length, -1 when not given.
	ContentLength int64

	// KeepAlive: the connection may carry another message after this one.
	// When false, close the connection once the message is written (for a
	// response that is how its body ends, if it is neither chunked nor
	// sized).
	KeepAlive bool
}

// outgoingFacts is what the automatic headers depend on in the caller's
// header list.
type outgoingFacts struct {
	connectionGiven bool
	conn            connectionTokens
	te              transferCodings
	contentLength   int64
}

// scanOutgoing checks the caller's headers and notes the framing facts. A
// name must be a token and a value may hold no CR, LF or other control byte
// but tab, so that no header can inject another.
func scanOutgoing(headers []Header) (outgoingFacts, error) {
	f := outgoingFacts{contentLength: -1}
	for i, h := range headers {
		if !isToken(h.Name) {
			return f, errors.New("http: header " + strconv.Itoa(i) + ": name " + quote(h.Name) + " is not a token")
		}
		for j := 0; j < len(h.Value); j++ {
			if !isValueByte(h.Value[j]) {
				return f, errors.New("http: header " + quote(h.Name) + ": value holds a control byte (CR, LF, NUL...)")
			}
		}
		switch {
		case equalFold(h.Name, "connection"):
			f.connectionGiven = true
			f.conn.add(h.Value)
		case equalFold(h.Name, "transfer-encoding"):
			f.te.add(h.Value)
		case equalFold(h.Name, "content-length"):
			v := parseContentLength(trimSpace(h.Value))
			if v < 0 || (f.contentLength >= 0 && v != f.contentLength) {
				return f, errors.New("http: Content-Length " + quote(h.Value) + " is not a length")
			}
			f.contentLength = v
		}
	}
	return f, nil
}

// appendHeaders writes "Name: value\r\n" for each header.
func appendHeaders(dst []byte, headers []Header) []byte {
	for _, h := range headers {
		dst = append(dst, h.Name...)
		dst = append(dst, ": "...)
		dst = append(dst, h.Value...)
		dst = append(dst, "\r\n"...)
	}
	return dst
}

// appendConnection writes the Connection header 0.1.0 adds when the caller
// gave none.
func appendConnection(dst []byte, keepAlive bool) []byte {
	if keepAlive {
		return append(dst, "Connection: keep-alive\r\n"...)
	}
	return append(dst, "Connection: close\r\n"...)
}

// AppendResponseHead appends a response head to dst: the status line
// "HTTP/1.1 <status> <StatusText(status)>", the caller's headers unchanged
// and in order, then what Node 0.1.0 adds on its own:
//
//   - "Connection: keep-alive" or "Connection: close" when the caller gave
//     no Connection header, as the request asked (req.KeepAlive), unless
//     the body can only end with the connection;
//   - "Transfer-Encoding: chunked" when the caller gave neither
//     Content-Length nor Transfer-Encoding and the request is HTTP/1.1.
//
// For an HTTP/1.0 request without a length the body is delimited by closing
// the connection instead. Interim 1xx responses get nothing added. req is
// the request being answered (nil: an HTTP/1.1 GET that allows keep-alive).
// The returned Framing tells how to write the body. An error means a
// header is unsafe to send or the status is not 100..999; dst is then
// returned unchanged.
func AppendResponseHead(dst []byte, req *Head, status int, headers []Header) ([]byte, Framing, error) {
	if req == nil {
		req = &Head{Method: "GET", Version: "1.1", KeepAlive: true}
	}
	if status < 100 || status > 999 {
		return dst, Framing{}, errors.New("http: status code " + strconv.Itoa(status) + " is not in 100..999")
	}
	f, err := scanOutgoing(headers)
	if err != nil {
		return dst, Framing{}, err
	}
	fr := Framing{ContentLength: f.contentLength, KeepAlive: req.KeepAlive && !f.conn.close}
	addConnection := !f.connectionGiven
	addChunked := false
	switch {
	case status < 200:
		fr.NoBody, fr.KeepAlive, addConnection = true, true, false
	case req.Method == "HEAD" || status == 204 || status == 304:
		fr.NoBody = true
	case f.te.present:
		if f.te.chunkedLast && !f.te.chunkedTwice {
			fr.Chunked = true
		} else {
			fr.KeepAlive = false // the body ends when the connection does
		}
	case f.contentLength >= 0:
	case req.Version == "1.1":
		fr.Chunked, addChunked = true, true
	default:
		fr.KeepAlive = false // an HTTP/1.0 reader knows no chunks
	}

	dst = append(dst, "HTTP/1.1 "...)
	dst = strconv.AppendInt(dst, int64(status), 10)
	dst = append(dst, ' ')
	dst = append(dst, StatusText(status)...)
	dst = append(dst, "\r\n"...)
	dst = appendHeaders(dst, headers)
	if addConnection {
		dst = appendConnection(dst, fr.KeepAlive)
	}
	if addChunked {
		dst = append(dst, "Transfer-Encoding: chunked\r\n"...)
	}
	return append(dst, "\r\n"...), fr, nil
}

// AppendRequestHead appends a request head to dst: "<method> <target>
// HTTP/1.1", the caller's headers unchanged and in order, then
// "Connection: keep-alive" or "Connection: close" (as keepAlive says) when
// the caller gave no Connection header, and "Transfer-Encoding: chunked"
// when the caller gave neither Content-Length nor Transfer-Encoding, except
// for GET and HEAD, whose requests then carry no body. No Host header is
// added, as in 0.1.0. An error means the method, target or a header is
// unsafe to send, or a Transfer-Encoding does not end with chunked (a
// request body cannot be delimited by closing); dst is then unchanged.
func AppendRequestHead(dst []byte, method, target string, headers []Header, keepAlive bool) ([]byte, Framing, error) {
	if !isToken(method) {
		return dst, Framing{}, errors.New("http: method " + quote(method) + " is not a token")
	}
	if target == "" {
		return dst, Framing{}, errors.New("http: empty request-target")
	}
	for i := 0; i < len(target); i++ {
		if c := target[i]; c <= ' ' || c == 0x7f {
			return dst, Framing{}, errors.New("http: request-target " + quote(target) + " holds a space or control byte")
		}
	}
	f, err := scanOutgoing(headers)
	if err != nil {
		return dst, Framing{}, err
	}
	fr := Framing{ContentLength: f.contentLength, KeepAlive: keepAlive && !f.conn.close}
	addChunked := false
	switch {
	case f.te.present:
		if !f.te.chunkedLast || f.te.chunkedTwice {
			return dst, Framing{}, errors.New("http: a request's Transfer-Encoding must end with chunked (once)")
		}
		fr.Chunked = true
	case f.contentLength >= 0:
	case method == "GET" || method == "HEAD":
		fr.NoBody = true
	default:
		fr.Chunked, addChunked = true, true
	}

	dst = append(dst, method...)
	dst = append(dst, ' ')
	dst = append(dst, target...)
	dst = append(dst, " HTTP/1.1\r\n"...)
	dst = appendHeaders(dst, headers)
	if !f.connectionGiven {
		dst = appendConnection(dst, fr.KeepAlive)
	}
	if addChunked {
		dst = append(dst, "Transfer-Encoding: chunked\r\n"...)
	}
	return append(dst, "\r\n"...), fr, nil
}

// LastChunk is the end of a chunked body with no trailers.
const LastChunk = "0\r\n\r\n"

// AppendChunk appends data as one chunk: its size in hex, CRLF, the data,
// CRLF. Empty data appends nothing, since an empty chunk would end the body.
func AppendChunk(dst, data []byte) []byte {
	if len(data) == 0 {
		return dst
	}
	dst = AppendChunkHeader(dst, len(data))
	dst = append(dst, data...)
	return append(dst, "\r\n"...)
}

// AppendChunkString is AppendChunk for a string.
func AppendChunkString(dst []byte, data string) []byte {
	if len(data) == 0 {
		return dst
	}
	dst = AppendChunkHeader(dst, len(data))
	dst = append(dst, data...)
	return append(dst, "\r\n"...)
}

// AppendChunkHeader appends the line that opens a chunk of size n (n > 0),
// for callers that write the data from its own buffer; the data must then
// be followed by "\r\n".
func AppendChunkHeader(dst []byte, n int) []byte {
	dst = strconv.AppendUint(dst, uint64(n), 16)
	return append(dst, "\r\n"...)
}

// AppendLastChunk appends the end of a chunked body, "0\r\n\r\n".
func AppendLastChunk(dst []byte) []byte { return append(dst, LastChunk...) }

// AppendErrorResponse appends the response a server sends before closing a
// connection whose request could not be parsed: the status of err (an
// *Error; 400 for anything else), "Connection: close" and an empty body.
func AppendErrorResponse(dst []byte, err error) []byte {
	status := 400
	var e *Error
	if errors.As(err, &e) && e.Status != 0 {
		status = e.Status
	}
	dst = append(dst, "HTTP/1.1 "...)
	dst = strconv.AppendInt(dst, int64(status), 10)
	dst = append(dst, ' ')
	dst = append(dst, StatusText(status)...)
	return append(dst, "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"...)
}
