// The POSIX wrappers, chained as the man page says they must be: mkdir, open, write (at the
// current offset and at a position), read (raw and UTF-8, at positions, past the end), close,
// stat, rename, unlink, rmdir.
var dir = ARGV[2] + "/d";
var path = dir + "/a.txt";

function fail(what) {
  return function (e) { puts(what + " failed: " + e.message); };
}

node.fs.mkdir(dir, 0755).addCallback(function () {
  puts("mkdir ok");
  node.fs.open(path, node.O_WRONLY | node.O_CREAT | node.O_TRUNC, 0644).addCallback(function (fd) {
    puts("open for writing gave a number: " + (typeof fd));
    node.fs.write(fd, "héllo wörld", null).addCallback(function (written) {
      puts("wrote " + written + " bytes");
      node.fs.write(fd, [72, 73], 0).addCallback(function (written) {
        puts("wrote " + written + " bytes at 0");
        node.fs.close(fd).addCallback(function () {
          puts("closed");
          reading();
        }).addErrback(fail("close"));
      }).addErrback(fail("pwrite"));
    }).addErrback(fail("write"));
  }).addErrback(fail("open"));
}).addErrback(fail("mkdir"));

function reading() {
  node.fs.open(path, node.O_RDONLY).addCallback(function (fd) {
    node.fs.read(fd, 6, 0, node.UTF8).addCallback(function (data) {
      puts("utf8 at 0: " + JSON.stringify(data));
      node.fs.read(fd, 4, null, node.RAW).addCallback(function (data) {
        puts("raw at the current offset: " + JSON.stringify(data));
        node.fs.read(fd, 100, 100, node.UTF8).addCallback(function (data) {
          puts("past the end: " + JSON.stringify(data));
          node.fs.read(fd, 100, 3, "utf8").addCallback(function (data) {
            puts("the rest from 3: " + JSON.stringify(data));
            node.fs.close(fd).addCallback(stating);
          });
        });
      });
    });
  }).addErrback(fail("open for reading"));
}

function stating() {
  node.fs.stat(path).addCallback(function (stats) {
    puts("size " + stats.size + ", regular file " + ((stats.mode & 0170000) == 0100000) +
         ", owner may read and write " + ((stats.mode & 0600) == 0600));
    puts("mtime is a Date: " + (stats.mtime instanceof Date) + ", atime " + (stats.atime instanceof Date) +
         ", ctime " + (stats.ctime instanceof Date));
    var keys = [];
    for (var k in stats) keys.push(k);
    puts("fields: " + keys.join(" "));
    node.fs.rename(path, dir + "/b.txt").addCallback(function () {
      node.fs.stat(dir + "/b.txt").addCallback(function (stats) {
        puts("renamed, size " + stats.size);
        node.fs.unlink(dir + "/b.txt").addCallback(function () {
          puts("unlinked");
          node.fs.rmdir(dir).addCallback(function () {
            puts("rmdir ok");
            node.fs.stat(dir).addErrback(function (e) {
              puts("gone: " + e.code);
            });
          });
        });
      });
    });
  }).addErrback(fail("stat"));
}
