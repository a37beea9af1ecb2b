package wire

import (
	"bytes"

	"earlynode/modules/internal/ipc/jsonframe"
)

// The largest UDP payloads: what one emit over udp4 or udp6 can send in a
// single datagram (node-ipc sends each message as one datagram and Node
// fails larger ones with EMSGSIZE).
const (
	MaxUDP4Payload = 65507
	MaxUDP6Payload = 65527
)

// DecodeDatagram appends to dst the messages of one received UDP datagram in
// JSON mode and returns the extended slice. node-ipc parses every datagram
// on its own: one that does not end with the delimiter (DefaultDelimiter when
// empty) is ignored entirely, even the complete messages in it; otherwise each
// delimited text is one message, a text that is not JSON a Message with Err
// set. The messages alias datagram unless its bytes had to be made
// well-formed UTF-8.
func DecodeDatagram(dst []Message, datagram []byte, delimiter string) []Message {
	if delimiter == "" {
		delimiter = DefaultDelimiter
	}
	delim := []byte(delimiter)
	if !bytes.HasSuffix(datagram, delim) {
		return dst
	}
	for rest := datagram; len(rest) > 0; {
		i := bytes.Index(rest, delim)
		dst = append(dst, ParseMessage(rest[:i]))
		rest = rest[i+len(delim):]
	}
	return dst
}

// RawDatagram appends to dst the buffer node-ipc publishes with 'data' for a
// UDP datagram received in rawBuffer mode: the datagram is read as UTF-8 text
// whatever the encoding (the code tests a config key that does not exist),
// then turned back into bytes with Buffer.from(text, encoding). So with
// 'hex' the datagram must carry hex digits, and with 'utf8' ill-formed bytes
// become U+FFFD.
func RawDatagram(dst, datagram []byte, enc Encoding) []byte {
	text := jsonframe.AppendWellFormedUTF8(nil, datagram)
	return EncodeString(dst, string(text), enc)
}
