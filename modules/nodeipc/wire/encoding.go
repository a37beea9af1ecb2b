package wire

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Encoding is a Node buffer encoding, node-ipc's config.encoding: it decides
// how rawBuffer strings become bytes and how received bytes are read.
type Encoding uint8

// The encodings Node 20 knows, under their canonical names.
const (
	UTF8      Encoding = iota // "utf8", also "utf-8"
	UTF16LE                   // "utf16le", also "utf-16le", "ucs2", "ucs-2"
	Latin1                    // "latin1", also "binary"
	ASCII                     // "ascii"
	Base64                    // "base64"
	Base64URL                 // "base64url"
	Hex                       // "hex"
)

// encodingNames are the canonical names, indexed by Encoding.
var encodingNames = [...]string{UTF8: "utf8", UTF16LE: "utf16le", Latin1: "latin1", ASCII: "ascii", Base64: "base64", Base64URL: "base64url", Hex: "hex"}

// String returns the canonical Node name of the encoding.
func (e Encoding) String() string {
	if int(e) < len(encodingNames) {
		return encodingNames[e]
	}
	return fmt.Sprintf("Encoding(%d)", e)
}

// ParseEncoding reads an encoding name as Node does, ignoring case:
// utf8/utf-8, utf16le/utf-16le/ucs2/ucs-2, latin1/binary, ascii, base64,
// base64url, hex. Other names fail with Node's message
// "Unknown encoding: <name>".
func ParseEncoding(name string) (Encoding, error) {
	switch strings.ToLower(name) {
	case "utf8", "utf-8":
		return UTF8, nil
	case "utf16le", "utf-16le", "ucs2", "ucs-2":
		return UTF16LE, nil
	case "latin1", "binary":
		return Latin1, nil
	case "ascii":
		return ASCII, nil
	case "base64":
		return Base64, nil
	case "base64url":
		return Base64URL, nil
	case "hex":
		return Hex, nil
	}
	return 0, fmt.Errorf("Unknown encoding: %s", name)
}

// EncodeString appends Buffer.from(s, enc) to dst: what node-ipc writes in
// rawBuffer mode for emit(s).
//
//   - utf8: the UTF-8 bytes.
//   - utf16le: each UTF-16 code unit, little-endian.
//   - latin1, ascii: the low byte of each UTF-16 code unit.
//   - hex: pairs of hex digits up to the first pair that is not one (so
//     "hello" gives no bytes); an odd last digit is ignored.
//   - base64, base64url: both alphabets accepted, other characters skipped,
//     decoding stops at the first '='.
//
// Where Node looks at a UTF-16 code unit through its low byte only (hex,
// base64), so does EncodeString ("\u0141" counts as 'A'). s is taken as a
// JavaScript string would hold it; a byte that is not valid UTF-8 stands for
// U+FFFD.
func EncodeString(dst []byte, s string, enc Encoding) []byte {
	switch enc {
	case UTF8:
		if utf8.ValidString(s) {
			return append(dst, s...)
		}
		for _, r := range s {
			dst = utf8.AppendRune(dst, r)
		}
		return dst
	case UTF16LE:
		return appendUnits(dst, s, func(dst []byte, u uint16) []byte { return append(dst, byte(u), byte(u>>8)) })
	case Latin1, ASCII:
		return appendUnits(dst, s, func(dst []byte, u uint16) []byte { return append(dst, byte(u)) })
	case Hex:
		return appendHexDecoded(dst, codeUnits(s))
	case Base64, Base64URL:
		return appendBase64Decoded(dst, codeUnits(s))
	}
	return dst
}

// appendUnits calls put for every UTF-16 code unit of s.
func appendUnits(dst []byte, s string, put func([]byte, uint16) []byte) []byte {
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			dst = put(dst, uint16(0xd800+(r>>10)))
			dst = put(dst, uint16(0xdc00+(r&0x3ff)))
			continue
		}
		dst = put(dst, uint16(r))
	}
	return dst
}

// codeUnits returns the UTF-16 code units of s.
func codeUnits(s string) []uint16 {
	units := make([]uint16, 0, len(s))
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			units = append(units, uint16(0xd800+(r>>10)), uint16(0xdc00+(r&0x3ff)))
			continue
		}
		units = append(units, uint16(r))
	}
	return units
}
