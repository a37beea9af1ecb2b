// The man page's node.createProcess example (Child Processes), with the listed directory
// adapted from /usr to an empty temporary one so the listing is the same on every machine.
// Each piece of output is printed, then the null that marks the end of the stream.
var ls = node.createProcess("ls -lh " + ARGV[2]);
ls.addListener("output", function (data) {
  puts(data);
});
