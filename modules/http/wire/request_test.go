package wire

import (
	"reflect"
	"strings"
	"testing"
)

// hs builds a header list from name, value pairs.
func hs(pairs ...string) []Header {
	var out []Header
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Header{pairs[i], pairs[i+1]})
	}
	return out
}

// typicalGET is a browser-like GET with six headers.
const typicalGET = "GET /status?name=ryan HTTP/1.1\r\n" +
	"Host: localhost:8000\r\n" +
	"User-Agent: Mozilla/5.0 (X11; Linux x86_64) earlynode-test\r\n" +
	"Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n" +
	"Accept-Language: en-US,en;q=0.5\r\n" +
	"Accept-Encoding: gzip, deflate\r\n" +
	"Connection: keep-alive\r\n" +
	"\r\n"

// requestCases are well-formed request streams and what must come of them.
var requestCases = []struct {
	name  string
	input string
	want  transcript
}{
	{
		name:  "typical GET with six headers",
		input: typicalGET,
		want: transcript{Messages: []message{{Head: Head{
			Method: "GET", Target: "/status?name=ryan", Version: "1.1",
			Headers: hs("Host", "localhost:8000",
				"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) earlynode-test",
				"Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
				"Accept-Language", "en-US,en;q=0.5",
				"Accept-Encoding", "gzip, deflate",
				"Connection", "keep-alive"),
			ContentLength: -1, KeepAlive: true,
		}}}},
	},
	{
		name:  "original case, order and duplicates kept, values trimmed",
		input: "GET / HTTP/1.1\r\nX-Thing:  one \r\nx-thing: two\r\nSet-Cookie: a=1\r\nSET-COOKIE:\tb=2\t\r\nEmpty:\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{
			Method: "GET", Target: "/", Version: "1.1",
			Headers:       hs("X-Thing", "one", "x-thing", "two", "Set-Cookie", "a=1", "SET-COOKIE", "b=2", "Empty", ""),
			ContentLength: -1, KeepAlive: true,
		}}}},
	},
	{
		name:  "POST with Content-Length",
		input: "POST /form HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world",
		want: transcript{Messages: []message{{Head: Head{
			Method: "POST", Target: "/form", Version: "1.1",
			Headers: hs("Content-Length", "11"), ContentLength: 11, KeepAlive: true,
		}, Body: "hello world"}}},
	},
	{
		name:  "Content-Length zero",
		input: "PUT /x HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{
			Method: "PUT", Target: "/x", Version: "1.1",
			Headers: hs("Content-Length", "0"), ContentLength: 0, KeepAlive: true,
		}}}},
	},
	{
		name:  "repeated equal Content-Length values",
		input: "POST / HTTP/1.1\r\nContent-Length: 3, 3\r\ncontent-length: 3\r\n\r\nabc",
		want: transcript{Messages: []message{{Head: Head{
			Method: "POST", Target: "/", Version: "1.1",
			Headers: hs("Content-Length", "3, 3", "content-length", "3"), ContentLength: 3, KeepAlive: true,
		}, Body: "abc"}}},
	},
	{
		name: "chunked with extensions, upper-case hex, leading zeros and trailers",
		input: "POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
			"5;name=value\r\nhello\r\n" +
			"0006 ; a=\"b c\";d\r\n world\r\n" +
			"1A\r\nabcdefghijklmnopqrstuvwxyz\r\n" +
			"0\r\nExpires: never\r\nX-Sum: 42\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{
			Method: "POST", Target: "/up", Version: "1.1",
			Headers: hs("Transfer-Encoding", "chunked"), ContentLength: -1, Chunked: true, KeepAlive: true,
		}, Body: "hello worldabcdefghijklmnopqrstuvwxyz", Trailers: hs("Expires", "never", "X-Sum", "42")}}},
	},
	{
		name:  "chunked with a coding before chunked",
		input: "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{
			Method: "POST", Target: "/", Version: "1.1",
			Headers: hs("Transfer-Encoding", "gzip", "Transfer-Encoding", "Chunked"), ContentLength: -1, Chunked: true, KeepAlive: true,
		}, Body: "abc"}}},
	},
	{
		name: "pipelined GET, chunked POST, GET",
		input: "GET /1 HTTP/1.1\r\n\r\n" +
			"POST /2 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n" +
			"GET /3 HTTP/1.1\r\nConnection: close\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Method: "GET", Target: "/1", Version: "1.1", ContentLength: -1, KeepAlive: true}},
			{Head: Head{Method: "POST", Target: "/2", Version: "1.1", Headers: hs("Transfer-Encoding", "chunked"),
				ContentLength: -1, Chunked: true, KeepAlive: true}, Body: "hi"},
			{Head: Head{Method: "GET", Target: "/3", Version: "1.1", Headers: hs("Connection", "close"), ContentLength: -1}},
		}},
	},
	{
		name:  "bytes past Content-Length are the next request",
		input: "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Method: "POST", Target: "/a", Version: "1.1", Headers: hs("Content-Length", "3"), ContentLength: 3, KeepAlive: true}, Body: "abc"},
			{Head: Head{Method: "GET", Target: "/b", Version: "1.1", ContentLength: -1, KeepAlive: true}},
		}},
	},
	{
		name:  "blank lines before and between requests are skipped",
		input: "\r\n\r\nGET /a HTTP/1.1\r\n\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Method: "GET", Target: "/a", Version: "1.1", ContentLength: -1, KeepAlive: true}},
			{Head: Head{Method: "GET", Target: "/b", Version: "1.1", ContentLength: -1, KeepAlive: true}},
		}},
	},
	{
		name:  "bare LF line endings",
		input: "GET /lf HTTP/1.1\nHost: x\n\n",
		want: transcript{Messages: []message{{Head: Head{
			Method: "GET", Target: "/lf", Version: "1.1", Headers: hs("Host", "x"), ContentLength: -1, KeepAlive: true,
		}}}},
	},
	{
		name:  "HTTP/1.0 closes by default",
		input: "GET / HTTP/1.0\r\n\r\n",
		want:  transcript{Messages: []message{{Head: Head{Method: "GET", Target: "/", Version: "1.0", ContentLength: -1}}}},
	},
	{
		name:  "HTTP/1.0 with keep-alive",
		input: "GET / HTTP/1.0\r\nconnection: Keep-Alive\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{Method: "GET", Target: "/", Version: "1.0",
			Headers: hs("connection", "Keep-Alive"), ContentLength: -1, KeepAlive: true}}}},
	},
	{
		name:  "HTTP/1.1 close among other options",
		input: "GET / HTTP/1.1\r\nConnection: TE, CLOSE\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{Method: "GET", Target: "/", Version: "1.1",
			Headers: hs("Connection", "TE, CLOSE"), ContentLength: -1}}}},
	},
	{
		name:  "obs-text in a value and odd but valid methods and targets",
		input: "M-SEARCH * HTTP/1.1\r\nX-Name: caf\xc3\xa9\r\n\r\n",
		want: transcript{Messages: []message{{Head: Head{Method: "M-SEARCH", Target: "*", Version: "1.1",
			Headers: hs("X-Name", "caf\xc3\xa9"), ContentLength: -1, KeepAlive: true}}}},
	},
	{
		name: "WebSocket upgrade leaves the following bytes to the new protocol",
		input: "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n" +
			"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n\x81\x85frame",
		want: transcript{Messages: []message{{Head: Head{Method: "GET", Target: "/chat", Version: "1.1",
			Headers: hs("Host", "x", "Upgrade", "websocket", "Connection", "keep-alive, Upgrade",
				"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"),
			ContentLength: -1, KeepAlive: true, Upgrade: true}}}, Upgraded: true, Rest: "\x81\x85frame"},
	},
	{
		name:  "Upgrade header without Connection: upgrade is no upgrade",
		input: "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
		want: transcript{Messages: []message{
			{Head: Head{Method: "GET", Target: "/", Version: "1.1", Headers: hs("Upgrade", "websocket"), ContentLength: -1, KeepAlive: true}},
			{Head: Head{Method: "GET", Target: "/2", Version: "1.1", ContentLength: -1, KeepAlive: true}},
		}},
	},
	{
		name:  "CONNECT switches at once, ignoring Content-Length",
		input: "CONNECT example.com:443 HTTP/1.1\r\nContent-Length: 5\r\n\r\n\x16\x03\x01tls",
		want: transcript{Messages: []message{{Head: Head{Method: "CONNECT", Target: "example.com:443", Version: "1.1",
			Headers: hs("Content-Length", "5"), ContentLength: 5, KeepAlive: true, Upgrade: true}}},
			Upgraded: true, Rest: "\x16\x03\x01tls"},
	},
}

func TestRequestParserCases(t *testing.T) {
	for _, tc := range requestCases {
		for _, sizes := range splits {
			got := run(t, NewRequestParser(Limits{}), "", []byte(tc.input), sizes, false)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s, pieces %v:\ngot  %s\nwant %s", tc.name, sizes, got, tc.want)
			}
		}
	}
}

func TestRequestParserCleanEOF(t *testing.T) {
	p := NewRequestParser(Limits{})
	got := run(t, p, "", []byte("GET / HTTP/1.1\r\n\r\n\r\n"), nil, true)
	if got.Err != nil || len(got.Messages) != 1 {
		t.Fatalf("clean end after one request: %s", got)
	}
	if _, _, err := p.Next([]byte("GET")); err == nil || err.(*Error).Kind != ErrMisuse {
		t.Fatalf("Next after Finish: got %v, want ErrMisuse", err)
	}
}

func TestUpgradeDeclinedResumesHTTP(t *testing.T) {
	p := NewRequestParser(Limits{})
	in := []byte("GET / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\nGET /next HTTP/1.1\r\n\r\n")
	var events []Event
	for len(events) < 10 {
		ev, n, err := p.Next(in)
		if err != nil {
			t.Fatal(err)
		}
		in = in[n:]
		events = append(events, ev)
		if ev == EventUpgrade {
			if ev2, n2, _ := p.Next(in); ev2 != EventUpgrade || n2 != 0 {
				t.Fatalf("Next after EventUpgrade gave %v using %d bytes, want Upgrade using 0", ev2, n2)
			}
			p.Resume()
		}
		if ev == EventNeedInput {
			break
		}
	}
	want := []Event{EventHead, EventComplete, EventUpgrade, EventHead, EventComplete, EventNeedInput}
	if !reflect.DeepEqual(events, want) {
		t.Fatalf("events %v, want %v", events, want)
	}
	if p.Head().Target != "/next" {
		t.Fatalf("after Resume parsed %q, want /next", p.Head().Target)
	}
}

// TestHeadOwnership checks that what a Head hands out survives the next
// message and the reuse of the input buffer.
func TestHeadOwnership(t *testing.T) {
	p := NewRequestParser(Limits{})
	buf := []byte("GET /first HTTP/1.1\r\nA: 1\r\n\r\n")
	if ev, _, err := p.Next(buf); ev != EventHead || err != nil {
		t.Fatalf("got %v %v", ev, err)
	}
	h := p.Head()
	target, headers := h.Target, h.Headers
	copy(buf, strings.Repeat("x", len(buf)))
	p.Next(nil)
	p.Next([]byte("GET /second HTTP/1.1\r\nB: 2\r\n\r\n"))
	if target != "/first" || !reflect.DeepEqual(headers, hs("A", "1")) {
		t.Fatalf("first head changed: %q %v", target, headers)
	}
}

func TestHeaderLimitBoundary(t *testing.T) {
	const limit = 200
	prefix := "GET / HTTP/1.1\r\nX: "
	pad := func(total int) string { return prefix + strings.Repeat("a", total-len(prefix)-4) + "\r\n\r\n" }
	for _, sizes := range splits {
		ok := run(t, NewRequestParser(Limits{MaxHeaderBytes: limit}), "", []byte(pad(limit)), sizes, false)
		if ok.Err != nil || len(ok.Messages) != 1 {
			t.Errorf("head of exactly %d bytes, pieces %v: %s", limit, sizes, ok)
		}
		bad := run(t, NewRequestParser(Limits{MaxHeaderBytes: limit}), "", []byte(pad(limit+1)), sizes, false)
		if bad.Err == nil || bad.Err.Kind != ErrHeaderTooLarge || bad.Err.Status != 431 {
			t.Errorf("head of %d bytes, pieces %v: %s", limit+1, sizes, bad)
		}
	}
}

func TestDefaultHeaderLimitIs80KiB(t *testing.T) {
	big := "GET / HTTP/1.1\r\nX: " + strings.Repeat("a", 80<<10) + "\r\n\r\n"
	got := run(t, NewRequestParser(Limits{}), "", []byte(big), []int{4096}, false)
	if got.Err == nil || got.Err.Status != 431 || !strings.Contains(got.Err.Msg, "81920") {
		t.Fatalf("81 KiB head: %s", got)
	}
	fits := "GET / HTTP/1.1\r\nX: " + strings.Repeat("a", 79<<10) + "\r\n\r\n"
	if got := run(t, NewRequestParser(Limits{}), "", []byte(fits), []int{4096}, false); got.Err != nil {
		t.Fatalf("79 KiB head: %v", got.Err)
	}
}

// TestParseAllocations holds the parser to two allocations per request
// head: one string for the head, one slice for its headers.
func TestParseAllocations(t *testing.T) {
	p := NewRequestParser(Limits{})
	in := []byte(typicalGET)
	allocs := testing.AllocsPerRun(200, func() {
		data := in
		for {
			ev, n, err := p.Next(data)
			if err != nil {
				t.Fatal(err)
			}
			data = data[n:]
			if ev == EventNeedInput {
				return
			}
		}
	})
	if allocs > 2 {
		t.Fatalf("%.1f allocations per GET, want at most 2", allocs)
	}
}

// TestLargeHeadMemoryReleased checks that a parser does not keep the memory
// of a large head once it is parsed, so idle connections stay small.
func TestLargeHeadMemoryReleased(t *testing.T) {
	p := NewRequestParser(Limits{})
	in := []byte("GET / HTTP/1.1\r\nCookie: " + strings.Repeat("c", 60<<10) + "\r\n\r\n")
	got := run(t, p, "", in, []int{1024}, false)
	if got.Err != nil || len(got.Messages) != 1 || len(got.Messages[0].Head.Headers[0].Value) != 60<<10 {
		t.Fatalf("large head: %s", got.Err)
	}
	if cap(p.buf) > 4<<10 {
		t.Fatalf("parser keeps %d bytes after the head", cap(p.buf))
	}
}
