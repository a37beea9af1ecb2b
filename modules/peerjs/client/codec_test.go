package client

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"earlynode/modules/binarypack"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The byte vectors of docs/wire/peerjs.md, Chunking and Closing, verified against PeerJS 1.5.5.
func TestBinaryWireVectors(t *testing.T) {
	c := newCodec(SerializationBinary)
	close := c.closeFrames()
	if want := mustHex(t, "81 ba 5f5f7065657244617461 81 b4 74797065 b5 636c6f7365"); len(close) != 1 || !bytes.Equal(close[0].data, want) {
		t.Fatalf("close request % x", close[0].data)
	}
	chunk, err := binarypack.Encode(binarypack.Map{
		{Key: "__peerData", Value: int64(1)}, {Key: "n", Value: int64(0)},
		{Key: "data", Value: []byte{1, 2, 3}}, {Key: "total", Value: int64(2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := mustHex(t, "84 ba5f5f7065657244617461 01 b16e 00 b464617461 a3010203 b5746f74616c 02"); !bytes.Equal(chunk, want) {
		t.Fatalf("chunk % x", chunk)
	}
	// Our chunker produces the same layout.
	big := bytes.Repeat([]byte{0xab}, 40000)
	frames, err := c.encode(big)
	if err != nil {
		t.Fatal(err)
	}
	packed, _ := binarypack.Encode(big)
	if want := (len(packed) + ChunkMTU - 1) / ChunkMTU; len(frames) != want {
		t.Fatalf("%d chunks, want %d", len(frames), want)
	}
	first, err := binarypack.Decode(frames[0].data)
	if err != nil {
		t.Fatal(err)
	}
	m := first.(binarypack.Map)
	if m[0].Key != "__peerData" || m[0].Value != int64(1) || m[1].Key != "n" || m[2].Key != "data" || m[3].Key != "total" || m[3].Value != int64(3) {
		t.Fatalf("first chunk %v", m)
	}
	if d := m[2].Value.([]byte); len(d) != ChunkMTU || !bytes.Equal(d, packed[:ChunkMTU]) {
		t.Fatalf("first chunk carries %d bytes", len(d))
	}
	// The next chunked message gets the next id.
	frames2, _ := c.encode(big)
	second, _ := binarypack.Decode(frames2[0].data)
	if second.(binarypack.Map)[0].Value != int64(2) {
		t.Fatalf("second chunked message id %v", second.(binarypack.Map)[0].Value)
	}
	// Exactly ChunkMTU bytes packed is sent whole.
	whole, _ := c.encode(bytes.Repeat([]byte{1}, ChunkMTU-5)) // db + 4 length bytes
	if len(whole) != 1 {
		t.Fatalf("a %d-byte packed value was chunked", ChunkMTU)
	}
}

func TestBinaryReassembly(t *testing.T) {
	value := binarypack.Map{{Key: "file", Value: bytes.Repeat([]byte("0123456789"), 5000)}, {Key: "n", Value: int64(7)}}
	tests := []struct {
		name  string
		order func([]frame) []frame
	}{
		{"in order", func(f []frame) []frame { return f }},
		{"reversed", func(f []frame) []frame {
			out := append([]frame(nil), f...)
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
			return out
		}},
		{"duplicates ignored", func(f []frame) []frame {
			// PeerJS counts a duplicate as a new chunk and breaks; we keep
			// the first copy.
			return append(append([]frame(nil), f[0], f[2]), f...)
		}},
		{"interleaved with another message", func(f []frame) []frame {
			// A second chunked message (__peerData 2) from the same sender.
			tx := newCodec(SerializationBinary)
			_, _ = tx.encode(bytes.Repeat([]byte{9}, 20000))
			other, _ := tx.encode(bytes.Repeat([]byte{8}, 20000))
			out := []frame{f[0], other[0]}
			return append(append(out, f[1:]...), other[1:]...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frames, err := newCodec(SerializationBinary).encode(value)
			if err != nil {
				t.Fatal(err)
			}
			rx := newCodec(SerializationBinary)
			var got []*Message
			for _, f := range tt.order(frames) {
				m, closeReq, err := rx.decode(f)
				if err != nil || closeReq {
					t.Fatalf("decode: %v close %v", err, closeReq)
				}
				if m != nil {
					got = append(got, m)
				}
			}
			if len(got) == 0 || !reflect.DeepEqual(got[0].Value, value) {
				t.Fatalf("reassembled %d messages, the first wrong", len(got))
			}
			for _, extra := range got[1:] {
				if !bytes.Equal(extra.Value.([]byte), bytes.Repeat([]byte{8}, 20000)) {
					t.Fatalf("extra message %T", extra.Value)
				}
			}
			if strings.HasPrefix(tt.name, "interleaved") != (len(got) == 2) {
				t.Fatalf("%d messages", len(got))
			}
			if rx.(*binaryCodec).held != 0 || len(rx.(*binaryCodec).partial) != 0 {
				t.Fatalf("state left after reassembly: %d bytes", rx.(*binaryCodec).held)
			}
		})
	}
}

func TestBinaryDecodeErrors(t *testing.T) {
	chunk := func(peerData, n, total any, data any) []byte {
		b, err := binarypack.Encode(binarypack.Map{{Key: "__peerData", Value: peerData}, {Key: "n", Value: n}, {Key: "data", Value: data}, {Key: "total", Value: total}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		in      []byte
		wantErr string
	}{
		{"unknown type byte", []byte{0xc4}, "unknown type byte"},
		{"truncated", []byte{0xdb, 0, 0, 1}, "truncated"},
		{"n out of range", chunk(int64(1), int64(3), int64(2), []byte{1}), "malformed chunk"},
		{"negative n", chunk(int64(1), int64(-1), int64(2), []byte{1}), "malformed chunk"},
		{"zero total", chunk(int64(1), int64(0), int64(0), []byte{1}), "malformed chunk"},
		{"data not bytes", chunk(int64(1), int64(0), int64(2), "text"), "malformed chunk"},
		{"fractional n", chunk(int64(1), 0.5, int64(2), []byte{1}), "malformed chunk"},
		{"huge total", chunk(int64(1), int64(0), int64(1<<40), []byte{1}), "announces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := newCodec(SerializationBinary).decode(frame{data: tt.in})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
	// A total that changes between chunks drops the set.
	rx := newCodec(SerializationBinary).(*binaryCodec)
	if _, _, err := rx.decode(frame{data: chunk(int64(9), int64(0), int64(3), []byte{1})}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rx.decode(frame{data: chunk(int64(9), int64(1), int64(4), []byte{1})}); err == nil {
		t.Fatal("inconsistent total accepted")
	}
	if rx.held != 0 {
		t.Fatalf("%d bytes held after the set was dropped", rx.held)
	}
}

func TestBinaryPartialLimit(t *testing.T) {
	rx := newCodec(SerializationBinary).(*binaryCodec)
	for i := 0; i < maxPartialMessages+10; i++ {
		b, _ := binarypack.Encode(binarypack.Map{{Key: "__peerData", Value: int64(i + 1)}, {Key: "n", Value: int64(0)}, {Key: "data", Value: []byte{1, 2}}, {Key: "total", Value: int64(2)}})
		if _, _, err := rx.decode(frame{data: b}); err != nil {
			t.Fatal(err)
		}
	}
	if len(rx.partial) != maxPartialMessages || rx.held != 2*maxPartialMessages {
		t.Fatalf("%d partial messages, %d bytes held", len(rx.partial), rx.held)
	}
}

// A chunk's data is kept in its message buffer when it is most of it, and
// copied out when it is a small part (bytes after the value are ignored, so
// a peer could pad every chunk), so that what a connection holds stays
// within twice the bytes it counts.
func TestBinaryChunkHolding(t *testing.T) {
	tests := []struct {
		name      string
		data, pad int
		wantShare bool
	}{
		{"a full chunk shares its message", ChunkMTU, 0, true},
		{"a small chunk alone shares its message", 100, 0, true},
		{"a small chunk with padding is copied", 100, 60000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := binarypack.Encode(binarypack.Map{{Key: "__peerData", Value: int64(1)}, {Key: "n", Value: int64(0)}, {Key: "data", Value: make([]byte, tt.data)}, {Key: "total", Value: int64(2)}})
			if err != nil {
				t.Fatal(err)
			}
			msg = append(msg, make([]byte, tt.pad)...)
			rx := newCodec(SerializationBinary).(*binaryCodec)
			if _, _, err := rx.decode(frame{data: msg}); err != nil {
				t.Fatal(err)
			}
			part := rx.partial["1"].parts[0]
			for i := range msg {
				msg[i] = 0xff // shows through where part shares msg.
			}
			shares := bytes.Count(part, []byte{0xff}) == len(part)
			if len(part) != tt.data || shares != tt.wantShare || rx.held != tt.data {
				t.Fatalf("kept %d bytes, sharing %v, held %d", len(part), shares, rx.held)
			}
		})
	}
}

func TestPeerDataInterception(t *testing.T) {
	tests := []struct {
		name      string
		value     any
		wantClose bool
		wantData  bool
	}{
		{"close request", closeRequest, true, false},
		{"falsy __peerData is user data", binarypack.Map{{Key: "__peerData", Value: int64(0)}, {Key: "x", Value: int64(1)}}, false, true},
		{"empty string __peerData", binarypack.Map{{Key: "__peerData", Value: ""}}, false, true},
		{"plain map", binarypack.Map{{Key: "a", Value: int64(1)}}, false, true},
		{"null", nil, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := binarypack.Encode(tt.value)
			if err != nil {
				t.Fatal(err)
			}
			m, closeReq, err := newCodec(SerializationBinary).decode(frame{data: b})
			if err != nil || closeReq != tt.wantClose || (m != nil) != tt.wantData {
				t.Fatalf("message %v close %v err %v", m, closeReq, err)
			}
		})
	}
}

func TestJSONAndRawCodecs(t *testing.T) {
	j := newCodec(SerializationJSON)
	if f := j.closeFrames(); string(f[0].data) != `{"__peerData":{"type":"close"}}` || f[0].text {
		t.Fatalf("json close %q", f[0].data)
	}
	for _, tt := range []struct {
		in        string
		text      bool
		wantClose bool
		wantErr   bool
	}{
		{`{"__peerData":{"type":"close"}}`, false, true, false},
		{` {"__peerData" : {"type":"close"}} `, true, true, false},
		{`{"__peerData":{"type":"other"}}`, false, false, false},
		{`[1,2]`, true, false, false},
		{`{"a":`, false, false, true},
		{"\xff", false, false, true},
	} {
		m, closeReq, err := j.decode(frame{data: []byte(tt.in), text: tt.text})
		if closeReq != tt.wantClose || (err != nil) != tt.wantErr || (!tt.wantClose && !tt.wantErr && string(m.Data) != tt.in) {
			t.Errorf("json decode %q: %v %v %v", tt.in, m, closeReq, err)
		}
	}
	f, err := j.encode(map[string]any{"a": []int{1}})
	if err != nil || string(f[0].data) != `{"a":[1]}` || f[0].text {
		t.Fatalf("json encode %q %v", f[0].data, err)
	}

	r := newCodec(SerializationRaw)
	if r.closeFrames() != nil {
		t.Fatal("raw has a close request")
	}
	if f, err := r.encode("hé"); err != nil || !f[0].text || string(f[0].data) != "hé" {
		t.Fatalf("raw string %v %v", f, err)
	}
	if f, err := r.encode([]byte{1}); err != nil || f[0].text {
		t.Fatalf("raw bytes %v %v", f, err)
	}
	if _, err := r.encode(3); err == nil {
		t.Fatal("raw accepted a number")
	}
	m, _, _ := r.decode(frame{data: []byte("x"), text: true})
	if !m.Text || string(m.Data) != "x" {
		t.Fatalf("raw decode %+v", m)
	}
}

func TestParseSerialization(t *testing.T) {
	for in, want := range map[string]Serialization{
		"": SerializationBinary, "binary": SerializationBinary, "binary-utf8": SerializationBinary, "default": SerializationBinary,
		"json": SerializationJSON, "raw": SerializationRaw, "none": SerializationRaw,
	} {
		if got, err := ParseSerialization(in); err != nil || got != want {
			t.Errorf("ParseSerialization(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseSerialization("MsgPack"); err == nil {
		t.Error("MsgPack accepted")
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"": true, "alice": true, "a1 b2": true, "a_b-c": true, "A9": true,
		" a": false, "a ": false, "a  b": false, "a__b": false, "a!": false, "é": false, "a\nb": false,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v", id, got)
		}
	}
	if tok := randomToken(); len(tok) != 11 || strings.Trim(tok, tokenAlphabet) != "" {
		t.Errorf("randomToken() = %q", tok)
	}
}
