// The man page's first POSIX wrapper example (File I/O), with /tmp/hello adapted to a file in
// a temporary directory, which is created first.
var hello = new node.fs.File();
hello.open(ARGV[2] + "/hello", "w");
hello.close().addCallback(function () {
  // The example:
  var promise = node.fs.unlink(ARGV[2] + "/hello");
  promise.addCallback(function () {
    puts("successfully deleted /tmp/hello");
  });
});
