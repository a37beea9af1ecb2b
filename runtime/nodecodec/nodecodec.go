// Package nodecodec converts between strings and bytes by Node's Buffer encodings: utf8,
// utf16le (ucs2), latin1 (binary), ascii, base64, base64url and hex. Results equal Node 20's,
// including its lenient decoding of base64 and hex and its WHATWG replacement of bad UTF-8
// (docs/modern-buffer-and-modules.md). The package has no JavaScript engine in it: strings are
// Go strings (UTF-8) or UTF-16 code units.
package nodecodec

import "strings"

// Encoding is one of Node's Buffer encodings.
type Encoding uint8

// The encodings, by their canonical Node names.
const (
	UTF8 Encoding = iota
	UTF16LE
	Latin1
	ASCII
	Base64
	Base64URL
	Hex
)

var names = [...]string{"utf8", "utf16le", "latin1", "ascii", "base64", "base64url", "hex"}

// String returns the encoding's canonical name ("utf8", "utf16le", ...).
func (e Encoding) String() string {
	if int(e) < len(names) {
		return names[e]
	}
	return "unknown"
}

// Lookup reads an encoding name as Node does, case-insensitively, with its aliases (utf-8,
// ucs2, ucs-2, utf-16le, binary).
func Lookup(name string) (Encoding, bool) {
	switch name {
	case "utf8", "utf-8":
		return UTF8, true
	case "hex":
		return Hex, true
	case "base64":
		return Base64, true
	}
	switch strings.ToLower(name) {
	case "utf8", "utf-8":
		return UTF8, true
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return UTF16LE, true
	case "latin1", "binary":
		return Latin1, true
	case "ascii":
		return ASCII, true
	case "base64":
		return Base64, true
	case "base64url":
		return Base64URL, true
	case "hex":
		return Hex, true
	}
	return 0, false
}

// OneBytePerUnit reports whether the encoding writes one byte per UTF-16 code unit of the
// string (latin1, ascii): such strings are best handed over as code units.
func (e Encoding) OneBytePerUnit() bool { return e == Latin1 || e == ASCII }

// FromUnits encodes a string given as UTF-16 code units. base64 and hex read the low byte of
// each unit, as Node does (so a character beyond latin1 may end base64 data); utf8 first makes
// the units UTF-8 (lone surrogates as U+FFFD).
func FromUnits(e Encoding, units []uint16) []byte {
	switch e {
	case Base64, Base64URL, Hex:
		return FromString(e, string(FromUnits(Latin1, units)))
	case Latin1, ASCII:
		b := make([]byte, len(units))
		for i, u := range units {
			b[i] = byte(u)
		}
		return b
	case UTF16LE:
		b := make([]byte, 2*len(units))
		for i, u := range units {
			b[2*i], b[2*i+1] = byte(u), byte(u>>8)
		}
		return b
	}
	return FromString(e, unitsToUTF8(units))
}

// FromString encodes s (UTF-8) as Buffer.from(s, e) does.
func FromString(e Encoding, s string) []byte {
	switch e {
	case UTF8:
		return []byte(s)
	case Base64, Base64URL:
		return DecodeBase64(s)
	case Hex:
		return DecodeHex(s)
	}
	return FromUnits(e, utf8ToUnits(s))
}

// ByteLength is Buffer.byteLength(s, e) for s given as UTF-8 and its length in UTF-16 code
// units. For base64 it is Node's estimate from the length and the padding, not the decoded size.
func ByteLength(e Encoding, s string, units int) int {
	switch e {
	case UTF8:
		return len(s)
	case UTF16LE:
		return 2 * units
	case Latin1, ASCII:
		return units
	case Hex:
		return units >> 1
	}
	n := units
	if n > 0 && len(s) > 0 && s[len(s)-1] == '=' {
		n--
		if n > 1 && len(s) > 1 && s[len(s)-2] == '=' {
			n--
		}
	}
	return (n * 3) >> 2
}

// ToString decodes b as buf.toString(e) does, into UTF-8. For utf16le a lone surrogate becomes
// U+FFFD here; ToUnits keeps it.
func ToString(e Encoding, b []byte) string {
	switch e {
	case UTF8:
		return DecodeUTF8(b)
	case Latin1:
		return latin1String(b, 0xFF)
	case ASCII:
		return latin1String(b, 0x7F)
	case Base64:
		return EncodeBase64(b, false)
	case Base64URL:
		return EncodeBase64(b, true)
	case Hex:
		return EncodeHex(b)
	}
	return unitsToUTF8(ToUnits(b))
}

// ToUnits is the UTF-16 code units buf.toString("utf16le") makes: a last odd byte is dropped.
func ToUnits(b []byte) []uint16 {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return u
}

// latin1String is one character per byte, each byte masked first (0x7F for ascii).
func latin1String(b []byte, mask byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		c &= mask
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteByte(0xC0 | c>>6)
			sb.WriteByte(0x80 | c&0x3F)
		}
	}
	return sb.String()
}

// FromStringNamed is Buffer.from(s, name) for an encoding name as Node reads it, with utf8
// for a name it does not know (as Node's fs and crypto write such strings).
func FromStringNamed(s, name string) []byte {
	e, ok := Lookup(name)
	if !ok {
		e = UTF8
	}
	return FromString(e, s)
}
