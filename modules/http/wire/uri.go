package wire

import "strings"

// URI is 0.1.0's request.uri and node.http.parseUri result: a string split
// into the parts of the classic parseUri fields. Every field is a
// substring of Source except the decoded Params; an empty field means the
// part is absent (node.http leaves such fields out of the JavaScript object,
// as 0.1.0 did, so "/status" has no protocol).
//
// For "http://user:pw@host:8080/a/b.html?x=1#frag":
//
//	Source    "http://user:pw@host:8080/a/b.html?x=1#frag"
//	Protocol  "http"
//	Authority "user:pw@host:8080"
//	UserInfo  "user:pw"   User "user"   Password "pw"
//	Host      "host"      Port "8080"
//	Relative  "/a/b.html?x=1#frag"
//	Path      "/a/b.html" Directory "/a/"   File "b.html"
//	Query     "x=1"       Anchor "frag"     Params [{x 1}]
type URI struct {
	Source    string  // the whole string parsed
	Protocol  string  // scheme before "://", e.g. "http"
	Authority string  // everything between "//" and the path: [userinfo@]host[:port]
	UserInfo  string  // "user:password" before "@"
	User      string  // UserInfo before its first ":"
	Password  string  // UserInfo after its first ":"
	Host      string  // host name or address; an IPv6 literal keeps its brackets
	Port      string  // decimal port, as written
	Relative  string  // path, query and anchor: what follows the authority
	Path      string  // up to "?" or "#"
	Directory string  // Path up to and including its last "/"
	File      string  // Path after its last "/"
	Query     string  // after "?", up to "#"
	Anchor    string  // after "#"
	Params    []Param // the pairs of Query, decoded, in order (see ParseURI)
}

// Param is one decoded name=value pair of a query string.
type Param struct {
	Name  string // decoded name
	Value string // decoded value; "" for a bare name ("?flag")
}

// ParseURI splits s into its parts. It never fails: text that is not a
// URI still lands in the fields it resembles, as with the parseUri of
// 0.1.0's strict mode, which the man page's example follows ("/status" has
// Directory "/" and File "status"). Unlike that regular expression, the
// authority ends at the first "/", "?" or "#", so an "@" in a query cannot
// pass for user information.
//
// Params holds every pair of Query in order, split on "&" and at the first
// "=", with "+" read as a space and %XX escapes decoded (an invalid escape
// is kept as written); pairs with an empty name are skipped. A repeated
// name appears once per occurrence; the JavaScript params object, filled in
// order, keeps the last value, as 0.1.0's did (Param does the same lookup).
func ParseURI(s string) URI {
	u := URI{Source: s}
	rest := s
	if i := strings.IndexAny(rest, ":/?#"); i > 0 && rest[i] == ':' {
		u.Protocol, rest = rest[:i], rest[i+1:]
	}
	if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		u.Authority, rest = rest[:end], rest[end:]
		u.splitAuthority()
	}
	u.Relative = rest
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		u.Anchor, rest = rest[i+1:], rest[:i]
	}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		u.Query, rest = rest[i+1:], rest[:i]
	}
	u.Path = rest
	slash := strings.LastIndexByte(rest, '/')
	u.Directory, u.File = rest[:slash+1], rest[slash+1:]
	u.Params = ParseQuery(u.Query)
	return u
}

// splitAuthority fills UserInfo, User, Password, Host and Port from
// Authority.
func (u *URI) splitAuthority() {
	hostport := u.Authority
	if at := strings.LastIndexByte(hostport, '@'); at >= 0 {
		u.UserInfo, hostport = hostport[:at], hostport[at+1:]
		u.User, u.Password = u.UserInfo, ""
		if c := strings.IndexByte(u.UserInfo, ':'); c >= 0 {
			u.User, u.Password = u.UserInfo[:c], u.UserInfo[c+1:]
		}
	}
	u.Host = hostport
	if strings.HasPrefix(hostport, "[") {
		if end := strings.IndexByte(hostport, ']'); end > 0 {
			u.Host = hostport[:end+1]
			if after := hostport[end+1:]; len(after) > 0 && after[0] == ':' && allDigits(after[1:]) {
				u.Port = after[1:]
			}
		}
		return
	}
	if c := strings.LastIndexByte(hostport, ':'); c >= 0 && allDigits(hostport[c+1:]) {
		u.Host, u.Port = hostport[:c], hostport[c+1:]
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// String returns Source, as 0.1.0's uri.toString() did.
func (u URI) String() string { return u.Source }

// Param returns the value of the last pair named name, as the params
// object of 0.1.0 held it.
func (u *URI) Param(name string) (string, bool) {
	for i := len(u.Params) - 1; i >= 0; i-- {
		if u.Params[i].Name == name {
			return u.Params[i].Value, true
		}
	}
	return "", false
}

// RequestTarget returns what a client puts on its request line for this
// URI: Path ("/" when empty) and "?"+Query when there is a query. The
// anchor is never sent.
func (u *URI) RequestTarget() string {
	path := u.Path
	if path == "" {
		path = "/"
	}
	if u.Query == "" {
		return path
	}
	return path + "?" + u.Query
}

// ParseQuery splits a query string into decoded pairs, in order, by the
// rules ParseURI documents for Params. It returns nil for no pairs.
func ParseQuery(q string) []Param {
	if q == "" {
		return nil
	}
	n := strings.Count(q, "&") + 1
	params := make([]Param, 0, n)
	for q != "" {
		var pair string
		if i := strings.IndexByte(q, '&'); i >= 0 {
			pair, q = q[:i], q[i+1:]
		} else {
			pair, q = q, ""
		}
		name, value := pair, ""
		if i := strings.IndexByte(pair, '='); i >= 0 {
			name, value = pair[:i], pair[i+1:]
		}
		if name == "" {
			continue
		}
		params = append(params, Param{Name: unescapeQuery(name), Value: unescapeQuery(value)})
	}
	if len(params) == 0 {
		return nil
	}
	return params
}

// unescapeQuery decodes "+" as a space and %XX escapes; an invalid escape
// is kept as written. A string with neither is returned without copying.
func unescapeQuery(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0:
			b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
