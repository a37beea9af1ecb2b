// A child's stdout arrives as "output" strings then null, its stderr as "error" strings then
// null, and "exit" comes last with the exit status; pid is the child's process id.
var log = [];
var out = "", err = "";
var child = node.createProcess("echo out1; echo err1 >&2; echo out2; echo err2 >&2; exit 3");
puts("pid is a positive number: " + (typeof child.pid == "number" && child.pid > 0));
puts("a node.Process and an emitter: " + (child instanceof node.Process) + " " + (child instanceof node.EventEmitter));
child.addListener("output", function (data) {
  if (data === null) log.push("output null"); else out += data;
});
child.addListener("error", function (data) {
  if (data === null) log.push("error null"); else err += data;
});
child.addListener("exit", function (code) {
  log.push("exit " + code);
  puts("stdout: " + JSON.stringify(out));
  puts("stderr: " + JSON.stringify(err));
  puts("both streams ended before exit: " + (log.length == 3 && log[2] == "exit 3"));
  puts("exit code: " + code);
  statuses();
});

// Exit statuses come through as they are; the child keeps the program alive meanwhile.
function statuses() {
  var commands = ["true", "false", "exit 42", "sleep 0.2; exit 7"];
  var i = 0;
  function next() {
    if (i == commands.length) return;
    var cmd = commands[i++];
    node.createProcess(cmd).addListener("exit", function (code) {
      puts(JSON.stringify(cmd) + " exited " + code);
      next();
    });
  }
  next();
}
