package binarypack_test

import (
	"errors"
	"fmt"

	"earlynode/modules/binarypack"
)

// A BinaryJS data message [2, {hello: "world"}, 0], as binaryjs 0.2.1 sends it.
func Example() {
	msg := []any{2.0, binarypack.Map{{Key: "hello", Value: "world"}}, 0.0}
	b, err := binarypack.Encode(msg)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%x\n", b)

	v, err := binarypack.Decode(b)
	if err != nil {
		panic(err)
	}
	parts := v.([]any)
	payload := parts[1].(binarypack.Map)
	hello, _ := payload.Get("hello")
	fmt.Printf("type %d, hello=%v, stream %d\n", parts[0].(int64), hello, parts[2].(int64))
	// Output:
	// 930281b568656c6c6fb5776f726c6400
	// type 2, hello=world, stream 0
}

// Writing an envelope directly, without building a []any: the hot path of a stream of
// binary chunks.
func ExampleAppendArrayHeader() {
	chunk := []byte{7, 7, 7, 7, 7}
	b, _ := binarypack.AppendArrayHeader(nil, 3)
	b = binarypack.AppendInt64(b, 2)
	b, _ = binarypack.AppendBytes(b, chunk)
	b = binarypack.AppendInt64(b, 2)
	fmt.Printf("%x\n", b)
	// Output: 9302a5070707070702
}

// Reading values from a byte stream that arrives in pieces: ErrTruncated means "wait
// for more".
func ExampleDecoder_DecodePrefix() {
	var d binarypack.Decoder
	stream := []byte{0x92, 0x01}
	if _, _, err := d.DecodePrefix(stream); errors.Is(err, binarypack.ErrTruncated) {
		fmt.Println("need more bytes")
	}
	stream = append(stream, 0xb2, 'h', 'i', 0xc3)
	v, n, err := d.DecodePrefix(stream)
	fmt.Println(v, n, err)
	// Output:
	// need more bytes
	// [1 hi] 5 <nil>
}

// Integers beyond the 32-bit ranges are written as float64 for Node BinaryJS peers,
// whose decoder crashes on int64.
func ExampleEncoder() {
	js, _ := binarypack.Encode(4294967296.0)
	safe := binarypack.Encoder{WideIntegersAsFloat64: true}
	node, _ := safe.Encode(4294967296.0)
	fmt.Printf("%x\n%x\n", js, node)
	// Output:
	// d30000000100000000
	// cb41f0000000000000
}
