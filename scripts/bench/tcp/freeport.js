// Prints a TCP port on 127.0.0.1 that was free a moment ago (run with Node.js).
var s = require("net").createServer().listen(0, "127.0.0.1", function () {
  console.log(s.address().port);
  s.close();
});
