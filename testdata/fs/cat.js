// node.fs.cat and node.cat read a whole file: UTF-8 text by default, integers with "raw".
var path = ARGV[2] + "/cat.txt";
var file = new node.fs.File();
file.open(path, "w");
file.write("naïve\n");
file.write([0, 255]);
file.close().addCallback(function () {
  node.fs.cat(path).addCallback(function (text) {
    puts("fs.cat: " + JSON.stringify(text));
    node.fs.cat(path, "raw").addCallback(function (bytes) {
      puts("fs.cat raw: " + JSON.stringify(bytes));
      node.cat(path, "utf8").addCallback(function (text) {
        puts("node.cat: " + JSON.stringify(text));
        node.cat(path, node.RAW).addCallback(function (bytes) {
          puts("node.cat raw: " + bytes.length + " integers");
        });
      });
    });
  });
});
