// stdout, stderr and stdin are node.fs.File objects on descriptors 1, 2 and 0; puts, print, p,
// stdout.write and node.fs.write(1, ...) all keep the order in which they were called.
puts("1 puts");
stdout.write("2 stdout.write\n");
print("3 print\n");
stdout.puts("4 stdout.puts");
p({five: 5});
stdout.print("6 stdout.print\n");
node.fs.write(1, "7 node.fs.write(1)\n", null);
stdout.write([56, 32, 114, 97, 119, 10]).addCallback(function (n) {
  puts("10 the raw write's promise gave " + n);
  stdin.read(100).addCallback(function (data) {
    puts("11 stdin (empty here, raw) gave " + JSON.stringify(data));
    stdout.close().addCallback(function () {
      stdout.write("after close").addErrback(function (e) {
        puts("12 " + e.message);
      });
    });
  });
});
stderr.write("to stderr\n");
puts("9 stdout is a File on fd " + stdout.fd + ", stderr on " + stderr.fd + ", stdin on " + stdin.fd + ": " +
     (stdout instanceof node.fs.File && stderr instanceof node.fs.File && stdin instanceof node.fs.File));
