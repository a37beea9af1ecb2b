package binarypack

// Map is a BinaryPack map with its pairs in wire order. JavaScript objects keep their
// key order, so the order is part of the value: decoding yields a Map, and encoding a
// Map writes its pairs in slice order. Duplicate keys are kept as they arrived; a
// JavaScript receiver keeps the last value (see Get).
type Map []Pair

// Pair is one key/value entry of a Map. JavaScript encoders always write string keys,
// so a decoded Key is a string in practice, but any decodable value can appear there;
// a JavaScript receiver turns it into a property name with String(key).
type Pair struct {
	Key   any
	Value any
}

// Get returns the value stored under the string key, and whether the key is present.
// When the key occurs more than once the last pair wins, as in a JavaScript receiver.
func (m Map) Get(key string) (any, bool) {
	for i := len(m) - 1; i >= 0; i-- {
		if k, ok := m[i].Key.(string); ok && k == key {
			return m[i].Value, true
		}
	}
	return nil, false
}

// Packed is an already-encoded BinaryPack value that Encode and Append copy verbatim,
// the Go counterpart of a JavaScript object's toBinaryPack() method. It must hold
// exactly one complete value; the encoder does not check it.
type Packed []byte
