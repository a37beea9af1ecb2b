// File download with BinaryJS, the shape of binaryjs's helloworld example with a Node client in
// place of the browser: the server sends a file to every client that connects, and the client
// streams it into a file of its own. Reading and writing use node.fs.cat and node.fs.File
// (node.fs has no streams yet).
var BinaryServer = require("binaryjs").BinaryServer;
var BinaryClient = require("binaryjs").BinaryClient;
var port = ARGV[2];
var downloads = ARGV[3];

var server = new BinaryServer({ port: port });
server.addListener("connection", function (client) {
  node.fs.cat("binaryjs_photo.bin", "buffer").addCallback(function (photo) {
    client.send(photo, { name: "photo.bin", size: photo.length });
  });
});

var client = new BinaryClient("ws://localhost:" + port);
client.addListener("stream", function (stream, meta) {
  var file = new node.fs.File();
  var received = 0;
  file.open(downloads + "/" + meta.name, "w");
  stream.addListener("data", function (data) {
    received += data.length;
    file.write(data);
  });
  stream.addListener("end", function () {
    file.close().addCallback(function () {
      puts("downloaded " + meta.name + ": " + received + " of " + meta.size + " bytes");
      node.fs.cat("binaryjs_photo.bin", "buffer").addCallback(function (original) {
        node.fs.cat(downloads + "/" + meta.name, "buffer").addCallback(function (saved) {
          puts("identical to the original: " + original.equals(saved));
          client.close();
          server.close();
        });
      });
    });
  });
});
