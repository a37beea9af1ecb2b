package wire

import (
	"strconv"
	"strings"
)

// Head is the head of one message: the request line or status line, the
// headers, and what the parser concluded from them.
type Head struct {
	Method     string // request method as sent, e.g. "GET"; empty in a response
	Target     string // request-target as sent, e.g. "/status?name=ryan"; empty in a response
	Version    string // "1.0" or "1.1"
	StatusCode int    // response status code (100..999); 0 in a request
	Reason     string // response reason phrase as sent, possibly empty

	// Headers in wire order, original case, duplicates kept.
	Headers []Header

	ContentLength int64 // the Content-Length value; -1 when absent
	Chunked       bool  // the body is chunked; Body events carry it decoded

	// KeepAlive says whether the connection may carry another message after
	// this one: HTTP/1.1 unless "Connection: close", HTTP/1.0 only with
	// "Connection: keep-alive"; never for a response read until close.
	KeepAlive bool

	// Upgrade is set for a request that asks to switch protocols
	// (Connection: upgrade plus an Upgrade header, or CONNECT) and for a
	// response that switches (101, or 2xx to CONNECT). After this message's
	// EventComplete the parser stops with EventUpgrade; the bytes that follow
	// belong to the new protocol.
	Upgrade bool
}

// Interim reports whether a response is an interim 1xx response (not 101):
// the final response to the same request follows it.
func (h *Head) Interim() bool {
	return h.StatusCode >= 100 && h.StatusCode < 200 && h.StatusCode != 101
}

// bodyFraming is how the body after a head is delimited.
type bodyFraming uint8

const (
	bodyNone       bodyFraming = iota // no body
	bodyLength                        // Content-Length bytes
	bodyChunked                       // chunked transfer coding
	bodyUntilClose                    // everything until the connection closes
)

// headFacts gathers what the framing decision needs from the headers.
type headFacts struct {
	conn          connectionTokens
	te            transferCodings
	contentLength int64 // -1 absent
	upgradeHeader bool
}

// splitLine returns the first line of s without its line ending (LF or
// CRLF) and the rest after it. s must contain a LF.
func splitLine(s string) (line, rest string) {
	i := strings.IndexByte(s, '\n')
	line, rest = s[:i], s[i+1:]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	return line, rest
}

// parseVersion reads "HTTP/x.y" and returns the minor version for 1.0 and
// 1.1. Other well-formed versions give ErrUnsupportedVersion; anything else
// gives ok=false.
func parseVersion(s string) (minor int, ok bool, err *Error) {
	if len(s) != 8 || s[:5] != "HTTP/" || s[6] != '.' || !isDigit(s[5]) || !isDigit(s[7]) {
		return 0, false, nil
	}
	if s[5] != '1' || (s[7] != '0' && s[7] != '1') {
		return 0, false, newError(ErrUnsupportedVersion, quote(s)+" (only HTTP/1.0 and HTTP/1.1 are spoken)")
	}
	return int(s[7] - '0'), true, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// versionString is the Head.Version for a minor version.
func versionString(minor int) string {
	if minor == 0 {
		return "1.0"
	}
	return "1.1"
}

// parseRequestLine fills h from "METHOD SP target SP HTTP/x.y".
func parseRequestLine(line string, h *Head) (minor int, err *Error) {
	sp1 := strings.IndexByte(line, ' ')
	if sp1 <= 0 {
		return 0, newError(ErrBadRequestLine, "no method in "+quote(line))
	}
	method := line[:sp1]
	if !isToken(method) {
		return 0, newError(ErrBadRequestLine, "method "+quote(method)+" is not a token")
	}
	rest := line[sp1+1:]
	sp2 := strings.IndexByte(rest, ' ')
	if sp2 < 0 {
		return 0, newError(ErrBadRequestLine, "no HTTP version in "+quote(line))
	}
	target := rest[:sp2]
	if target == "" {
		return 0, newError(ErrBadRequestLine, "empty request-target in "+quote(line))
	}
	for i := 0; i < len(target); i++ {
		if c := target[i]; c <= ' ' || c == 0x7f {
			return 0, newError(ErrBadRequestLine, "control byte in request-target "+quote(target))
		}
	}
	minor, ok, verr := parseVersion(rest[sp2+1:])
	if verr != nil {
		return 0, verr
	}
	if !ok {
		return 0, newError(ErrBadRequestLine, "bad HTTP version "+quote(rest[sp2+1:]))
	}
	h.Method, h.Target, h.Version = method, target, versionString(minor)
	return minor, nil
}

// parseStatusLine fills h from "HTTP/x.y SP 3DIGIT [SP reason]".
func parseStatusLine(line string, h *Head) (minor int, err *Error) {
	sp := strings.IndexByte(line, ' ')
	if sp < 0 {
		return 0, newError(ErrBadStatusLine, "no status code in "+quote(line))
	}
	minor, ok, verr := parseVersion(line[:sp])
	if verr != nil {
		return 0, verr
	}
	if !ok {
		return 0, newError(ErrBadStatusLine, "bad HTTP version in "+quote(line))
	}
	rest := line[sp+1:]
	if len(rest) < 3 || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[2]) || rest[0] == '0' ||
		(len(rest) > 3 && rest[3] != ' ') {
		return 0, newError(ErrBadStatusLine, "status code is not 3 digits (100-999) in "+quote(line))
	}
	reason := ""
	if len(rest) > 4 {
		reason = rest[4:]
	}
	for i := 0; i < len(reason); i++ {
		if !isValueByte(reason[i]) {
			return 0, newError(ErrBadStatusLine, "control byte in reason phrase "+quote(reason))
		}
	}
	code, _ := strconv.Atoi(rest[:3])
	h.StatusCode, h.Reason, h.Version = code, reason, versionString(minor)
	return minor, nil
}

// parseHeaderLine splits "Name: value", checking both parts.
func parseHeaderLine(line string) (Header, *Error) {
	if line[0] == ' ' || line[0] == '\t' {
		return Header{}, newError(ErrBadHeader, "obsolete line folding (a line starting with whitespace): "+quote(line))
	}
	i := 0
	for i < len(line) && tokenChars[line[i]] {
		i++
	}
	if i == len(line) {
		return Header{}, newError(ErrBadHeader, "no colon in "+quote(line))
	}
	if line[i] != ':' {
		if line[i] == ' ' || line[i] == '\t' {
			return Header{}, newError(ErrBadHeader, "whitespace before the colon in "+quote(line))
		}
		return Header{}, newError(ErrBadHeader, "invalid byte "+strconv.QuoteRune(rune(line[i]))+" in header name "+quote(line))
	}
	if i == 0 {
		return Header{}, newError(ErrBadHeader, "empty header name in "+quote(line))
	}
	value := trimSpace(line[i+1:])
	if !validValue(value) {
		return Header{}, newError(ErrBadHeader, "control byte in the value of "+quote(line[:i]))
	}
	return Header{Name: line[:i], Value: value}, nil
}

// parseHeaderBlock parses header lines until the blank line, appending
// them to hs and noting the framing facts. block must end with the blank
// line.
func parseHeaderBlock(block string, hs []Header, f *headFacts) ([]Header, *Error) {
	for {
		var line string
		line, block = splitLine(block)
		if line == "" {
			return hs, nil
		}
		h, err := parseHeaderLine(line)
		if err != nil {
			return hs, err
		}
		hs = append(hs, h)
		if f == nil {
			continue
		}
		switch len(h.Name) {
		case 14:
			if equalFold(h.Name, "content-length") {
				v := parseContentLength(h.Value)
				if v < 0 {
					return hs, newError(ErrBadContentLength, quote(h.Value)+" is not a length")
				}
				if f.contentLength >= 0 && v != f.contentLength {
					return hs, newError(ErrBadContentLength, "two different lengths: "+
						strconv.FormatInt(f.contentLength, 10)+" and "+strconv.FormatInt(v, 10))
				}
				f.contentLength = v
			}
		case 17:
			if equalFold(h.Name, "transfer-encoding") {
				f.te.add(h.Value)
			}
		case 10:
			if equalFold(h.Name, "connection") {
				f.conn.add(h.Value)
			}
		case 7:
			if equalFold(h.Name, "upgrade") && h.Value != "" {
				f.upgradeHeader = true
			}
		}
	}
}

// parseRequestHead parses a complete request head (ending with its blank
// line) into h and decides the body framing.
func parseRequestHead(block string, h *Head) (bodyFraming, *Error) {
	line, rest := splitLine(block)
	minor, err := parseRequestLine(line, h)
	if err != nil {
		return bodyNone, err
	}
	f := headFacts{contentLength: -1}
	if h.Headers, err = parseHeaderBlock(rest, newHeaderSlice(rest), &f); err != nil {
		return bodyNone, err
	}
	h.ContentLength = f.contentLength
	h.KeepAlive = f.conn.keepAliveFor(minor)
	if h.Method == "CONNECT" {
		h.Upgrade = true
		return bodyNone, nil
	}
	h.Upgrade = f.conn.upgrade && f.upgradeHeader
	switch {
	case f.te.present && f.contentLength >= 0:
		return bodyNone, newError(ErrBadTransferEncoding, "both Transfer-Encoding and Content-Length are present")
	case f.te.chunkedTwice:
		return bodyNone, newError(ErrBadTransferEncoding, "chunked is applied twice")
	case f.te.present && !f.te.chunkedLast:
		return bodyNone, newError(ErrBadTransferEncoding, "the final transfer coding of a request must be chunked")
	case f.te.present:
		h.Chunked = true
		return bodyChunked, nil
	case f.contentLength > 0:
		return bodyLength, nil
	}
	return bodyNone, nil
}

// parseResponseHead parses a complete response head into h and decides the
// body framing, given the method of the request it answers.
func parseResponseHead(block string, h *Head, requestMethod string) (bodyFraming, *Error) {
	line, rest := splitLine(block)
	minor, err := parseStatusLine(line, h)
	if err != nil {
		return bodyNone, err
	}
	f := headFacts{contentLength: -1}
	if h.Headers, err = parseHeaderBlock(rest, newHeaderSlice(rest), &f); err != nil {
		return bodyNone, err
	}
	h.ContentLength = f.contentLength
	h.KeepAlive = f.conn.keepAliveFor(minor)
	code := h.StatusCode
	switch {
	case code == 101 || (requestMethod == "CONNECT" && code >= 200 && code < 300):
		h.Upgrade = true
		return bodyNone, nil
	case requestMethod == "HEAD" || code < 200 || code == 204 || code == 304:
		return bodyNone, nil
	case f.te.present:
		if f.contentLength >= 0 {
			// Transfer-Encoding wins over Content-Length, but such a message
			// is suspect: do not reuse the connection.
			h.KeepAlive = false
		}
		if f.te.chunkedLast && !f.te.chunkedTwice {
			h.Chunked = true
			return bodyChunked, nil
		}
		h.KeepAlive = false
		return bodyUntilClose, nil
	case f.contentLength == 0:
		return bodyNone, nil
	case f.contentLength > 0:
		return bodyLength, nil
	}
	h.KeepAlive = false
	return bodyUntilClose, nil
}

// newHeaderSlice allocates a []Header with room for every line of the
// header block, so that parsing it appends without growing.
func newHeaderSlice(block string) []Header {
	n := strings.Count(block, "\n") - 1
	if n <= 0 {
		return nil
	}
	return make([]Header, 0, n)
}

// parseTrailers parses a trailer block (header lines ending with the blank
// line) into a []Header.
func parseTrailers(block string) ([]Header, *Error) {
	hs, err := parseHeaderBlock(block, newHeaderSlice(block), nil)
	if err != nil {
		err.Msg = "in trailers: " + err.Msg
	}
	return hs, err
}
