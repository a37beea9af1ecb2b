package jsonframe

import "bytes"

// Members holds what ObjectMembers found in a JSON text.
type Members struct {
	// IsObject is true when the text's value is an object.
	IsObject bool
	// IsNull is true when the text's value is null (reading a property of it
	// throws a TypeError in JavaScript).
	IsNull bool
	// First and Second are the raw JSON texts of the two members asked for,
	// nil when the object has no such member (JavaScript reads undefined). As
	// with JSON.parse, the last of duplicate members wins.
	First, Second []byte
}

// ObjectMembers checks that text is one JSON value as Validate does and, when
// it is an object, returns the raw values of its top-level members named
// first and second (property names are compared after unescaping, so
// "\u0074ype" matches "type"). Nested members of the same names are not
// confused with them. The returned slices alias text.
func ObjectMembers(text []byte, first, second string) (Members, error) {
	var m Members
	i := skipSpace(text, 0)
	if i >= len(text) || text[i] != '{' {
		if err := Validate(text); err != nil {
			return Members{}, err
		}
		m.IsNull = bytes.Equal(bytes.TrimRight(text[i:], " \t\r\n"), []byte("null"))
		return m, nil
	}
	m.IsObject = true
	i = skipSpace(text, i+1)
	if i < len(text) && text[i] == '}' {
		i++
	} else {
		for {
			i = skipSpace(text, i)
			if i >= len(text) {
				return Members{}, endOfInput(text)
			}
			if text[i] != '"' {
				return Members{}, &SyntaxError{i, "expected a double-quoted property name or '}'"}
			}
			keyStart := i
			var err error
			if i, err = skipString(text, i); err != nil {
				return Members{}, err
			}
			key := text[keyStart:i]
			if i = skipSpace(text, i); i >= len(text) {
				return Members{}, endOfInput(text)
			}
			if text[i] != ':' {
				return Members{}, &SyntaxError{i, "expected ':' after a property name"}
			}
			valueStart := skipSpace(text, i+1)
			if i, err = skipValue(text, valueStart); err != nil {
				return Members{}, err
			}
			switch {
			case keyIs(key, first):
				m.First = text[valueStart:i]
			case keyIs(key, second):
				m.Second = text[valueStart:i]
			}
			i = skipSpace(text, i)
			if i >= len(text) {
				return Members{}, endOfInput(text)
			}
			if text[i] == ',' {
				i++
				continue
			}
			if text[i] == '}' {
				i++
				break
			}
			return Members{}, &SyntaxError{i, "expected ',' or '}' after a property value"}
		}
	}
	if i = skipSpace(text, i); i < len(text) {
		return Members{}, unexpectedAfter(text, i)
	}
	return m, nil
}

// keyIs reports whether the quoted property name key (quotes included) names
// want.
func keyIs(key []byte, want string) bool {
	inner := key[1 : len(key)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner) == want
	}
	name, ok := Unquote(key)
	return ok && name == want
}
