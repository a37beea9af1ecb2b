// kill() sends node.SIGTERM by default; a child killed by a signal reports the signal's number.
puts("SIGTERM " + node.SIGTERM + ", SIGKILL " + node.SIGKILL + ", SIGINT " + node.SIGINT + ", SIGUSR1 " + node.SIGUSR1 + ", SIGHUP " + node.SIGHUP);
var sleeper = node.createProcess("exec sleep 30");
sleeper.addListener("exit", function (code) {
  puts("default kill: exit " + code + (code == node.SIGTERM ? " (SIGTERM)" : ""));
  puts("kill after exit: " + sleeper.kill());
  var stubborn = node.createProcess("trap '' TERM; echo ready; exec sleep 30");
  stubborn.addListener("output", function (data) {
    if (data == "ready\n") {
      stubborn.kill(node.SIGKILL);
    }
  });
  stubborn.addListener("exit", function (code) {
    puts("SIGKILL: exit " + code);
    var named = node.createProcess("exec sleep 30");
    named.addListener("exit", function (code) { puts("kill(\"SIGINT\"): exit " + code); });
    named.kill("SIGINT");
    try {
      named.kill("SIGNOPE");
    } catch (e) {
      puts("unknown signal: " + e.message);
    }
  });
});
puts("kill: " + sleeper.kill());
