package wire

// StatusReason is one entry of the STATUS_CODES table.
type StatusReason struct {
	Code   int    // the status code, e.g. 404
	Reason string // its reason phrase, e.g. "Not Found"
}

// statusCodes is node.http.STATUS_CODES as Node 0.1.0 defined it: the
// classic 37-entry table (HTTP/1.1's codes of the 1990s, with "Moved
// Temporarily", "Request Time-out" and "HTTP Version not supported" spelled
// as Node then spelled them), in ascending order.
var statusCodes = [...]StatusReason{
	{100, "Continue"},
	{101, "Switching Protocols"},
	{200, "OK"},
	{201, "Created"},
	{202, "Accepted"},
	{203, "Non-Authoritative Information"},
	{204, "No Content"},
	{205, "Reset Content"},
	{206, "Partial Content"},
	{300, "Multiple Choices"},
	{301, "Moved Permanently"},
	{302, "Moved Temporarily"},
	{303, "See Other"},
	{304, "Not Modified"},
	{305, "Use Proxy"},
	{400, "Bad Request"},
	{401, "Unauthorized"},
	{402, "Payment Required"},
	{403, "Forbidden"},
	{404, "Not Found"},
	{405, "Method Not Allowed"},
	{406, "Not Acceptable"},
	{407, "Proxy Authentication Required"},
	{408, "Request Time-out"},
	{409, "Conflict"},
	{410, "Gone"},
	{411, "Length Required"},
	{412, "Precondition Failed"},
	{413, "Request Entity Too Large"},
	{414, "Request-URI Too Large"},
	{415, "Unsupported Media Type"},
	{500, "Internal Server Error"},
	{501, "Not Implemented"},
	{502, "Bad Gateway"},
	{503, "Service Unavailable"},
	{504, "Gateway Time-out"},
	{505, "HTTP Version not supported"},
}

// laterStatusCodes name codes registered after 0.1.0's table was written.
// They are not part of STATUS_CODES; they only give status lines written by
// earlynode a real reason phrase (the 431 it answers to oversized heads,
// for one).
var laterStatusCodes = [...]StatusReason{
	{102, "Processing"},
	{103, "Early Hints"},
	{207, "Multi-Status"},
	{208, "Already Reported"},
	{226, "IM Used"},
	{307, "Temporary Redirect"},
	{308, "Permanent Redirect"},
	{416, "Range Not Satisfiable"},
	{417, "Expectation Failed"},
	{418, "I'm a Teapot"},
	{421, "Misdirected Request"},
	{422, "Unprocessable Entity"},
	{423, "Locked"},
	{424, "Failed Dependency"},
	{425, "Too Early"},
	{426, "Upgrade Required"},
	{428, "Precondition Required"},
	{429, "Too Many Requests"},
	{431, "Request Header Fields Too Large"},
	{451, "Unavailable For Legal Reasons"},
	{506, "Variant Also Negotiates"},
	{507, "Insufficient Storage"},
	{508, "Loop Detected"},
	{510, "Not Extended"},
	{511, "Network Authentication Required"},
}

// StatusCodes returns the node.http.STATUS_CODES table, code to reason
// phrase, in ascending order of code. The slice is a fresh copy.
func StatusCodes() []StatusReason {
	out := make([]StatusReason, len(statusCodes))
	copy(out, statusCodes[:])
	return out
}

// StatusText returns the reason phrase a status line carries for code:
// the STATUS_CODES entry, else the phrase registered later, else "unknown"
// (as 0.1.0 wrote for codes missing from its table).
func StatusText(code int) string {
	for _, table := range [...][]StatusReason{statusCodes[:], laterStatusCodes[:]} {
		for _, s := range table {
			if s.Code == code {
				return s.Reason
			}
		}
	}
	return "unknown"
}
