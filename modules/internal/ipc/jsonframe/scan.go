package jsonframe

import (
	"fmt"
	"unicode/utf8"
)

// SyntaxError says why a text is not JSON as JSON.parse reads it and where.
type SyntaxError struct {
	// Offset is the byte offset of the offending byte; it equals the length of
	// the text when the text ends too early.
	Offset int
	// Problem says what was wrong, e.g. "unexpected end of JSON input".
	Problem string
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s at byte %d", e.Problem, e.Offset)
}

// Validate reports whether text is one JSON value, with optional whitespace
// around it, as JavaScript's JSON.parse accepts it: RFC 8259 grammar, the
// whitespace bytes space, tab, LF and CR only, any nesting depth. It returns
// nil or a *SyntaxError.
func Validate(text []byte) error {
	end, err := skipValue(text, 0)
	if err != nil {
		return err
	}
	end = skipSpace(text, end)
	if end < len(text) {
		return unexpectedAfter(text, end)
	}
	return nil
}

// isSpace marks the four bytes JSON treats as whitespace.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// skipSpace returns the offset of the first non-whitespace byte at or after i.
func skipSpace(t []byte, i int) int {
	for i < len(t) && isSpace[t[i]] {
		i++
	}
	return i
}

// container kinds kept on skipValue's stack.
const (
	inArray  = '['
	inObject = '{'
)

// skipValue checks the JSON value that starts at or after offset i (after
// optional whitespace) and returns the offset just past it. It walks nested
// arrays and objects with an explicit stack, so any depth is accepted without
// growing the goroutine stack.
func skipValue(t []byte, i int) (int, error) {
	var stackSpace [64]byte
	stack := stackSpace[:0]
	var err error
	for {
		// A value is expected at i.
		i = skipSpace(t, i)
		if i >= len(t) {
			return i, endOfInput(t)
		}
		switch c := t[i]; {
		case c == '{':
			i = skipSpace(t, i+1)
			if i < len(t) && t[i] == '}' {
				i++
				break
			}
			stack = append(stack, inObject)
			if i, err = skipKeyAndColon(t, i); err != nil {
				return i, err
			}
			continue
		case c == '[':
			i = skipSpace(t, i+1)
			if i < len(t) && t[i] == ']' {
				i++
				break
			}
			stack = append(stack, inArray)
			continue
		case c == '"':
			if i, err = skipString(t, i); err != nil {
				return i, err
			}
		case c == '-' || (c >= '0' && c <= '9'):
			if i, err = skipNumber(t, i); err != nil {
				return i, err
			}
		case c == 't':
			if i, err = skipLiteral(t, i, "true"); err != nil {
				return i, err
			}
		case c == 'f':
			if i, err = skipLiteral(t, i, "false"); err != nil {
				return i, err
			}
		case c == 'n':
			if i, err = skipLiteral(t, i, "null"); err != nil {
				return i, err
			}
		default:
			return i, unexpectedToken(t, i)
		}
		// A value ended at i: close containers until one wants another value.
		for {
			if len(stack) == 0 {
				return i, nil
			}
			i = skipSpace(t, i)
			if i >= len(t) {
				return i, endOfInput(t)
			}
			top := stack[len(stack)-1]
			c := t[i]
			if c == ',' {
				i++
				if top == inObject {
					if i, err = skipKeyAndColon(t, i); err != nil {
						return i, err
					}
				}
				break
			}
			if (top == inObject && c == '}') || (top == inArray && c == ']') {
				i++
				stack = stack[:len(stack)-1]
				continue
			}
			if top == inObject {
				return i, &SyntaxError{i, "expected ',' or '}' after a property value"}
			}
			return i, &SyntaxError{i, "expected ',' or ']' after an array element"}
		}
	}
}

// skipKeyAndColon checks `"name" :` at or after i (after whitespace) and
// returns the offset after the colon.
func skipKeyAndColon(t []byte, i int) (int, error) {
	i = skipSpace(t, i)
	if i >= len(t) {
		return i, endOfInput(t)
	}
	if t[i] != '"' {
		return i, &SyntaxError{i, "expected a double-quoted property name or '}'"}
	}
	i, err := skipString(t, i)
	if err != nil {
		return i, err
	}
	i = skipSpace(t, i)
	if i >= len(t) {
		return i, endOfInput(t)
	}
	if t[i] != ':' {
		return i, &SyntaxError{i, "expected ':' after a property name"}
	}
	return i + 1, nil
}

// stringSpecial marks the bytes that end the fast scan inside a string: the
// closing quote, a backslash and the control characters JSON forbids raw.
var stringSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'] = true
	t['\\'] = true
	return t
}()

// isHex marks hexadecimal digits.
var isHex = func() (t [256]bool) {
	for _, c := range "0123456789abcdefABCDEF" {
		t[c] = true
	}
	return t
}()

// skipString checks the string literal whose opening quote is at t[i] and
// returns the offset after its closing quote. Bytes from 0x80 up are taken as
// they are (the caller made the text well-formed UTF-8 first).
func skipString(t []byte, i int) (int, error) {
	i++
	for {
		for i < len(t) && !stringSpecial[t[i]] {
			i++
		}
		if i >= len(t) {
			return i, &SyntaxError{i, "unterminated string"}
		}
		switch t[i] {
		case '"':
			return i + 1, nil
		case '\\':
			if i+1 >= len(t) {
				return i + 1, &SyntaxError{i + 1, "unterminated string"}
			}
			switch t[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := 2; k < 6; k++ {
					if i+k >= len(t) {
						return i + k, &SyntaxError{i + k, "unterminated string"}
					}
					if !isHex[t[i+k]] {
						return i + k, &SyntaxError{i + k, "bad \\u escape"}
					}
				}
				i += 6
			default:
				return i + 1, &SyntaxError{i + 1, "bad escaped character"}
			}
		default:
			return i, &SyntaxError{i, "bad control character in string"}
		}
	}
}

// skipNumber checks the number that starts at t[i] ('-' or a digit) and
// returns the offset after it: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func skipNumber(t []byte, i int) (int, error) {
	if t[i] == '-' {
		i++
		if i >= len(t) || t[i] < '0' || t[i] > '9' {
			return i, &SyntaxError{i, "no number after minus sign"}
		}
	}
	if t[i] == '0' {
		i++
	} else {
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	}
	if i < len(t) && t[i] == '.' {
		i++
		if i >= len(t) || t[i] < '0' || t[i] > '9' {
			return i, &SyntaxError{i, "unterminated fractional number"}
		}
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		if i >= len(t) || t[i] < '0' || t[i] > '9' {
			return i, &SyntaxError{i, "exponent part is missing a number"}
		}
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	}
	return i, nil
}

// skipLiteral checks that the literal word (true, false or null) starts at t[i].
func skipLiteral(t []byte, i int, word string) (int, error) {
	for k := 0; k < len(word); k++ {
		if i+k >= len(t) {
			return i + k, endOfInput(t)
		}
		if t[i+k] != word[k] {
			return i + k, unexpectedToken(t, i+k)
		}
	}
	return i + len(word), nil
}

// endOfInput is the error for a text that stops inside a value.
func endOfInput(t []byte) error {
	return &SyntaxError{len(t), "unexpected end of JSON input"}
}

// unexpectedToken is the error for a byte that cannot be where it is.
func unexpectedToken(t []byte, i int) error {
	return &SyntaxError{i, "unexpected token " + describeAt(t, i)}
}

// unexpectedAfter is the error for a non-whitespace byte after the value.
func unexpectedAfter(t []byte, i int) error {
	return &SyntaxError{i, "unexpected " + describeAt(t, i) + " after the JSON value"}
}

// describeAt names the character at t[i] for an error message.
func describeAt(t []byte, i int) string {
	r, _ := utf8.DecodeRune(t[i:])
	if r < 0x20 || r == utf8.RuneError {
		return fmt.Sprintf("%U", r)
	}
	return fmt.Sprintf("%q", r)
}
