package wire

import (
	"reflect"
	"testing"
)

var uriCases = []struct {
	in   string
	want URI
}{
	{"/status?name=ryan", URI{ // the man page's example
		Source: "/status?name=ryan", Relative: "/status?name=ryan", Path: "/status", Directory: "/", File: "status",
		Query: "name=ryan", Params: []Param{{"name", "ryan"}}}},
	{"http://user:pw@host:8080/a/b.html?x=1#frag", URI{
		Source: "http://user:pw@host:8080/a/b.html?x=1#frag", Protocol: "http", Authority: "user:pw@host:8080",
		UserInfo: "user:pw", User: "user", Password: "pw", Host: "host", Port: "8080",
		Relative: "/a/b.html?x=1#frag", Path: "/a/b.html", Directory: "/a/", File: "b.html",
		Query: "x=1", Anchor: "frag", Params: []Param{{"x", "1"}}}},
	{"http://localhost:8000", URI{Source: "http://localhost:8000", Protocol: "http", Authority: "localhost:8000",
		Host: "localhost", Port: "8000"}},
	{"http://example.com?q", URI{Source: "http://example.com?q", Protocol: "http", Authority: "example.com",
		Host: "example.com", Relative: "?q", Query: "q", Params: []Param{{"q", ""}}}},
	{"/", URI{Source: "/", Relative: "/", Path: "/", Directory: "/"}},
	{"/a/b/", URI{Source: "/a/b/", Relative: "/a/b/", Path: "/a/b/", Directory: "/a/b/"}},
	{"*", URI{Source: "*", Relative: "*", Path: "*", File: "*"}},
	{"", URI{}},
	{"/p?a=1&a=2&b&=skipped&&c=x=y", URI{Source: "/p?a=1&a=2&b&=skipped&&c=x=y", Relative: "/p?a=1&a=2&b&=skipped&&c=x=y",
		Path: "/p", Directory: "/", File: "p", Query: "a=1&a=2&b&=skipped&&c=x=y",
		Params: []Param{{"a", "1"}, {"a", "2"}, {"b", ""}, {"c", "x=y"}}}},
	{"/s?q=a+b%20c%2B&bad=%zz%4&n%C3%A9=caf%C3%A9", URI{Source: "/s?q=a+b%20c%2B&bad=%zz%4&n%C3%A9=caf%C3%A9",
		Relative: "/s?q=a+b%20c%2B&bad=%zz%4&n%C3%A9=caf%C3%A9", Path: "/s", Directory: "/", File: "s",
		Query:  "q=a+b%20c%2B&bad=%zz%4&n%C3%A9=caf%C3%A9",
		Params: []Param{{"q", "a b c+"}, {"bad", "%zz%4"}, {"n\u00e9", "caf\u00e9"}}}},
	{"/page#top?not-a-query", URI{Source: "/page#top?not-a-query", Relative: "/page#top?not-a-query", Path: "/page",
		Directory: "/", File: "page", Anchor: "top?not-a-query"}},
	{"//cdn.example.com/lib.js", URI{Source: "//cdn.example.com/lib.js", Authority: "cdn.example.com", Host: "cdn.example.com",
		Relative: "/lib.js", Path: "/lib.js", Directory: "/", File: "lib.js"}},
	{"http://[::1]:8080/x", URI{Source: "http://[::1]:8080/x", Protocol: "http", Authority: "[::1]:8080", Host: "[::1]", Port: "8080",
		Relative: "/x", Path: "/x", Directory: "/", File: "x"}},
	{"http://[::1]/", URI{Source: "http://[::1]/", Protocol: "http", Authority: "[::1]", Host: "[::1]",
		Relative: "/", Path: "/", Directory: "/"}},
	{"http://u@h/?e=a@b", URI{Source: "http://u@h/?e=a@b", Protocol: "http", Authority: "u@h", UserInfo: "u", User: "u", Host: "h",
		Relative: "/?e=a@b", Path: "/", Directory: "/", Query: "e=a@b", Params: []Param{{"e", "a@b"}}}},
	{"http://a:b@c@host/", URI{Source: "http://a:b@c@host/", Protocol: "http", Authority: "a:b@c@host", UserInfo: "a:b@c",
		User: "a", Password: "b@c", Host: "host", Relative: "/", Path: "/", Directory: "/"}},
	{"http://host:http/", URI{Source: "http://host:http/", Protocol: "http", Authority: "host:http", Host: "host:http",
		Relative: "/", Path: "/", Directory: "/"}},
	{"mailto:someone@example.com", URI{Source: "mailto:someone@example.com", Protocol: "mailto",
		Relative: "someone@example.com", Path: "someone@example.com", File: "someone@example.com"}},
	{"/a:b/c", URI{Source: "/a:b/c", Relative: "/a:b/c", Path: "/a:b/c", Directory: "/a:b/", File: "c"}},
}

func TestParseURI(t *testing.T) {
	for _, tc := range uriCases {
		if got := ParseURI(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseURI(%q):\ngot  %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

func TestURIHelpers(t *testing.T) {
	u := ParseURI("/p?a=1&b=2&a=3#x")
	if v, ok := u.Param("a"); !ok || v != "3" {
		t.Errorf("Param(a) = %q, %v; want the last value, 3", v, ok)
	}
	if _, ok := u.Param("zz"); ok {
		t.Error("Param(zz) found")
	}
	if u.String() != "/p?a=1&b=2&a=3#x" {
		t.Errorf("String() = %q", u.String())
	}
	for in, want := range map[string]string{
		"http://h:1":         "/",
		"http://h:1?x=1#f":   "/?x=1",
		"http://h/a/b?c=d#e": "/a/b?c=d",
		"http://h/a#e":       "/a",
	} {
		u := ParseURI(in)
		if got := u.RequestTarget(); got != want {
			t.Errorf("RequestTarget of %q = %q, want %q", in, got, want)
		}
	}
	if ParseQuery("") != nil || ParseQuery("&&=x") != nil {
		t.Error("ParseQuery of no pairs is not nil")
	}
}
