// The heart of binaryjs 0.2.1's examples/fileupload server, on earlynode: each stream a client
// sends is piped into fs.createWriteStream(dir + '/' + meta.name). Arguments: port, dir.
var argv = typeof process !== 'undefined' ? process.argv : ARGV;
var BinaryServer = require('binaryjs').BinaryServer;
var fs = require('fs');
var dir = argv[3];
var bs = BinaryServer({port: +argv[2]});
bs.on('connection', function (client) {
  client.on('stream', function (stream, meta) {
    var file = fs.createWriteStream(dir + '/' + meta.name);
    stream.pipe(file);
    file.on('close', function () {
      console.log('saved ' + meta.name + ' ' + fs.statSync(dir + '/' + meta.name).size);
    });
  });
});
console.log('listening');
