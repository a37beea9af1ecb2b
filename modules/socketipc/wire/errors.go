package wire

import "earlynode/modules/internal/ipc/jsonframe"

// ErrFrameTooLarge is wrapped by the error Decode returns for a message
// longer than the decoder's limit. The real library has no limit.
var ErrFrameTooLarge = jsonframe.ErrFrameTooLarge

// DecodeError is the library's DecodeError: a received message whose text is
// not JSON. The real library emits it as an 'error' event and destroys the
// socket (in 0.4.0 its constructor throws a ReferenceError instead, which
// kills the process).
type DecodeError struct {
	// RawData is the message text that failed, delimiter excluded, as the
	// library's rawData holds it (well-formed UTF-8).
	RawData []byte
	// Cause says what JSON.parse would have tripped on.
	Cause error
}

// Error returns the library's message: "Failed to decode, caused by: " and
// the cause.
func (e *DecodeError) Error() string {
	return "Failed to decode, caused by: " + e.Cause.Error()
}

// Unwrap returns the cause, a *jsonframe.SyntaxError.
func (e *DecodeError) Unwrap() error { return e.Cause }
