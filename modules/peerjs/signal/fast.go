package signal

import (
	"earlynode/modules/internal/ipc/jsonframe"

	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// A relaying server decodes every message it passes on, so the common frame (a JSON object
// whose keys and id strings need no unescaping) takes a path without encoding/json's map and
// reflection: decodeFast. It answers only when its result is certainly decodeSlow's (the
// fuzz target compares them); anything unusual, and every error, goes to decodeSlow.

// decodeFast decodes a valid JSON object frame whose member names have no escapes and whose
// type, src and dst are plain strings or null/absent. ok is false when it cannot tell.
func decodeFast(frame []byte) (m Message, ok bool) {
	b := bytes.TrimLeft(frame, " \t\r\n")
	if len(b) == 0 || b[0] != '{' || !validJSON(b) {
		return m, false
	}
	var typ, src, dst, payload []byte
	i := skipSpace(b, 1)
	if i < len(b) && b[i] == '}' {
		return m, false // no type: decodeSlow words the error
	}
	for i < len(b) {
		// b is valid JSON: a member is "name" ws : ws value, then , or }.
		if b[i] != '"' {
			return m, false
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				return m, false
			}
			end++
		}
		name := b[i+1 : end]
		i = skipSpace(b, end+1) + 1 // the colon
		i = skipSpace(b, i)
		vend := skipValue(b, i)
		value := b[i:vend]
		switch string(name) {
		case "type":
			typ = value
		case "src":
			src = value
		case "dst":
			dst = value
		case "payload":
			payload = value
		}
		i = skipSpace(b, vend)
		if i >= len(b) || b[i] == '}' {
			break
		}
		i = skipSpace(b, i+1) // after the comma
	}
	var good bool
	if m.Type, good = plainString(typ, true); !good {
		return m, false
	}
	if m.Src, good = plainString(src, false); !good {
		return m, false
	}
	if m.Dst, good = plainString(dst, false); !good {
		return m, false
	}
	if len(payload) > 0 {
		if !compact(payload) {
			var buf bytes.Buffer
			if json.Compact(&buf, payload) != nil {
				return m, false
			}
			m.Payload = buf.Bytes()
		} else {
			m.Payload = append(json.RawMessage(nil), payload...)
		}
	}
	return m, true
}

// validJSON reports whether b is one JSON value with only whitespace around it, as
// jsonframe.Validate reads it (JSON.parse's grammar, well-formed UTF-8): never looser than
// json.Valid, so false only sends the frame to decodeSlow, which decides.
func validJSON(b []byte) bool { return jsonframe.Validate(b) == nil }

// plainString returns the string a JSON value holds when it is a string without escapes, in
// valid UTF-8, no longer than MaxIDLength; or "" for null or absence unless required.
func plainString(v []byte, required bool) (string, bool) {
	if len(v) == 0 || string(v) == "null" {
		return "", !required
	}
	if v[0] != '"' || len(v) < 2 {
		return "", false
	}
	s := v[1 : len(v)-1]
	if len(s) > MaxIDLength || bytes.IndexByte(s, '\\') >= 0 || !utf8.Valid(s) {
		return "", false
	}
	return string(s), true
}

// skipSpace returns the index of the first byte at or after i that is not JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value that starts at i in valid JSON b.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	// A number, true, false or null: up to the next delimiter.
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// skipString returns the end of the JSON string that starts at i.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// compact reports whether valid JSON v has no whitespace outside its strings (json.Compact
// would leave it as it is).
func compact(v []byte) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			i = skipString(v, i) - 1
		case ' ', '\t', '\n', '\r':
			return false
		}
	}
	return true
}

// plainASCII reports whether s can be written between quotes as it is: printable ASCII
// without a quote or a backslash.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
