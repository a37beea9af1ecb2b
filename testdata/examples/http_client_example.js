var google = node.http.createClient(PORT, "127.0.0.1");
var request = google.get("/");
request.finish(function (response) {
  puts("STATUS: " + response.statusCode);
  puts("HEADERS: " + JSON.stringify(response.headers));
  response.setBodyEncoding("utf8");
  response.addListener("body", function (chunk) {
    puts("BODY: " + chunk);
  });
});
