package wire

import (
	"reflect"
	"testing"
)

// responseCases are well-formed response streams, the method of the
// request they answer, whether the input ends (EOF), and the outcome.
var responseCases = []struct {
	name   string
	method string
	input  string
	eof    bool
	want   transcript
}{
	{
		name: "200 with Content-Length", method: "GET",
		input: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nHello World",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK",
			Headers: hs("Content-Type", "text/plain", "Content-Length", "11"), ContentLength: 11, KeepAlive: true},
			Body: "Hello World"}}},
	},
	{
		name: "chunked with trailers", method: "GET",
		input: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\nX-T: 1\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK",
			Headers: hs("Transfer-Encoding", "chunked"), ContentLength: -1, Chunked: true, KeepAlive: true},
			Body: "Wikipedia", Trailers: hs("X-T", "1")}}},
	},
	{
		name: "no length: body until close", method: "GET", eof: true,
		input: "HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of this\r\nuntil the end",
		want: transcript{Messages: []message{{Head: Head{Version: "1.0", StatusCode: 200, Reason: "OK",
			Headers: hs("Server", "old"), ContentLength: -1}, Body: "all of this\r\nuntil the end"}}},
	},
	{
		name: "Transfer-Encoding without chunked: body until close", method: "GET", eof: true,
		input: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n\x1f\x8b",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK",
			Headers: hs("Transfer-Encoding", "gzip"), ContentLength: -1}, Body: "\x1f\x8b"}}},
	},
	{
		name: "Transfer-Encoding wins over Content-Length, connection not reused", method: "GET",
		input: "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK",
			Headers: hs("Content-Length", "100", "Transfer-Encoding", "chunked"), ContentLength: 100, Chunked: true},
			Body: "x"}}},
	},
	{
		name: "response to HEAD has no body", method: "HEAD",
		input: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK", Headers: hs("Content-Length", "5"), ContentLength: 5, KeepAlive: true}},
			{Head: Head{Version: "1.1", StatusCode: 404, Reason: "Not Found", Headers: hs("Content-Length", "0"), ContentLength: 0, KeepAlive: true}},
		}},
	},
	{
		name: "204 and 304 have no body", method: "GET",
		input: "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Version: "1.1", StatusCode: 204, Reason: "No Content", Headers: hs("Transfer-Encoding", "chunked"), ContentLength: -1, KeepAlive: true}},
			{Head: Head{Version: "1.1", StatusCode: 304, Reason: "Not Modified", Headers: hs("Content-Length", "9"), ContentLength: 9, KeepAlive: true}},
		}},
	},
	{
		name: "100 Continue before the final response", method: "POST",
		input: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
		want: transcript{Messages: []message{
			{Head: Head{Version: "1.1", StatusCode: 100, Reason: "Continue", ContentLength: -1, KeepAlive: true}},
			{Head: Head{Version: "1.1", StatusCode: 201, Reason: "Created", Headers: hs("Content-Length", "2"), ContentLength: 2, KeepAlive: true}, Body: "ok"},
		}},
	},
	{
		name: "101 Switching Protocols hands over the rest", method: "GET",
		input: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x02hi",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 101, Reason: "Switching Protocols",
			Headers: hs("Upgrade", "websocket", "Connection", "Upgrade"), ContentLength: -1, KeepAlive: true, Upgrade: true}}},
			Upgraded: true, Rest: "\x81\x02hi"},
	},
	{
		name: "2xx to CONNECT is a tunnel", method: "CONNECT",
		input: "HTTP/1.1 200 Connection established\r\n\r\ntunnel bytes",
		want: transcript{Messages: []message{{Head: Head{Version: "1.1", StatusCode: 200, Reason: "Connection established",
			ContentLength: -1, KeepAlive: true, Upgrade: true}}}, Upgraded: true, Rest: "tunnel bytes"},
	},
	{
		name: "status line without reason phrase, and with an empty one", method: "GET",
		input: "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\nHTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Version: "1.1", StatusCode: 200, Headers: hs("Content-Length", "0"), ContentLength: 0, KeepAlive: true}},
			{Head: Head{Version: "1.1", StatusCode: 299, Headers: hs("Content-Length", "0"), ContentLength: 0, KeepAlive: true}},
		}},
	},
	{
		name: "HTTP/1.0 keep-alive response with length", method: "GET",
		input: "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx",
		want: transcript{Messages: []message{{Head: Head{Version: "1.0", StatusCode: 200, Reason: "OK",
			Headers: hs("Connection", "keep-alive", "Content-Length", "1"), ContentLength: 1, KeepAlive: true}, Body: "x"}}},
	},
	{
		name: "pipelined responses", method: "GET",
		input: "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK", Headers: hs("Content-Length", "1"), ContentLength: 1, KeepAlive: true}, Body: "a"},
			{Head: Head{Version: "1.1", StatusCode: 200, Reason: "OK", Headers: hs("Transfer-Encoding", "chunked"), ContentLength: -1, Chunked: true, KeepAlive: true}, Body: "b"},
		}},
	},
}

func TestResponseParserCases(t *testing.T) {
	for _, tc := range responseCases {
		for _, sizes := range splits {
			got := run(t, NewResponseParser(Limits{}), tc.method, []byte(tc.input), sizes, tc.eof)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s, pieces %v:\ngot  %s\nwant %s", tc.name, sizes, got, tc.want)
			}
		}
	}
}

// TestResponseMethodPerRequest checks that the method given after each
// final response governs the next one.
func TestResponseMethodPerRequest(t *testing.T) {
	p := NewResponseParser(Limits{})
	in := []byte("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc")
	p.SetRequestMethod("HEAD")
	var bodies []string
	for {
		ev, n, err := p.Next(in)
		if err != nil {
			t.Fatal(err)
		}
		in = in[n:]
		switch ev {
		case EventBody:
			bodies = append(bodies, string(p.Body()))
		case EventComplete:
			p.SetRequestMethod("GET")
		}
		if ev == EventNeedInput {
			break
		}
	}
	if !reflect.DeepEqual(bodies, []string{"abc"}) {
		t.Fatalf("bodies %q, want only the GET's", bodies)
	}
}
