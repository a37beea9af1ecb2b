// new node.tcp.Connection() then connect(); the same object connects again from inside its
// own disconnect listener.
var PORT = parseInt(ARGV[2]);
var served = 0;
var server = node.tcp.createServer(function (socket) {
  served += 1;
  var n = served;
  socket.addListener("connect", function () {
    socket.send("you are client " + n + "\n");
    socket.fullClose();
  });
});
server.listen(PORT);

var c = new node.tcp.Connection();
puts("readyState before connect: " + c.readyState);
puts("instance of Connection: " + (c instanceof node.tcp.Connection));
c.setEncoding("ascii");
var rounds = 0;
c.addListener("receive", function (data) { print("received: " + data); });
c.addListener("eof", function () { c.close(); });
c.addListener("disconnect", function (had_error) {
  rounds += 1;
  puts("disconnect " + rounds + " had_error " + had_error + " readyState " + c.readyState);
  if (rounds < 3) {
    c.connect(PORT, "127.0.0.1");
    puts("reconnecting: readyState " + c.readyState);
  } else {
    server.close();
  }
});
c.connect(PORT);
