puts("before");
setTimeout(function () {
  undefinedFunction();
}, 1);
setTimeout(function () { puts("never"); }, 50);
function onExit() { puts("onExit must not run after a fatal error"); }
