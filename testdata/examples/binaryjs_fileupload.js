// File upload with BinaryJS, the shape of binaryjs's fileupload example with a Node client in
// place of the browser: the client sends a file with client.send(data, meta); the server
// streams what arrives into a new file and answers on the same stream when it is complete.
// Reading and writing use node.fs.cat and node.fs.File (node.fs has no streams yet).
var BinaryServer = require("binaryjs").BinaryServer;
var BinaryClient = require("binaryjs").BinaryClient;
var port = ARGV[2];
var uploads = ARGV[3];

var server = new BinaryServer({ port: port });
server.addListener("connection", function (client) {
  client.addListener("stream", function (stream, meta) {
    var file = new node.fs.File();
    var chunks = 0;
    file.open(uploads + "/" + meta.name, "w");
    stream.addListener("data", function (data) {
      chunks++;
      file.write(data);
    });
    stream.addListener("end", function () {
      file.close().addCallback(function () {
        stream.write({ saved: meta.name, chunks: chunks });
      });
    });
  });
});

var client = new BinaryClient("ws://localhost:" + port);
client.addListener("open", function () {
  node.fs.cat("binaryjs_photo.bin", "buffer").addCallback(function (photo) {
    var stream = client.send(photo, { name: "photo.bin", size: photo.length });
    stream.addListener("data", function (reply) {
      puts("server saved " + reply.saved + " from " + reply.chunks + " chunks");
      node.fs.cat(uploads + "/" + reply.saved, "buffer").addCallback(function (saved) {
        puts("sent " + photo.length + " bytes, saved " + saved.length + " bytes, identical: " + photo.equals(saved));
        client.close();
        server.close();
      });
    });
  });
});
