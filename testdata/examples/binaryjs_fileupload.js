// File upload with BinaryJS, the shape of binaryjs's fileupload example with a Node client in
// place of the browser: the client sends a file with client.send(fileStream, meta); the server
// pipes the stream into a file and answers on the same stream once the file is closed. The
// files are node.fs streams (node.fs.createReadStream/createWriteStream, beyond 0.1.0).
var BinaryServer = require("binaryjs").BinaryServer;
var BinaryClient = require("binaryjs").BinaryClient;
var port = ARGV[2];
var uploads = ARGV[3];

var server = new BinaryServer({ port: port });
server.addListener("connection", function (client) {
  client.addListener("stream", function (stream, meta) {
    var file = node.fs.createWriteStream(uploads + "/" + meta.name);
    stream.pipe(file);
    file.addListener("close", function () {
      stream.write({ saved: meta.name });
    });
  });
});

var client = new BinaryClient("ws://localhost:" + port);
client.addListener("open", function () {
  var stream = client.send(node.fs.createReadStream("binaryjs_photo.bin"), { name: "photo.bin" });
  stream.addListener("data", function (reply) {
    puts("server saved " + reply.saved);
    node.fs.cat("binaryjs_photo.bin", "buffer").addCallback(function (photo) {
      node.fs.cat(uploads + "/" + reply.saved, "buffer").addCallback(function (saved) {
        puts("sent " + photo.length + " bytes, saved " + saved.length + " bytes, identical: " + photo.equals(saved));
        client.close();
        server.close();
      });
    });
  });
});
