package server

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRequestParsing feeds arbitrary upgrade queries and request targets to
// the parsers of untrusted HTTP input. They must not panic, query values
// must come out as valid UTF-8, and only GET/HEAD/OPTIONS are ever served.
func FuzzRequestParsing(f *testing.F) {
	for _, s := range []string{
		"key=peerjs&id=alice&token=abc&version=1.5.5",
		"id=a%20b&id=last&token=%zz&key=%",
		"a+b=c+d&&=&x",
		"/peerjs/id?ts=1",
		"/myapp/peerjs/peers/",
		"//x//y",
	} {
		f.Add(s, "GET")
	}
	f.Add("/", "OPTIONS")
	s, err := New(Options{Path: "/myapp", AllowDiscovery: true})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	root, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer root.Close()
	f.Fuzz(func(t *testing.T, input, method string) {
		for k, v := range parseQuery(input) {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Fatalf("parseQuery(%q) gave invalid UTF-8 %q=%q", input, k, v)
			}
		}
		for _, srv := range []*Server{s, root} {
			resp, ok := srv.ServeHTTPRequest(Request{Method: method, Target: input, Header: []HeaderField{{"Origin", input}}})
			m := strings.ToUpper(method)
			if ok && m != "GET" && m != "HEAD" && m != "OPTIONS" {
				t.Fatalf("served method %q", method)
			}
			if ok && resp.Status == 0 {
				t.Fatalf("served %q with no status", input)
			}
			_ = srv.MatchUpgrade(input)
		}
	})
}
