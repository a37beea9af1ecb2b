puts("child body runs, parent said: " + exports_seen());
function exports_seen() { return typeof parentValue; }
exports.name = "child";
var grandchild = require("grandchild.js");
function onLoad() { puts("child onLoad, grandchild.value = " + grandchild.value); }
function onExit() { puts("child onExit"); }
