for (var i = 0; i < 1000; i++) puts("line " + i);
setTimeout(function () {
  node.exit(7);
  puts("not printed");
}, 1);
setTimeout(function () { puts("never"); }, 1000);
function onExit() { puts("onExit runs after node.exit"); }
