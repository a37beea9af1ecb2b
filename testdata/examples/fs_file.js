// The man page's node.fs.File example (File I/O), with /tmp/blah adapted to a temporary
// directory. After it, the same File's queue reopens the file and prints what the example wrote.
var file = new node.fs.File();
file.open(ARGV[2] + "/blah", "w+");
file.write("hello");
file.write("world");
file.close();

// Queued behind the example's close:
file.open(ARGV[2] + "/blah", "r");
file.read(100, 0).addCallback(function (data) {
  puts("the file holds " + JSON.stringify(data.encodeUtf8()));
});
file.close();
