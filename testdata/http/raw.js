// Helper for the node.http tests (no .out): speaks raw HTTP over node.tcp.
//
// exchange(port, text, options, callback): connects, sends text, and calls callback(received,
// had_error) when the connection ends. options.halfClose sends FIN after the text;
// options.until(received) returning true ends the connection from our side.
exports.exchange = function (port, text, options, callback) {
  var c = node.tcp.createConnection(port, "127.0.0.1");
  c.setEncoding("ascii");
  var got = "";
  var done = false;
  c.addListener("connect", function () {
    if (typeof text == "string") {
      c.send(text);
    } else {
      text.forEach(function (part) { c.send(part); });
    }
    if (options.halfClose) c.close();
  });
  c.addListener("receive", function (data) {
    got += data;
    if (!done && options.until && options.until(got)) {
      done = true;
      c.forceClose();
    }
  });
  c.addListener("eof", function () { c.close(); });
  c.addListener("disconnect", function (had_error) { callback(got, had_error); });
  return c;
};

// show makes received bytes printable line by line.
exports.show = function (text) {
  return text.replace(/\r\n/g, "\\r\\n\n").replace(/\n$/, "");
};
