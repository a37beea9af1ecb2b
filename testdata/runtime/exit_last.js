setTimeout(function () { node.exit(5); }, 1);
setTimeout(function () { puts("a later timer must not run"); }, 50);
function onExit() { puts("onExit ran"); }
