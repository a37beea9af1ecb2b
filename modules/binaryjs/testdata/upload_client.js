// Uploads a file with the real binaryjs on Node 20: client.send(fs.createReadStream(file),
// {name, size}), as the fileupload example's page does. Arguments: port, file, name.
var BinaryClient = require('binaryjs').BinaryClient;
var fs = require('fs');
var port = process.argv[2], file = process.argv[3], name = process.argv[4];
var client = new BinaryClient('ws://localhost:' + port);
client.on('open', function () {
  var stream = client.send(fs.createReadStream(file), {name: name, size: fs.statSync(file).size});
  stream.on('end', function () { console.log('sent'); });
});
client.on('error', function (e) { console.log('error ' + e.message); process.exit(1); });
