package wire

import (
	"encoding/json"

	"earlynode/modules/internal/ipc/jsonframe"
)

// DefaultDelimiter is node-ipc's default config.delimiter, form feed. JSON
// text writes a form feed inside a string as \f, so it never occurs raw
// inside a message.
const DefaultDelimiter = "\f"

// AppendMessage appends one framed JSON-mode message to dst: the bytes
// node-ipc writes for emit(type, data), that is
// JSON.stringify({type, data}) followed by delimiter. The type is written as
// JSON.stringify writes a string (no HTML escaping, U+2028 and U+2029 left
// alone).
//
// data is the JSON.stringify text of the data after node-ipc's own rule,
// which the JavaScript side applies before stringifying: data that is falsy
// but neither false nor 0 (undefined, null, "", NaN) becomes {}, and so does
// data whose _maxListeners property is truthy (an EventEmitter). nil data
// (JSON.stringify gave undefined, as for a function) leaves the "data" member
// out, as JSON.stringify does.
func AppendMessage(dst []byte, typ string, data json.RawMessage, delimiter string) []byte {
	dst = append(dst, `{"type":`...)
	dst = jsonframe.AppendString(dst, typ)
	return appendDataMember(dst, data, true, delimiter)
}

// AppendMessageJSON is AppendMessage for a type that is already JSON text:
// JSON.stringify(type) from the JavaScript side, which also covers types
// that are not strings or hold lone surrogates. nil typeJSON or dataJSON
// (undefined) leaves that member out.
func AppendMessageJSON(dst []byte, typeJSON, dataJSON json.RawMessage, delimiter string) []byte {
	dst = append(dst, '{')
	if typeJSON != nil {
		dst = append(dst, `"type":`...)
		dst = append(dst, typeJSON...)
	}
	return appendDataMember(dst, dataJSON, typeJSON != nil, delimiter)
}

// appendDataMember closes a message whose type member (if any) is written:
// the data member unless nil, '}' and the delimiter.
func appendDataMember(dst []byte, data json.RawMessage, afterType bool, delimiter string) []byte {
	if data != nil {
		if afterType {
			dst = append(dst, ',')
		}
		dst = append(dst, `"data":`...)
		dst = append(dst, data...)
	}
	dst = append(dst, '}')
	return append(dst, delimiter...)
}
