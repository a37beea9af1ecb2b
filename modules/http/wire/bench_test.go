package wire

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// drain parses data to the end with p, failing on any error.
func drain(b *testing.B, p *Parser, data []byte) {
	for {
		ev, n, err := p.Next(data)
		if err != nil {
			b.Fatal(err)
		}
		data = data[n:]
		if ev == EventNeedInput {
			return
		}
	}
}

// BenchmarkParseGET parses the typical GET with six headers, one request
// per iteration, as a keep-alive connection delivers them.
func BenchmarkParseGET(b *testing.B) {
	p := NewRequestParser(Limits{})
	in := []byte(typicalGET)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		drain(b, p, in)
	}
}

// BenchmarkParseGETPipelined parses 16 pipelined GETs from one read.
func BenchmarkParseGETPipelined(b *testing.B) {
	p := NewRequestParser(Limits{})
	in := []byte(strings.Repeat(typicalGET, 16))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		drain(b, p, in)
	}
}

// chunkedUpload is a POST whose 64 KiB body comes in 4 KiB chunks.
func chunkedUpload() []byte {
	msg := []byte("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
	chunk := []byte(strings.Repeat("a", 4096))
	for range 16 {
		msg = AppendChunk(msg, chunk)
	}
	return AppendLastChunk(msg)
}

// BenchmarkParseChunked parses a 64 KiB chunked body from one buffer.
func BenchmarkParseChunked(b *testing.B) {
	p := NewRequestParser(Limits{})
	in := chunkedUpload()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		drain(b, p, in)
	}
}

// BenchmarkParseChunkedReads parses the same message arriving in 1460-byte
// reads, so chunk framing is cut at arbitrary places.
func BenchmarkParseChunkedReads(b *testing.B) {
	p := NewRequestParser(Limits{})
	in := chunkedUpload()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < len(in); i += 1460 {
			drain(b, p, in[i:min(i+1460, len(in))])
		}
	}
}

// BenchmarkAppendResponseHead writes a hello-world response head with the
// automatic headers decided.
func BenchmarkAppendResponseHead(b *testing.B) {
	req := &Head{Method: "GET", Version: "1.1", KeepAlive: true}
	headers := hs("Content-Type", "text/plain", "Content-Length", "11")
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf, _, _ = AppendResponseHead(buf[:0], req, 200, headers)
	}
}

// BenchmarkParseURI parses a request target with a query.
func BenchmarkParseURI(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ParseURI("/search/results.html?q=earlynode&page=2&lang=en#top")
	}
}

// BenchmarkPeerNetHTTPReadRequest parses the same GET with Go's net/http,
// the reference a ratio is taken against (same run, same machine).
func BenchmarkPeerNetHTTPReadRequest(b *testing.B) {
	in := []byte(typicalGET)
	r := bytes.NewReader(in)
	br := bufio.NewReader(r)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(in)
		br.Reset(r)
		if _, err := http.ReadRequest(br); err != nil {
			b.Fatal(err)
		}
	}
}
