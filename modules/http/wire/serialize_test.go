package wire

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// withFraming renders serialized bytes followed by the Framing decided.
func withFraming(b []byte, fr Framing) []byte {
	return append(b, fmt.Sprintf("--- framing: %+v\n", fr)...)
}

// requestHead is what the parser would report for a request with the given
// version and Connection header.
func requestHead(method, version string, keepAlive bool) *Head {
	return &Head{Method: method, Version: version, KeepAlive: keepAlive, ContentLength: -1}
}

var responseHeadCases = []struct {
	golden  string
	req     *Head
	status  int
	headers []Header
	want    Framing
}{
	{"response_auto_chunked.http", requestHead("GET", "1.1", true), 200, hs("Content-Type", "text/plain"),
		Framing{Chunked: true, ContentLength: -1, KeepAlive: true}},
	{"response_auto_chunked_request_asked_close.http", requestHead("GET", "1.1", false), 200, hs("Content-Type", "text/plain"),
		Framing{Chunked: true, ContentLength: -1}},
	{"response_content_length.http", requestHead("GET", "1.1", true), 200, hs("Content-Length", "11", "Content-Type", "text/plain"),
		Framing{ContentLength: 11, KeepAlive: true}},
	{"response_http10_no_length.http", requestHead("GET", "1.0", false), 200, hs("Content-Type", "text/html"),
		Framing{ContentLength: -1}},
	{"response_http10_keepalive_no_length.http", requestHead("GET", "1.0", true), 200, hs("Content-Type", "text/html"),
		Framing{ContentLength: -1}},
	{"response_http10_keepalive_with_length.http", requestHead("GET", "1.0", true), 200, hs("Content-Length", "2"),
		Framing{ContentLength: 2, KeepAlive: true}},
	{"response_proxy_forwards_chunked.http", requestHead("GET", "1.1", true), 200,
		hs("Content-Type", "text/plain", "Transfer-Encoding", "chunked", "Connection", "keep-alive"),
		Framing{Chunked: true, ContentLength: -1, KeepAlive: true}},
	{"response_user_connection_close.http", requestHead("GET", "1.1", true), 200, hs("connection", "close"),
		Framing{Chunked: true, ContentLength: -1}},
	{"response_user_keepalive_request_close.http", requestHead("GET", "1.1", false), 200, hs("Connection", "keep-alive", "Content-Length", "0"),
		Framing{ContentLength: 0}},
	{"response_transfer_encoding_not_chunked.http", requestHead("GET", "1.1", true), 200, hs("Transfer-Encoding", "gzip"),
		Framing{ContentLength: -1}},
	{"response_to_head.http", requestHead("HEAD", "1.1", true), 200, hs("Content-Type", "text/plain"),
		Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"response_204.http", requestHead("DELETE", "1.1", true), 204, nil,
		Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"response_304.http", requestHead("GET", "1.1", true), 304, hs("ETag", `"abc"`),
		Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"response_100_continue.http", requestHead("POST", "1.1", true), 100, nil,
		Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"response_101_switching.http", requestHead("GET", "1.1", true), 101, hs("Upgrade", "websocket", "Connection", "Upgrade"),
		Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"response_unknown_status.http", requestHead("GET", "1.1", true), 299, hs("Content-Length", "0"),
		Framing{ContentLength: 0, KeepAlive: true}},
	{"response_431_later_reason.http", requestHead("GET", "1.1", true), 431, hs("Content-Length", "0"),
		Framing{ContentLength: 0, KeepAlive: true}},
	{"response_nil_request.http", nil, 404, hs("Content-Length", "9", "Set-Cookie", "a=1", "Set-Cookie", "b=2"),
		Framing{ContentLength: 9, KeepAlive: true}},
}

func TestAppendResponseHead(t *testing.T) {
	for _, tc := range responseHeadCases {
		prefix := []byte("prefix|")
		out, fr, err := AppendResponseHead(prefix, tc.req, tc.status, tc.headers)
		if err != nil {
			t.Fatalf("%s: %v", tc.golden, err)
		}
		if !bytes.HasPrefix(out, prefix) {
			t.Fatalf("%s: dst not kept", tc.golden)
		}
		if fr != tc.want {
			t.Errorf("%s: framing %+v, want %+v", tc.golden, fr, tc.want)
		}
		testenv.Golden(t, filepath.Join("testdata", "golden", tc.golden), withFraming(out[len(prefix):], fr))
	}
}

var requestHeadCases = []struct {
	golden    string
	method    string
	target    string
	headers   []Header
	keepAlive bool
	want      Framing
}{
	{"request_get.http", "GET", "/", hs("Host", "localhost"), false, Framing{NoBody: true, ContentLength: -1}},
	{"request_head_keepalive.http", "HEAD", "/x", nil, true, Framing{NoBody: true, ContentLength: -1, KeepAlive: true}},
	{"request_post_auto_chunked.http", "POST", "/upload", hs("Content-Type", "text/plain"), false, Framing{Chunked: true, ContentLength: -1}},
	{"request_put_content_length.http", "PUT", "/doc", hs("Content-Length", "5"), false, Framing{ContentLength: 5}},
	{"request_user_chunked.http", "POST", "/s", hs("Transfer-Encoding", "chunked"), true, Framing{Chunked: true, ContentLength: -1, KeepAlive: true}},
	{"request_user_connection.http", "DELETE", "/thing?id=1", hs("Connection", "close", "Content-Length", "0"), true, Framing{ContentLength: 0}},
}

func TestAppendRequestHead(t *testing.T) {
	for _, tc := range requestHeadCases {
		out, fr, err := AppendRequestHead(nil, tc.method, tc.target, tc.headers, tc.keepAlive)
		if err != nil {
			t.Fatalf("%s: %v", tc.golden, err)
		}
		if fr != tc.want {
			t.Errorf("%s: framing %+v, want %+v", tc.golden, fr, tc.want)
		}
		testenv.Golden(t, filepath.Join("testdata", "golden", tc.golden), withFraming(out, fr))
	}
}

func TestChunkFraming(t *testing.T) {
	var b []byte
	b = AppendChunk(b, []byte("hello"))
	b = AppendChunk(b, nil) // nothing: an empty chunk would end the body
	b = AppendChunkString(b, strings.Repeat("z", 26))
	b = AppendChunkString(b, "")
	b = AppendChunkHeader(b, 4096)
	b = append(b, "(4096 bytes here)\r\n"...)
	b = AppendLastChunk(b)
	testenv.Golden(t, filepath.Join("testdata", "golden", "chunks.http"), b)
}

func TestAppendErrorResponse(t *testing.T) {
	var b []byte
	b = AppendErrorResponse(b, newError(ErrHeaderTooLarge, "head exceeds 81920 bytes"))
	b = AppendErrorResponse(b, newError(ErrUnsupportedVersion, "HTTP/2.0"))
	b = AppendErrorResponse(b, newError(ErrBadHeader, "x"))
	b = AppendErrorResponse(b, errors.New("some other failure"))
	testenv.Golden(t, filepath.Join("testdata", "golden", "error_responses.http"), b)
}

// TestSerializedMessagesParse writes messages with the serializers and
// reads them back with the parsers.
func TestSerializedMessagesParse(t *testing.T) {
	pieces := []string{"Hello", " ", "World", strings.Repeat("!", 300)}
	want := strings.Join(pieces, "")

	req, fr, err := AppendRequestHead(nil, "POST", "/echo", hs("X-A", "1", "x-a", "2"), true)
	if err != nil || !fr.Chunked {
		t.Fatalf("request head: %v %+v", err, fr)
	}
	for _, s := range pieces {
		req = AppendChunkString(req, s)
	}
	req = AppendLastChunk(req)
	gotReq := run(t, NewRequestParser(Limits{}), "", req, []int{3}, true)
	if gotReq.Err != nil || len(gotReq.Messages) != 1 || gotReq.Messages[0].Body != want ||
		!reflect.DeepEqual(gotReq.Messages[0].Head.Headers, hs("X-A", "1", "x-a", "2", "Connection", "keep-alive", "Transfer-Encoding", "chunked")) {
		t.Fatalf("request round trip: %s", gotReq)
	}

	parsed := gotReq.Messages[0].Head
	res, fr, err := AppendResponseHead(nil, &parsed, 200, hs("Content-Type", "text/plain"))
	if err != nil || !fr.Chunked || !fr.KeepAlive {
		t.Fatalf("response head: %v %+v", err, fr)
	}
	for _, s := range pieces {
		res = AppendChunkString(res, s)
	}
	res = AppendLastChunk(res)
	gotRes := run(t, NewResponseParser(Limits{}), "POST", res, []int{7}, true)
	if gotRes.Err != nil || len(gotRes.Messages) != 1 || gotRes.Messages[0].Body != want || !gotRes.Messages[0].Head.KeepAlive {
		t.Fatalf("response round trip: %s", gotRes)
	}
}

func TestSerializerRefusesUnsafeInput(t *testing.T) {
	cases := []struct {
		name string
		call func() ([]byte, Framing, error)
		msg  string
	}{
		{"CRLF in a response header value", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 200, hs("X", "a\r\nInjected: 1"))
		}, "control byte"},
		{"space in a header name", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 200, hs("Bad Name", "v"))
		}, "not a token"},
		{"empty header name", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 200, hs("", "v"))
		}, "not a token"},
		{"status below 100", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 99, nil)
		}, "not in 100..999"},
		{"status above 999", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 1000, nil)
		}, "not in 100..999"},
		{"Content-Length not a number", func() ([]byte, Framing, error) {
			return AppendResponseHead([]byte("x"), nil, 200, hs("Content-Length", "ten"))
		}, "not a length"},
		{"method not a token", func() ([]byte, Framing, error) {
			return AppendRequestHead([]byte("x"), "GE T", "/", nil, false)
		}, "not a token"},
		{"empty target", func() ([]byte, Framing, error) {
			return AppendRequestHead([]byte("x"), "GET", "", nil, false)
		}, "empty request-target"},
		{"space in target", func() ([]byte, Framing, error) {
			return AppendRequestHead([]byte("x"), "GET", "/a b", nil, false)
		}, "space or control byte"},
		{"NUL in a request header value", func() ([]byte, Framing, error) {
			return AppendRequestHead([]byte("x"), "GET", "/", hs("X", "\x00"), false)
		}, "control byte"},
		{"request Transfer-Encoding not ending in chunked", func() ([]byte, Framing, error) {
			return AppendRequestHead([]byte("x"), "POST", "/", hs("Transfer-Encoding", "gzip"), false)
		}, "must end with chunked"},
	}
	for _, tc := range cases {
		out, _, err := tc.call()
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.msg)
		}
		if string(out) != "x" {
			t.Errorf("%s: dst changed to %q", tc.name, out)
		}
	}
}

func TestStatusCodes(t *testing.T) {
	table := StatusCodes()
	if len(table) != 37 {
		t.Fatalf("%d entries, want 0.1.0's 37", len(table))
	}
	for i := 1; i < len(table); i++ {
		if table[i-1].Code >= table[i].Code {
			t.Fatalf("not ascending at %v", table[i])
		}
	}
	table[0].Reason = "changed"
	if StatusCodes()[0].Reason != "Continue" {
		t.Fatal("StatusCodes handed out its own table")
	}
	for code, want := range map[int]string{200: "OK", 302: "Moved Temporarily", 404: "Not Found",
		505: "HTTP Version not supported", 431: "Request Header Fields Too Large", 299: "unknown", 600: "unknown"} {
		if got := StatusText(code); got != want {
			t.Errorf("StatusText(%d) = %q, want %q", code, got, want)
		}
	}
}
