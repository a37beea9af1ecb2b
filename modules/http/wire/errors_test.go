package wire

import (
	"strings"
	"testing"
)

// badInputs are streams that break HTTP/1.x; each must end in the named
// error, with the status a server answers, whatever the split of the input.
var badInputs = []struct {
	name     string
	response bool
	input    string
	eof      bool
	kind     ErrorKind
	status   int
	msg      string // a piece of the error message
}{
	// request line
	{name: "request line without spaces", input: "GARBAGE\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "no method"},
	{name: "HTTP/0.9 request line", input: "GET /\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "no HTTP version"},
	{name: "lower-case protocol name", input: "GET / http/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "bad HTTP version"},
	{name: "version with trailing space", input: "GET / HTTP/1.1 \r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "bad HTTP version"},
	{name: "version not digits", input: "GET / HTTP/1.x\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "bad HTTP version"},
	{name: "method with a separator", input: "GE(T / HTTP/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "not a token"},
	{name: "request line starting with a space", input: " GET / HTTP/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "no method"},
	{name: "two spaces after the method", input: "GET  / HTTP/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "empty request-target"},
	{name: "control byte in the target", input: "GET /a\x01b HTTP/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "control byte"},
	{name: "NUL in the request line", input: "GET /\x00 HTTP/1.1\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: "control byte"},
	{name: "HTTP/2.0 request", input: "GET / HTTP/2.0\r\n\r\n", kind: ErrUnsupportedVersion, status: 505, msg: "HTTP/2.0"},
	{name: "HTTP/1.2 request", input: "GET / HTTP/1.2\r\n\r\n", kind: ErrUnsupportedVersion, status: 505, msg: "only HTTP/1.0 and HTTP/1.1"},
	{name: "TLS handshake sent to a plain port", input: "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", kind: ErrBadRequestLine, status: 400},

	// headers
	{name: "header without colon", input: "GET / HTTP/1.1\r\nHost localhost\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "whitespace before the colon"},
	{name: "header name only", input: "GET / HTTP/1.1\r\nHost\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "no colon"},
	{name: "space before colon", input: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "whitespace before the colon"},
	{name: "empty header name", input: "GET / HTTP/1.1\r\n: x\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "empty header name"},
	{name: "separator in header name", input: "GET / HTTP/1.1\r\nX@Y: 1\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "invalid byte '@'"},
	{name: "obsolete line folding", input: "GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "line folding"},
	{name: "NUL in header value", input: "GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "control byte"},
	{name: "lone CR in header value", input: "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "control byte"},
	{name: "DEL in header value", input: "GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "control byte"},
	{name: "CR CR LF ending a header line", input: "GET / HTTP/1.1\r\nX: a\r\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "control byte"},

	// Content-Length
	{name: "Content-Length not a number", input: "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n", kind: ErrBadContentLength, status: 400, msg: `"abc" is not a length`},
	{name: "negative Content-Length", input: "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "Content-Length with a plus sign", input: "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "empty Content-Length", input: "POST / HTTP/1.1\r\nContent-Length:\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "Content-Length overflow", input: "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "Content-Length list that disagrees", input: "POST / HTTP/1.1\r\nContent-Length: 5, 6\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "two Content-Length headers that disagree", input: "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", kind: ErrBadContentLength, status: 400, msg: "5 and 6"},

	// Transfer-Encoding
	{name: "Transfer-Encoding and Content-Length together", input: "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", kind: ErrBadTransferEncoding, status: 400, msg: "both"},
	{name: "request Transfer-Encoding without chunked", input: "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", kind: ErrBadTransferEncoding, status: 400, msg: "must be chunked"},
	{name: "request Transfer-Encoding with chunked not last", input: "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", kind: ErrBadTransferEncoding, status: 400},
	{name: "chunked applied twice", input: "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", kind: ErrBadTransferEncoding, status: 400, msg: "twice"},

	// chunked framing
	{name: "chunk size not hex", input: chunkedPOST + "zz\r\n", kind: ErrBadChunk, status: 400, msg: "does not start with a hex digit"},
	{name: "empty chunk size", input: chunkedPOST + "\r\n", kind: ErrBadChunk, status: 400, msg: "does not start with a hex digit"},
	{name: "chunk size followed by junk", input: chunkedPOST + "5x\r\n", kind: ErrBadChunk, status: 400, msg: "after the chunk size"},
	{name: "negative chunk size", input: chunkedPOST + "-5\r\n", kind: ErrBadChunk, status: 400},
	{name: "chunk size overflow", input: chunkedPOST + "fffffffffffffffffff\r\n", kind: ErrBadChunk, status: 400, msg: "too large"},
	{name: "CR without LF in chunk-size line", input: chunkedPOST + "5\rX", kind: ErrBadChunk, status: 400, msg: "CR without LF"},
	{name: "control byte in chunk extension", input: chunkedPOST + "5;a\x00\r\n", kind: ErrBadChunk, status: 400, msg: "extension"},
	{name: "chunk-size line too long", input: chunkedPOST + "5;" + strings.Repeat("e", 16<<10) + "\r\n", kind: ErrBadChunk, status: 400, msg: "longer than"},
	{name: "chunk data longer than its size", input: chunkedPOST + "5\r\nhelloEXTRA\r\n", kind: ErrBadChunk, status: 400, msg: "longer than its size"},
	{name: "CR without LF after chunk data", input: chunkedPOST + "5\r\nhello\rX", kind: ErrBadChunk, status: 400, msg: "CR without LF"},
	{name: "malformed trailer", input: chunkedPOST + "0\r\nnot a trailer\r\n\r\n", kind: ErrBadHeader, status: 400, msg: "in trailers"},
	{name: "trailers too large", input: chunkedPOST + "0\r\nX: " + strings.Repeat("t", 80<<10) + "\r\n\r\n", kind: ErrHeaderTooLarge, status: 431, msg: "trailer block"},

	// size and truncation
	{name: "head larger than 80 KiB", input: "GET / HTTP/1.1\r\nCookie: " + strings.Repeat("c", 80<<10) + "\r\n\r\n", kind: ErrHeaderTooLarge, status: 431, msg: "head exceeds 81920 bytes"},
	{name: "head that never ends", input: "GET / HTTP/1.1\r\n" + strings.Repeat("X: y\r\n", 14000), kind: ErrHeaderTooLarge, status: 431},
	{name: "input ends inside the head", input: "GET / HTTP/1.1\r\nHost: x\r\n", eof: true, kind: ErrIncomplete, status: 400, msg: "inside the head"},
	{name: "input ends inside a Content-Length body", input: "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", eof: true, kind: ErrIncomplete, status: 400, msg: "7 bytes short of Content-Length 10"},
	{name: "input ends inside a chunk", input: chunkedPOST + "a\r\nabc", eof: true, kind: ErrIncomplete, status: 400, msg: "short of the end of a chunk"},
	{name: "input ends inside the chunk framing", input: chunkedPOST + "a\r\n0123456789\r", eof: true, kind: ErrIncomplete, status: 400, msg: "chunked framing"},
	{name: "input ends inside the trailers", input: chunkedPOST + "0\r\nX: 1\r\n", eof: true, kind: ErrIncomplete, status: 400, msg: "inside the trailers"},
	{name: "body longer than Content-Length is a malformed next request", input: "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcdef\r\n\r\n", kind: ErrBadRequestLine, status: 400, msg: `"def"`},

	// responses
	{name: "status code not digits", response: true, input: "HTTP/1.1 abc OK\r\n\r\n", kind: ErrBadStatusLine, status: 400, msg: "not 3 digits"},
	{name: "status code of two digits", response: true, input: "HTTP/1.1 20 OK\r\n\r\n", kind: ErrBadStatusLine, status: 400},
	{name: "status code of four digits", response: true, input: "HTTP/1.1 2000 OK\r\n\r\n", kind: ErrBadStatusLine, status: 400},
	{name: "status code below 100", response: true, input: "HTTP/1.1 099 Odd\r\n\r\n", kind: ErrBadStatusLine, status: 400},
	{name: "status line without status", response: true, input: "HTTP/1.1\r\n\r\n", kind: ErrBadStatusLine, status: 400, msg: "no status code"},
	{name: "misspelt protocol in status line", response: true, input: "HTP/1.1 200 OK\r\n\r\n", kind: ErrBadStatusLine, status: 400, msg: "bad HTTP version"},
	{name: "control byte in reason phrase", response: true, input: "HTTP/1.1 200 O\x00K\r\n\r\n", kind: ErrBadStatusLine, status: 400, msg: "reason phrase"},
	{name: "HTTP/2.0 status line", response: true, input: "HTTP/2.0 200 OK\r\n\r\n", kind: ErrUnsupportedVersion, status: 505},
	{name: "bad header in a response", response: true, input: "HTTP/1.1 200 OK\r\nBad Header: 1\r\n\r\n", kind: ErrBadHeader, status: 400},
	{name: "bad Content-Length in a response", response: true, input: "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", kind: ErrBadContentLength, status: 400},
	{name: "bad chunk in a response", response: true, input: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nq\r\n", kind: ErrBadChunk, status: 400},
	{name: "response cut short", response: true, input: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", eof: true, kind: ErrIncomplete, status: 400, msg: "3 bytes short"},
}

// chunkedPOST is a request head announcing a chunked body.
const chunkedPOST = "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"

func TestBadInput(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			for _, sizes := range splits {
				p := NewRequestParser(Limits{})
				if tc.response {
					p = NewResponseParser(Limits{})
				}
				got := run(t, p, "GET", []byte(tc.input), sizes, tc.eof)
				e := got.Err
				if e == nil {
					t.Fatalf("pieces %v: no error; %s", sizes, got)
				}
				if e.Kind != tc.kind || e.Status != tc.status || !strings.Contains(e.Error(), tc.msg) {
					t.Fatalf("pieces %v: got %v (kind %d, status %d), want kind %v, status %d, message containing %q",
						sizes, e, e.Kind, e.Status, tc.kind, tc.status, tc.msg)
				}
				if !strings.HasPrefix(e.Error(), "http: "+tc.kind.String()+": ") {
					t.Fatalf("message %q does not name the kind", e.Error())
				}
				// An error is final: the parser repeats it.
				if _, n, again := p.Next([]byte("GET / HTTP/1.1\r\n\r\n")); again != error(e) || n != 0 {
					t.Fatalf("after the error Next returned %v using %d bytes", again, n)
				}
				if _, again := p.Finish(); again != error(e) {
					t.Fatalf("after the error Finish returned %v", again)
				}
			}
		})
	}
}

func TestErrorKindNames(t *testing.T) {
	for k := ErrBadRequestLine; k <= ErrMisuse; k++ {
		if s := k.String(); strings.HasPrefix(s, "error kind") {
			t.Errorf("kind %d has no name", k)
		}
	}
	if got := ErrorKind(200).String(); got != "error kind 200" {
		t.Errorf("unknown kind: %q", got)
	}
}
