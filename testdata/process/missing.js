// A command that does not exist exits through the shell with 127, and the shell's message
// arrives on "error".
var child = node.createProcess("no-such-command-earlynode");
var err = "";
child.addListener("error", function (data) {
  if (data !== null) err += data;
});
child.addListener("exit", function (code) {
  puts("exit " + code);
  puts("stderr names the command: " + (err.indexOf("no-such-command-earlynode") >= 0));
  puts("stderr says not found: " + (err.indexOf("not found") >= 0));
  try {
    node.createProcess();
  } catch (e) {
    puts("no command: " + e.name);
  }
});
