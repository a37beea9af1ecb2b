package wire

// This file turns hex and base64 strings into bytes exactly as Node 20's
// Buffer.from(string, 'hex' | 'base64' | 'base64url') does, lenient parts
// included. Node reads each UTF-16 code unit of the string through its low
// byte.

// unhex maps a byte to its hex digit value, or 0xff.
var unhex = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c-'a') + 10
		t[c-'a'+'A'] = byte(c-'a') + 10
	}
	return t
}()

// appendHexDecoded appends the bytes of hex digit pairs, stopping at the
// first pair that is not one; the buffer Node allocates holds len/2 bytes.
func appendHexDecoded(dst []byte, units []uint16) []byte {
	for i := 0; i+1 < len(units); i += 2 {
		a, b := unhex[byte(units[i])], unhex[byte(units[i+1])]
		if a == 0xff || b == 0xff {
			break
		}
		dst = append(dst, a<<4|b)
	}
	return dst
}

// unbase64 maps a byte to its value in either base64 alphabet, or 0xff.
var unbase64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'] = 62
	t['_'] = 63
	return t
}()

// appendBase64Decoded appends the bytes of a base64 or base64url string the
// way Node decodes it: groups of four valid characters at a time; where a
// group holds something else it goes character by character, skipping
// invalid ones, and stops at '=' or at the end of the string. The output is
// capped by the size Node allocates from the string's length.
func appendBase64Decoded(dst []byte, src []uint16) []byte {
	capacity := base64AllocSize(src)
	start := len(dst)
	n := len(src)
	available := min(capacity, base64DecodedSize(src))
	maxK := available / 3 * 3
	maxI := n / 4 * 4
	i, k := 0, 0
	put := func(b byte) { dst = append(dst, b); k++ }
	for i < maxI && k < maxK {
		a, b, c, d := unbase64[byte(src[i])], unbase64[byte(src[i+1])], unbase64[byte(src[i+2])], unbase64[byte(src[i+3])]
		if (a|b|c|d)&0x80 != 0 {
			var more bool
			i, more = base64SlowGroup(src, i, &k, capacity, put)
			if !more {
				return dst[:start+k]
			}
			maxI = i + (n-i)/4*4
			continue
		}
		put(a<<2 | b>>4)
		put(b<<4 | c>>2)
		put(c<<6 | d)
		i += 4
	}
	if i < n && k < capacity {
		base64SlowGroup(src, i, &k, capacity, put)
	}
	return dst[:start+k]
}

// base64SlowGroup decodes up to one group of four valid characters from
// src[i:], skipping invalid ones. It returns the new position and whether
// decoding goes on (false at '=', at the end of src or when the output is
// full).
func base64SlowGroup(src []uint16, i int, k *int, capacity int, put func(byte)) (int, bool) {
	var hi, lo byte
	// next finds the next valid character; false means stop decoding.
	next := func() bool {
		for {
			c := byte(src[i])
			lo = unbase64[c]
			i++
			if lo < 64 {
				return true
			}
			if c == '=' || i >= len(src) {
				return false
			}
		}
	}
	// after runs the checks Node makes after each character.
	after := func() bool { return i < len(src) && *k < capacity }
	if !next() {
		return i, false
	}
	if !after() {
		return i, false
	}
	hi = lo
	if !next() {
		return i, false
	}
	put(hi<<2 | lo>>4)
	if !after() {
		return i, false
	}
	hi = lo
	if !next() {
		return i, false
	}
	put(hi<<4 | lo>>2)
	if !after() {
		return i, false
	}
	hi = lo
	if !next() {
		return i, false
	}
	put(hi<<6 | lo)
	return i, after()
}

// base64AllocSize is the buffer size Buffer.from allocates for a base64
// string: three quarters of its length after up to two trailing '='.
func base64AllocSize(src []uint16) int {
	n := len(src)
	if n > 0 && src[n-1] == '=' {
		n--
	}
	if n > 1 && src[n-1] == '=' {
		n--
	}
	return n * 3 >> 2
}

// base64DecodedSize is the size Node's decoder expects from the string's
// length after up to two trailing '='.
func base64DecodedSize(src []uint16) int {
	n := len(src)
	if n < 2 {
		return 0
	}
	if src[n-1] == '=' {
		n--
		if src[n-1] == '=' {
			n--
		}
	}
	if n <= 1 {
		return 0
	}
	return n/4*3 + (n%4+1)/2
}
