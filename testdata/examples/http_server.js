// Runs the man page's SYNOPSIS web server (http_server_example.js, listening on PORT instead
// of 8000) and fetches its page once.
PORT = parseInt(ARGV[2]);
include("http_server_example.js");

function onLoad () {
  var start = new Date();
  var client = node.http.createClient(PORT, "127.0.0.1");
  client.get("/").finish(function (response) {
    puts("STATUS: " + response.statusCode);
    puts("HEADERS: " + JSON.stringify(response.headers));
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { puts("BODY: " + chunk); });
    response.addListener("complete", function () {
      puts("answered after at least 2 s: " + (new Date() - start >= 1990));
      node.exit(0);
    });
  });
}
