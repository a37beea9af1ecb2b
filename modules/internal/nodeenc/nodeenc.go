// Package nodeenc turns JavaScript strings into bytes by Node's encoding names, as Node's
// Buffer.from(string, encoding) does, for the core modules that take strings with an encoding
// (fs writes, crypto updates). A pure codec: no JavaScript engine.
package nodeenc

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"unicode/utf16"
)

// Encode is Buffer.from(s, enc) for Node's encoding names in lower case (utf8 for the names it
// does not know, as Node writes): hex stops at the first pair that is not hex; base64 and
// base64url take both alphabets, skip other characters and stop at '='; latin1, binary and
// ascii keep the low byte of each UTF-16 unit; ucs2 and utf16le are UTF-16LE.
func Encode(s, enc string) []byte {
	switch enc {
	case "hex":
		n := len(s) / 2
		b := make([]byte, 0, n)
		for i := 0; i+1 < len(s); i += 2 {
			x, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			b = append(b, x[0])
		}
		return b
	case "base64", "base64url":
		// As Node: characters outside both alphabets are skipped, the first '=' ends the data.
		t := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '=':
				i = len(s)
				continue
			case c == '-':
				c = '+'
			case c == '_':
				c = '/'
			case !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'):
				continue
			}
			t = append(t, c)
		}
		if len(t)%4 == 1 {
			t = t[:len(t)-1]
		}
		b, err := base64.RawStdEncoding.DecodeString(string(t))
		if err != nil {
			return nil
		}
		return b
	case "latin1", "binary", "ascii":
		u := utf16.Encode([]rune(s))
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		u := utf16.Encode([]rune(s))
		b := make([]byte, 2*len(u))
		for i, c := range u {
			binary.LittleEndian.PutUint16(b[2*i:], c)
		}
		return b
	}
	return []byte(s)
}
