// kill() ends the command the shell runs, not only the shell: /bin/sh forks `cat` (it does not
// exec it), and a signal to the shell alone left cat holding the pipes open for ever. Killed
// at once (before the shell may have started its command) and once the command is running.
var early = node.createProcess("cat");
early.kill();
early.addListener("exit", function (code) {
  puts("killed at once: exit " + code);
  var running = node.createProcess("echo ready; cat; echo never");
  running.addListener("output", function (data) {
    if (data == "ready\n") running.kill();
    else if (data !== null) puts("output after kill: " + data);
  });
  running.addListener("exit", function (code) {
    puts("killed while running: exit " + code);
  });
});
