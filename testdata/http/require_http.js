// A module served over node.http by this very script is loaded with require("http://..."):
// require returns the exports object at once, the module loads after this script's body,
// and onLoad runs once it has.
PORT = parseInt(ARGV[2]);
var served = [];
var server = node.http.createServer(function (req, res) {
  served.push(req.method + " " + req.uri.path);
  res.sendHeader(200, [["Content-Type", "application/javascript"]]);
  res.sendBody("exports.greet = function (name) { return 'hello ' + name + ' from ' + __filename; };\n");
  res.finish();
});
server.listen(PORT);

var greeter = require("http://127.0.0.1:" + PORT + "/lib/greeter.js");
puts("right after require: greet is " + typeof greeter.greet);

function onLoad () {
  puts(greeter.greet("world").replace(/:\d+/, ":PORT"));
  puts("served " + JSON.stringify(served));
  server.close();
}
