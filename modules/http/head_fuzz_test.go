package http

import (
	"testing"

	"earlynode/modules/http/wire"
)

// FuzzPackHead parses arbitrary request bytes and checks that every head the parser accepts
// survives packHead/unpackHead (how request.uri and request.headers are kept until first read)
// unchanged: no target or header can forge the separator.
func FuzzPackHead(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\n\r\n",
		"GET /status?name=ryan HTTP/1.1\r\nAccept: */*\r\nX-Dup: 1\r\nx-dup: 2\r\n\r\n",
		"POST /a HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
		"GET / HTTP/1.1\r\nX-Empty:\r\nX-Tab:\ta\tb\r\n\r\n",
		"GET / HTTP/1.1\r\nX-A: a\x00b\r\n\r\n",
		"GET /\x00 HTTP/1.1\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := wire.NewRequestParser(wire.Limits{})
		for len(data) > 0 {
			ev, n, err := p.Next(data)
			data = data[n:]
			if err != nil || ev == wire.EventNeedInput || ev == wire.EventUpgrade {
				return
			}
			if ev != wire.EventHead {
				continue
			}
			h := p.Head()
			target, hs := unpackHead(packHead(h))
			if target != h.Target || len(hs) != len(h.Headers) {
				t.Fatalf("target %q headers %d became %q, %d", h.Target, len(h.Headers), target, len(hs))
			}
			for i := range hs {
				if hs[i] != h.Headers[i] {
					t.Fatalf("header %d %q became %q", i, h.Headers[i], hs[i])
				}
			}
		}
	})
}
