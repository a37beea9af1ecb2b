// node.http.parseUri gives every field present in the string (and only those), params decoded,
// and toString(); node.http.STATUS_CODES is 0.1.0's table.
var uris = [
  "http://user:secret@www.example.com:8080/dir/sub/page.html?a=1&b=two+words&c=%7E#top",
  "/status?name=ryan",
  "ftp://ftp.example.org/pub/",
  "relative/path.txt",
  "http://[::1]:8000/x?y",
  "?only=query&only=again"
];
uris.forEach(function (s) {
  var u = node.http.parseUri(s);
  puts(s);
  puts("  " + JSON.stringify(u));
  puts("  toString " + (u.toString() === s) + ", String(u) " + (String(u) === s));
});
var codes = node.http.STATUS_CODES;
puts("STATUS_CODES has " + Object.keys(codes).length + " entries");
[100, 200, 302, 404, 408, 500, 505].forEach(function (c) { puts(c + " " + codes[c]); });
puts("418 " + codes[418]);
