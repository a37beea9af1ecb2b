// Whole-file reads refuse what no value could hold: require() takes only regular files, and
// node.fs.cat of a device stops at the most a string holds instead of reading for ever.
node.fs.cat("/dev/null").addCallback(function (data) {
  puts("cat /dev/null: " + JSON.stringify(data));
  node.fs.cat("/dev/zero").addErrback(function (e) {
    puts("cat /dev/zero: " + e.code);
  });
});
