package server

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestHTTPAPI(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	tests := []struct {
		name       string
		opts       Options
		method     string
		path       string
		header     map[string]string
		wantStatus int
		wantType   string
		wantBody   string         // exact, when set
		bodyMatch  *regexp.Regexp // when set
		wantHeader map[string]string
	}{
		{name: "info", method: "GET", path: "/", wantStatus: 200, wantType: "application/json; charset=utf-8", wantBody: serverInfo},
		{name: "id", method: "GET", path: "/peerjs/id?ts=17000.5&version=1.5.5", wantStatus: 200, wantType: "text/html; charset=utf-8", bodyMatch: uuid},
		{name: "id with another key", method: "GET", path: "/otherkey/id", wantStatus: 200, bodyMatch: uuid},
		{name: "id trailing slash, any case", method: "GET", path: "/peerjs/ID/", wantStatus: 200, bodyMatch: uuid},
		{name: "peers refused", method: "GET", path: "/peerjs/peers", wantStatus: 401, wantBody: "Unauthorized"},
		{name: "peers allowed", opts: Options{AllowDiscovery: true}, method: "GET", path: "/peerjs/peers", wantStatus: 200, wantType: "application/json; charset=utf-8", wantBody: "[]"},
		{name: "cors reflects origin", method: "GET", path: "/peerjs/id", header: map[string]string{"Origin": "http://198.18.0.1:8000"}, wantStatus: 200,
			wantHeader: map[string]string{"Access-Control-Allow-Origin": "http://198.18.0.1:8000", "Vary": "Origin"}},
		{name: "preflight", method: "OPTIONS", path: "/peerjs/id", header: map[string]string{"Origin": "http://x", "Access-Control-Request-Headers": "x-a"}, wantStatus: 204,
			wantHeader: map[string]string{"Access-Control-Allow-Origin": "http://x", "Access-Control-Allow-Methods": "GET,HEAD,PUT,PATCH,POST,DELETE", "Access-Control-Allow-Headers": "x-a"}},
		{name: "head", method: "HEAD", path: "/", wantStatus: 200, wantBody: ""},
		{name: "unknown route", method: "GET", path: "/peerjs/nothing", wantStatus: 404},
		{name: "post not served", method: "POST", path: "/peerjs/id", wantStatus: 404},
		{name: "websocket path without upgrade", method: "GET", path: "/peerjs", wantStatus: 404},
		{name: "mounted info", opts: Options{Path: "/myapp"}, method: "GET", path: "/myapp", wantStatus: 200, wantBody: serverInfo},
		{name: "mounted id", opts: Options{Path: "/myapp/"}, method: "GET", path: "/myapp/peerjs/id", wantStatus: 200, bodyMatch: uuid},
		{name: "outside mount", opts: Options{Path: "/myapp"}, method: "GET", path: "/peerjs/id", wantStatus: 404},
		{name: "mount on segment boundary", opts: Options{Path: "/myapp"}, method: "GET", path: "/myappx/peerjs/id", wantStatus: 404},
		{name: "generated id", opts: Options{GenerateID: func() string { return "fixed" }}, method: "GET", path: "/peerjs/id", wantStatus: 200, wantBody: "fixed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, addr := startServer(t, tt.opts)
			req, err := http.NewRequest(tt.method, "http://"+addr+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d (body %q)", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantType != "" && resp.Header.Get("Content-Type") != tt.wantType {
				t.Errorf("Content-Type %q, want %q", resp.Header.Get("Content-Type"), tt.wantType)
			}
			if tt.wantBody != "" || (tt.bodyMatch == nil && tt.method == "HEAD") {
				if string(body) != tt.wantBody {
					t.Errorf("body %q, want %q", body, tt.wantBody)
				}
			}
			if tt.bodyMatch != nil && !tt.bodyMatch.Match(body) {
				t.Errorf("body %q does not match %v", body, tt.bodyMatch)
			}
			for k, v := range tt.wantHeader {
				if got := strings.Join(resp.Header.Values(k), ", "); !strings.Contains(got, v) {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestPeersListsConnectedClients(t *testing.T) {
	_, addr := startServer(t, Options{AllowDiscovery: true})
	open(t, addr, "bob")
	open(t, addr, "alice")
	resp, err := http.Get("http://" + addr + "/peerjs/peers")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != `["alice","bob"]` {
		t.Fatalf("peers = %s", body)
	}
}

func TestIDSkipsTakenIDs(t *testing.T) {
	ids := []string{"taken", "taken", "free"}
	i := 0
	s, addr := startServer(t, Options{GenerateID: func() string { id := ids[i%len(ids)]; i++; return id }})
	open(t, addr, "taken")
	resp, ok := s.ServeHTTPRequest(Request{Method: "GET", Target: "/peerjs/id"})
	if !ok || string(resp.Body) != "free" {
		t.Fatalf("id = %q (%v), want free", resp.Body, ok)
	}
}

func TestServeHTTPRequestLeavesOtherRoutes(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, target := range []string{"/index.html", "/peerjs", "/a/b/c", "peerjs/id"} {
		if _, ok := s.ServeHTTPRequest(Request{Method: "GET", Target: target}); ok {
			t.Errorf("ServeHTTPRequest claimed %q", target)
		}
	}
}

func TestOptionsValidation(t *testing.T) {
	for _, o := range []Options{{Path: "/a?b"}, {ExpireTimeout: -1}, {ConcurrentLimit: -5}} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) accepted bad options", o)
		}
	}
}
