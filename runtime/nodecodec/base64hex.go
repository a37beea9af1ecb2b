package nodecodec

import (
	"encoding/base64"
	"encoding/hex"
	"unsafe"
)

// unbase64 maps a character of either base64 alphabet (standard or URL) to its value; 0xFF
// marks the others.
var unbase64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'], t['_'] = 62, 63
	return t
}()

// DecodeBase64 decodes base64 or base64url text leniently, as Node does: characters of
// neither alphabet (whitespace, anything else) are skipped, the first '=' ends the data, and a
// last group of two or three characters gives one or two bytes (one character gives none).
func DecodeBase64(s string) []byte {
	if out, ok := decodeStrict(s); ok {
		return out
	}
	out := make([]byte, 0, len(s)/4*3+3)
	var acc uint32
	n := 0
	i := 0
	// Fast path: whole groups of four valid characters.
	for ; i+4 <= len(s); i += 4 {
		a, b, c, d := unbase64[s[i]], unbase64[s[i+1]], unbase64[s[i+2]], unbase64[s[i+3]]
		if a|b|c|d >= 64 {
			break
		}
		v := uint32(a)<<18 | uint32(b)<<12 | uint32(c)<<6 | uint32(d)
		out = append(out, byte(v>>16), byte(v>>8), byte(v))
	}
	for ; i < len(s); i++ {
		ch := s[i]
		if ch == '=' {
			break
		}
		v := unbase64[ch]
		if v >= 64 {
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

// decodeStrict is the fast path of DecodeBase64: text that one of Go's strict decoders
// (standard or URL alphabet, padded or not) takes whole decodes the same under Node's rules.
func decodeStrict(s string) ([]byte, bool) {
	if len(s) == 0 {
		return []byte{}, true
	}
	src := unsafe.Slice(unsafe.StringData(s), len(s))
	enc := base64.StdEncoding
	for _, c := range src[:min(len(src), 64)] {
		if c == '-' || c == '_' {
			enc = base64.URLEncoding
			break
		}
	}
	if len(s)%4 != 0 {
		enc = enc.WithPadding(base64.NoPadding)
	}
	out := make([]byte, enc.DecodedLen(len(s)))
	n, ok := decodeParallel(enc, out, src)
	if !ok {
		return nil, false
	}
	return out[:n], true
}

// EncodeBase64 is b in base64 with padding, or in base64url without it.
func EncodeBase64(b []byte, url bool) string {
	enc := base64.StdEncoding
	if url {
		enc = base64.RawURLEncoding
	}
	if len(b) == 0 {
		return ""
	}
	buf := make([]byte, enc.EncodedLen(len(b)))
	encodeParallel(enc, buf, b)
	return unsafe.String(&buf[0], len(buf))
}

// DecodeHex decodes pairs of hex digits up to the first pair that is not one, as Node does
// ("abz1" gives one byte, a last odd digit is ignored).
func DecodeHex(s string) []byte {
	out := make([]byte, len(s)/2)
	if _, err := hex.Decode(out, unsafe.Slice(unsafe.StringData(s), len(out)*2)); err == nil {
		return out
	}
	for i := range out {
		hi, lo := fromHex(s[2*i]), fromHex(s[2*i+1])
		if hi > 15 || lo > 15 {
			return out[:i]
		}
		out[i] = hi<<4 | lo
	}
	return out
}

func fromHex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0xFF
}

// EncodeHex is b as lower-case hex digits.
func EncodeHex(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	buf := make([]byte, hex.EncodedLen(len(b)))
	hex.Encode(buf, b)
	return unsafe.String(&buf[0], len(buf))
}
