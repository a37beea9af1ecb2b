package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"earlynode/modules/binarypack"
)

// ChunkMTU is the largest BinaryPack message PeerJS sends whole; bigger
// ones are cut into chunks of at most this many bytes.
const ChunkMTU = 16300

// Limits on what a remote peer can make a connection hold.
const (
	// maxReassembled bounds the bytes of chunked messages being reassembled
	// on one connection.
	maxReassembled = 64 << 20
	// maxPartialMessages bounds the chunked messages being reassembled at
	// once on one connection; the oldest is dropped past it.
	maxPartialMessages = 64
)

// frame is one data channel message.
type frame struct {
	data []byte
	text bool
}

// Message is one message received on a DataConnection.
type Message struct {
	// Serialization is the connection's serialization, which says which of
	// the fields below is set.
	Serialization Serialization
	// Value is the decoded BinaryPack value, for SerializationBinary (see
	// package binarypack for the Go types; binary data is []byte).
	Value any
	// Data is the JSON text for SerializationJSON, and the message bytes
	// for SerializationRaw.
	Data []byte
	// Text is set for SerializationRaw when the message was a text (string)
	// message; Data then holds its UTF-8 bytes.
	Text bool
}

// codec turns values into data channel messages and back, for one
// connection and one serialization. encode and decode may run
// concurrently with each other, but each is called by one goroutine at a
// time.
type codec interface {
	// encode turns one value into the messages that carry it.
	encode(v any) ([]frame, error)
	// closeFrames returns the messages of PeerJS's close request, or nil
	// when the serialization has none.
	closeFrames() []frame
	// decode handles one received message. It returns a complete user
	// message, or closeRequested, or neither (a chunk was stored). The
	// message and what decode returns may share f.data, which the caller
	// hands over: it must not change it afterwards.
	decode(f frame) (msg *Message, closeRequested bool, err error)
}

// newCodec returns the codec of a serialization.
func newCodec(s Serialization) codec {
	switch s {
	case SerializationJSON:
		return jsonCodec{}
	case SerializationRaw:
		return rawCodec{}
	default:
		return &binaryCodec{nextID: 1}
	}
}

// aliasingDecoder decodes received messages without copying their binary
// data out of the message buffer.
var aliasingDecoder = binarypack.Decoder{AliasBytes: true}

// closeRequest is the value PeerJS sends to ask the remote side to close:
// {"__peerData": {"type": "close"}}.
var closeRequest = binarypack.Map{{Key: "__peerData", Value: binarypack.Map{{Key: "type", Value: "close"}}}}

// binaryCodec is the "binary" serialization: BinaryPack, with PeerJS's
// chunking of messages over ChunkMTU bytes.
type binaryCodec struct {
	nextID int64 // __peerData of the next chunked message (encode side)

	partial map[string]*chunkSet // messages being reassembled (decode side)
	order   []string             // keys of partial, oldest first
	held    int                  // bytes held in partial
}

// chunkSet is a chunked message being reassembled.
type chunkSet struct {
	total int
	got   int
	size  int
	parts [][]byte
}

// chunkEnvelope bounds the bytes a chunk's map adds to its data: the map
// header, four keys, three numbers of at most 9 bytes and a bin header.
const chunkEnvelope = 64

func (c *binaryCodec) encode(v any) ([]frame, error) {
	// The binding hands over values it has packed: chunk those bytes as they
	// are rather than copy them first.
	packed, isPacked := v.(binarypack.Packed)
	if !isPacked {
		b, err := binarypack.Encode(v)
		if err != nil {
			return nil, err
		}
		packed = b
	}
	if len(packed) <= ChunkMTU {
		if isPacked {
			packed = bytes.Clone(packed) // the frame may wait in the queue; the caller keeps its bytes.
		}
		return []frame{{data: packed}}, nil
	}
	total := (len(packed) + ChunkMTU - 1) / ChunkMTU
	id := c.nextID
	c.nextID++
	// Every chunk is encoded into one buffer: one allocation per message,
	// not one per chunk. Were it to grow, earlier frames keep the old one.
	buf := make([]byte, 0, len(packed)+total*chunkEnvelope)
	frames := make([]frame, 0, total)
	for n := 0; n < total; n++ {
		end := min((n+1)*ChunkMTU, len(packed))
		start := len(buf)
		var err error
		buf, err = binarypack.Append(buf, binarypack.Map{
			{Key: "__peerData", Value: id},
			{Key: "n", Value: int64(n)},
			{Key: "data", Value: []byte(packed[n*ChunkMTU : end])},
			{Key: "total", Value: int64(total)},
		})
		if err != nil {
			return nil, err
		}
		frames = append(frames, frame{data: buf[start:len(buf):len(buf)]})
	}
	return frames, nil
}

func (c *binaryCodec) closeFrames() []frame {
	b, _ := binarypack.Encode(closeRequest) // a fixed small map always encodes.
	return []frame{{data: b}}
}

func (c *binaryCodec) decode(f frame) (*Message, bool, error) {
	return c.decodeDepth(f.data, 0)
}

// decodeDepth decodes one message; depth counts reassembly levels so that a
// reassembled message made of chunks again cannot recurse without end.
func (c *binaryCodec) decodeDepth(data []byte, depth int) (*Message, bool, error) {
	// Like the JavaScript decoder, ignore bytes after the value. Every
	// message buffer is the connection's own, so decoded bytes may share it.
	v, _, err := aliasingDecoder.DecodePrefix(data)
	if err != nil {
		return nil, false, err
	}
	m, ok := v.(binarypack.Map)
	if !ok {
		return &Message{Serialization: SerializationBinary, Value: v}, false, nil
	}
	peerData, _ := m.Get("__peerData")
	if !truthy(peerData) {
		return &Message{Serialization: SerializationBinary, Value: v}, false, nil
	}
	if pm, ok := peerData.(binarypack.Map); ok {
		if t, _ := pm.Get("type"); t == "close" {
			return nil, true, nil
		}
	}
	whole, err := c.storeChunk(data, peerData, m)
	if err != nil || whole == nil {
		return nil, false, err
	}
	if depth > 0 {
		return nil, false, errors.New("a reassembled message is itself a chunk")
	}
	return c.decodeDepth(whole, depth+1)
}

// storeChunk files one chunk {__peerData, n, data, total}, decoded from
// the message frame. It returns the whole packed message once every chunk
// has arrived.
func (c *binaryCodec) storeChunk(frame []byte, peerData any, m binarypack.Map) ([]byte, error) {
	key := fmt.Sprint(peerData)
	nv, _ := m.Get("n")
	tv, _ := m.Get("total")
	dv, _ := m.Get("data")
	n, okN := wholeNumber(nv)
	total, okT := wholeNumber(tv)
	data, okD := dv.([]byte)
	if !okN || !okT || !okD || total < 1 || n < 0 || n >= total {
		return nil, fmt.Errorf("malformed chunk %v: n=%v total=%v data %T", key, nv, tv, dv)
	}
	if total > maxReassembled/ChunkMTU+1 {
		return nil, fmt.Errorf("chunked message %v announces %d chunks, more than this connection holds", key, total)
	}
	set := c.partial[key]
	if set == nil {
		if c.partial == nil {
			c.partial = make(map[string]*chunkSet)
		}
		for len(c.order) >= maxPartialMessages {
			c.drop(c.order[0])
		}
		set = &chunkSet{total: int(total), parts: make([][]byte, total)}
		c.partial[key] = set
		c.order = append(c.order, key)
	}
	if set.total != int(total) {
		c.drop(key)
		return nil, fmt.Errorf("chunk %d of message %v says %d chunks, earlier ones said %d", n, key, total, set.total)
	}
	if set.parts[n] != nil {
		return nil, nil // a duplicate: keep the first copy.
	}
	if c.held+len(data) > maxReassembled {
		c.drop(key)
		return nil, fmt.Errorf("chunked message %v exceeds %d bytes being reassembled", key, maxReassembled)
	}
	// A chunk's data may share the message buffer, which is the
	// connection's own, when it is most of it; a small part is copied, so
	// that what is held stays within twice what is counted.
	if 2*len(data) < len(frame) {
		data = bytes.Clone(data)
	}
	set.parts[n] = data
	set.got++
	set.size += len(data)
	c.held += len(data)
	if set.got < set.total {
		return nil, nil
	}
	whole := make([]byte, 0, set.size)
	for _, p := range set.parts {
		whole = append(whole, p...)
	}
	c.drop(key)
	return whole, nil
}

// drop forgets a partial message.
func (c *binaryCodec) drop(key string) {
	if set := c.partial[key]; set != nil {
		c.held -= set.size
		delete(c.partial, key)
	}
	for i, k := range c.order {
		if k == key {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
}

// wholeNumber returns a decoded BinaryPack number as an int64 when it is a
// whole number.
func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case uint64:
		if n > math.MaxInt64 {
			return 0, false
		}
		return int64(n), true
	case float64:
		if n != math.Trunc(n) || math.Abs(n) > 1<<53 {
			return 0, false
		}
		return int64(n), true
	}
	return 0, false
}

// truthy is JavaScript's truthiness for a decoded BinaryPack value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case uint64:
		return x != 0
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	return true // objects, arrays and binary data are truthy.
}

// jsonCodec is the "json" serialization of PeerJS 1.5: JSON text sent as
// binary messages, refused from 16300 bytes.
type jsonCodec struct{}

func (jsonCodec) encode(v any) ([]frame, error) {
	var text []byte
	switch x := v.(type) {
	case json.RawMessage:
		if !json.Valid(x) {
			return nil, errors.New("the JSON text to send is not valid JSON")
		}
		text = x
	default:
		var err error
		if text, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	if len(text) >= ChunkMTU {
		return nil, newError(ErrMessageTooBig, nil, "Message too big for JSON channel")
	}
	return []frame{{data: text}}, nil
}

func (jsonCodec) closeFrames() []frame {
	return []frame{{data: []byte(`{"__peerData":{"type":"close"}}`)}}
}

func (jsonCodec) decode(f frame) (*Message, bool, error) {
	// PeerJS 1.5 sends binary messages; 1.4 sent text ones. Both are read.
	if !json.Valid(f.data) {
		return nil, false, errors.New("the message is not valid JSON")
	}
	if bytes.Contains(f.data, []byte("__peerData")) {
		var probe struct {
			PeerData struct {
				Type string `json:"type"`
			} `json:"__peerData"`
		}
		if json.Unmarshal(f.data, &probe) == nil && probe.PeerData.Type == "close" {
			return nil, true, nil
		}
	}
	return &Message{Serialization: SerializationJSON, Data: f.data}, false, nil
}

// rawCodec is the "raw" serialization: messages as given.
type rawCodec struct{}

func (rawCodec) encode(v any) ([]frame, error) {
	switch x := v.(type) {
	case string:
		return []frame{{data: []byte(x), text: true}}, nil
	case []byte:
		return []frame{{data: x}}, nil
	case json.RawMessage:
		return []frame{{data: x}}, nil
	}
	return nil, fmt.Errorf("a raw connection sends strings or bytes, not %T", v)
}

// closeFrames is nil: PeerJS's raw serializer has no close request (it
// would send the text "[object Object]").
func (rawCodec) closeFrames() []frame { return nil }

func (rawCodec) decode(f frame) (*Message, bool, error) {
	return &Message{Serialization: SerializationRaw, Data: f.data, Text: f.text}, false, nil
}
