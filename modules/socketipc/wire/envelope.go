package wire

import (
	"encoding/json"

	"earlynode/modules/internal/ipc/jsonframe"
)

// Delimiter ends every message on the wire: two NUL bytes. JSON text never
// holds a raw NUL (JSON.stringify writes it as \u0000), so it cannot occur
// inside a message.
const Delimiter = "\x00\x00"

// AppendEnvelope appends one framed message to dst: the bytes the real
// library writes for send(topic, message) or broadcast(topic, message), that
// is JSON.stringify({topic, message}) followed by Delimiter. The topic is
// written as JSON.stringify writes a string (no HTML escaping, U+2028 and
// U+2029 left alone). message is the JSON.stringify text of the message,
// copied as it is; nil means undefined, and the "message" member is left out
// as JSON.stringify leaves it out.
func AppendEnvelope(dst []byte, topic string, message json.RawMessage) []byte {
	dst = append(dst, `{"topic":`...)
	dst = jsonframe.AppendString(dst, topic)
	return appendMessageMember(dst, message, true)
}

// AppendEnvelopeJSON is AppendEnvelope for a topic that is already JSON text:
// JSON.stringify(topic) from the JavaScript side, which also covers topics
// that are not strings or hold lone surrogates. nil topicJSON or messageJSON
// (undefined) leaves that member out.
func AppendEnvelopeJSON(dst []byte, topicJSON, messageJSON json.RawMessage) []byte {
	dst = append(dst, '{')
	if topicJSON != nil {
		dst = append(dst, `"topic":`...)
		dst = append(dst, topicJSON...)
	}
	return appendMessageMember(dst, messageJSON, topicJSON != nil)
}

// appendMessageMember closes an envelope whose topic member (if any) is
// written: the message member unless nil, '}' and the delimiter.
func appendMessageMember(dst []byte, message json.RawMessage, afterTopic bool) []byte {
	if message != nil {
		if afterTopic {
			dst = append(dst, ',')
		}
		dst = append(dst, `"message":`...)
		dst = append(dst, message...)
	}
	return append(dst, '}', 0, 0)
}
