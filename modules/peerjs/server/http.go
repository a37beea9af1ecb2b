package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// HeaderField is one HTTP header line, in the order it was received or is
// to be sent.
type HeaderField struct {
	// Name is the header name as received or to be sent.
	Name string
	// Value is the header value.
	Value string
}

// Request is a plain HTTP request handed over by a host server.
type Request struct {
	// Method is the request method, e.g. "GET".
	Method string
	// Target is the request target as received: path and query, e.g.
	// "/peerjs/id?ts=1&version=1.5.5".
	Target string
	// Header holds the request headers in received order.
	Header []HeaderField
}

// Response is the complete answer to a Request. Header includes
// Content-Length; the host writes Status, Header and Body as they are.
type Response struct {
	// Status is the HTTP status code.
	Status int
	// Header holds the response headers in the order to send them.
	Header []HeaderField
	// Body is the whole response body (nil for HEAD and 204).
	Body []byte
}

// headerValue returns the first value of the named header (case-insensitive).
func headerValue(h []HeaderField, name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// serverInfo is the body of GET {path}.
const serverInfo = `{"name":"PeerJS Server","description":"A server side element to broker connections between PeerJS clients.","website":"https://peerjs.com/"}`

// ServeHTTPRequest answers the HTTP API of the server (docs/wire/peerjs.md, HTTP endpoints):
// GET {path}, GET {path}{key}/id, GET {path}{key}/peers, and CORS preflights
// under {path}. It reports false when the request is not one of these, so
// the host can route it elsewhere; the WebSocket path is served by
// ServeStream, not here. It may be called from any goroutine.
func (s *Server) ServeHTTPRequest(req Request) (Response, bool) {
	rest, ok := s.mounted(req.Target)
	if !ok {
		return Response{}, false
	}
	origin := headerValue(req.Header, "Origin")
	method := strings.ToUpper(req.Method)
	if method == http.MethodOptions {
		h := corsHeaders(origin)
		h = append(h, HeaderField{"Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE"})
		if asked := headerValue(req.Header, "Access-Control-Request-Headers"); asked != "" {
			h = append(h, HeaderField{"Access-Control-Allow-Headers", asked},
				HeaderField{"Vary", "Access-Control-Request-Headers"})
		}
		h = append(h, HeaderField{"Content-Length", "0"})
		return Response{Status: http.StatusNoContent, Header: h}, true
	}
	if method != http.MethodGet && method != http.MethodHead {
		return Response{}, false
	}
	segs := routeSegments(rest)
	var resp Response
	switch {
	case len(segs) == 0:
		resp = textResponse(http.StatusOK, "application/json; charset=utf-8", serverInfo)
	case len(segs) == 2 && strings.EqualFold(segs[1], "id"):
		resp = textResponse(http.StatusOK, "text/html; charset=utf-8", s.freshID())
	case len(segs) == 2 && strings.EqualFold(segs[1], "peers"):
		if !s.opts.AllowDiscovery {
			resp = textResponse(http.StatusUnauthorized, "text/plain; charset=utf-8", "Unauthorized")
			break
		}
		ids, _ := json.Marshal(s.ClientIDs()) // a []string always marshals.
		resp = textResponse(http.StatusOK, "application/json; charset=utf-8", string(ids))
	default:
		return Response{}, false
	}
	resp.Header = append(corsHeaders(origin), resp.Header...)
	if method == http.MethodHead {
		resp.Body = nil
	}
	return resp, true
}

// mounted strips the query and the mount path from target. It reports
// false when target lies outside the mount path. Like Express, it matches
// the mount path case-insensitively and on whole segments.
func (s *Server) mounted(target string) (string, bool) {
	path := target
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	prefix := strings.TrimSuffix(s.opts.Path, "/")
	if prefix == "" {
		return path, strings.HasPrefix(path, "/")
	}
	if len(path) < len(prefix) || !strings.EqualFold(path[:len(prefix)], prefix) {
		return "", false
	}
	rest := path[len(prefix):]
	if rest != "" && rest[0] != '/' {
		return "", false
	}
	return rest, true
}

// routeSegments splits a mount-relative path into its segments, allowing
// one trailing slash (Express routes are not strict). An empty segment in
// the middle yields nil plus a marker that matches no route.
func routeSegments(rest string) []string {
	rest = strings.TrimPrefix(rest, "/")
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" {
		return nil
	}
	segs := strings.Split(rest, "/")
	for _, seg := range segs {
		if seg == "" {
			return []string{"", "", ""}
		}
	}
	return segs
}

// freshID returns an id not registered now.
func (s *Server) freshID() string {
	for {
		id := s.opts.GenerateID()
		s.mu.Lock()
		_, taken := s.clients[id]
		s.mu.Unlock()
		if !taken {
			return id
		}
	}
}

// corsHeaders are the headers the cors middleware ({origin: true}) adds:
// the request's origin reflected, and Vary: Origin.
func corsHeaders(origin string) []HeaderField {
	h := make([]HeaderField, 0, 4)
	if origin != "" {
		h = append(h, HeaderField{"Access-Control-Allow-Origin", origin})
	}
	return append(h, HeaderField{"Vary", "Origin"})
}

// textResponse builds a response with a body of the given type.
func textResponse(status int, contentType, body string) Response {
	return Response{
		Status: status,
		Header: []HeaderField{
			{"Content-Type", contentType},
			{"Content-Length", strconv.Itoa(len(body))},
		},
		Body: []byte(body),
	}
}
