package wire

import (
	"strconv"
)

// ErrorKind names the rule of HTTP/1.x that a message broke.
type ErrorKind uint8

// The kinds of Error a Parser reports.
const (
	ErrBadRequestLine      ErrorKind = iota + 1 // the request line is not METHOD SP target SP HTTP/x.y
	ErrBadStatusLine                            // the status line is not HTTP/x.y SP 3DIGIT [SP reason]
	ErrUnsupportedVersion                       // a well-formed version other than 1.0 and 1.1
	ErrBadHeader                                // a header line is malformed
	ErrHeaderTooLarge                           // the head or the trailers exceed Limits.MaxHeaderBytes
	ErrBadContentLength                         // Content-Length is not a number, or two disagree
	ErrBadTransferEncoding                      // the body length cannot be known from Transfer-Encoding
	ErrBadChunk                                 // a chunk-size line or a chunk's end is malformed
	ErrIncomplete                               // the input ended inside a message
	ErrMisuse                                   // the Parser was used after Finish
)

var errorKindNames = [...]string{
	ErrBadRequestLine:      "bad request line",
	ErrBadStatusLine:       "bad status line",
	ErrUnsupportedVersion:  "unsupported HTTP version",
	ErrBadHeader:           "bad header",
	ErrHeaderTooLarge:      "header block too large",
	ErrBadContentLength:    "bad Content-Length",
	ErrBadTransferEncoding: "bad Transfer-Encoding",
	ErrBadChunk:            "bad chunk",
	ErrIncomplete:          "incomplete message",
	ErrMisuse:              "parser misuse",
}

// String returns the kind's name, such as "bad request line".
func (k ErrorKind) String() string {
	if int(k) < len(errorKindNames) && errorKindNames[k] != "" {
		return errorKindNames[k]
	}
	return "error kind " + strconv.Itoa(int(k))
}

// Error is a message that breaks HTTP/1.x. Status is what a server answers
// before closing the connection: 400 Bad Request, 431 Request Header Fields
// Too Large, or 505 HTTP Version Not Supported. A client treats any Error on
// a response as a failed request.
type Error struct {
	Kind   ErrorKind // which rule was broken
	Status int       // the status to answer: 400, 431 or 505
	Msg    string    // what exactly failed, quoting a short piece of the input
}

// Error returns "http: <kind>: <message>".
func (e *Error) Error() string {
	return "http: " + e.Kind.String() + ": " + e.Msg
}

// statusForKind is the status a server answers for each kind.
func statusForKind(k ErrorKind) int {
	switch k {
	case ErrHeaderTooLarge:
		return 431
	case ErrUnsupportedVersion:
		return 505
	}
	return 400
}

// newError makes an *Error of kind k with a message.
func newError(k ErrorKind, msg string) *Error {
	return &Error{Kind: k, Status: statusForKind(k), Msg: msg}
}

// quote renders a short, printable excerpt of untrusted input for an error
// message.
func quote(s string) string {
	const max = 40
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}
