// File download with BinaryJS, the shape of binaryjs's helloworld example with a Node client in
// place of the browser: the server sends a file to every client that connects
// (client.send(fileStream, meta)), and the client pipes it into a file of its own. The files are
// node.fs streams (node.fs.createReadStream/createWriteStream, beyond 0.1.0).
var BinaryServer = require("binaryjs").BinaryServer;
var BinaryClient = require("binaryjs").BinaryClient;
var port = ARGV[2];
var downloads = ARGV[3];

var server = new BinaryServer({ port: port });
server.addListener("connection", function (client) {
  client.send(node.fs.createReadStream("binaryjs_photo.bin"), { name: "photo.bin" });
});

var client = new BinaryClient("ws://localhost:" + port);
client.addListener("stream", function (stream, meta) {
  var received = 0;
  stream.addListener("data", function (data) { received += data.length; });
  var file = node.fs.createWriteStream(downloads + "/" + meta.name);
  stream.pipe(file);
  file.addListener("close", function () {
    puts("downloaded " + meta.name + ": " + received + " bytes");
    node.fs.cat("binaryjs_photo.bin", "buffer").addCallback(function (original) {
      node.fs.cat(downloads + "/" + meta.name, "buffer").addCallback(function (saved) {
        puts("identical to the original: " + original.equals(saved) + " (" + saved.length + " bytes)");
        client.close();
        server.close();
      });
    });
  });
});
