puts("ran");
function onExit() { throw new Error("in onExit"); }
