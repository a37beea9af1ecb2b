package wire

// Header is one header field as it appears on the wire: the name in its
// original case and the value with surrounding spaces removed. Message heads
// carry them as an ordered []Header, duplicates included.
type Header struct {
	Name  string // as sent, e.g. "Content-Type"
	Value string // without leading and trailing spaces or tabs
}

// tokenChars marks the bytes allowed in a token (RFC 9110 §5.6.2): header
// names, methods and transfer codings.
var tokenChars = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

// isToken reports whether s is a non-empty token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !tokenChars[s[i]] {
			return false
		}
	}
	return true
}

// valueChars marks the bytes allowed in a header value: horizontal tab,
// visible ASCII, space and obs-text; no other control bytes.
var valueChars = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '\t' || (c >= 0x20 && c != 0x7f)
	}
	return t
}()

// isValueByte reports whether c may appear in a header value.
func isValueByte(c byte) bool { return valueChars[c] }

// validValue reports whether every byte of s may appear in a header value.
func validValue(s string) bool {
	for i := 0; i < len(s); i++ {
		if !valueChars[s[i]] {
			return false
		}
	}
	return true
}

// equalFold reports whether s equals lower, which must be lower-case ASCII,
// ignoring ASCII case.
func equalFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// trimSpace removes spaces and horizontal tabs from both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// nextListElement splits a comma-separated header list: it returns the
// first element, trimmed, and what follows its comma.
func nextListElement(s string) (elem, rest string) {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return trimSpace(s[:i]), s[i+1:]
		}
	}
	return trimSpace(s), ""
}

// connectionTokens are the Connection header options the codec acts on.
type connectionTokens struct {
	close, keepAlive, upgrade bool
}

// add records the options named in one Connection header value.
func (c *connectionTokens) add(value string) {
	for value != "" {
		var e string
		e, value = nextListElement(value)
		switch {
		case equalFold(e, "close"):
			c.close = true
		case equalFold(e, "keep-alive"):
			c.keepAlive = true
		case equalFold(e, "upgrade"):
			c.upgrade = true
		}
	}
}

// keepAlive decides persistence from the version and the Connection
// options: HTTP/1.1 persists unless told "close", HTTP/1.0 only when told
// "keep-alive".
func (c connectionTokens) keepAliveFor(minor int) bool {
	if c.close {
		return false
	}
	return minor >= 1 || c.keepAlive
}

// transferCodings summarizes a Transfer-Encoding list.
type transferCodings struct {
	present      bool // a Transfer-Encoding header was seen
	chunked      bool // chunked appears
	chunkedLast  bool // chunked is the final coding
	chunkedTwice bool // chunked appears more than once
}

// add records the codings named in one Transfer-Encoding header value.
func (t *transferCodings) add(value string) {
	t.present = true
	for value != "" {
		var e string
		e, value = nextListElement(value)
		if e == "" {
			continue
		}
		if equalFold(e, "chunked") {
			if t.chunked {
				t.chunkedTwice = true
			}
			t.chunked = true
			t.chunkedLast = true
		} else {
			t.chunkedLast = false
		}
	}
}

// parseContentLength reads a Content-Length value: one or more
// comma-separated runs of decimal digits that must all agree. It returns -1
// for anything else.
func parseContentLength(value string) int64 {
	n := int64(-1)
	if value == "" {
		return -1
	}
	for {
		var e string
		e, value = nextListElement(value)
		v := parseDecimal(e)
		if v < 0 || (n >= 0 && v != n) {
			return -1
		}
		n = v
		if value == "" {
			return n
		}
	}
}

// parseDecimal reads a non-empty run of decimal digits that fits in an
// int64, or returns -1.
func parseDecimal(s string) int64 {
	if s == "" || len(s) > 18 {
		return -1
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int64(c-'0')
	}
	return n
}
