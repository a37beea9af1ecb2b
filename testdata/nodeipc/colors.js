// The colour getters node-ipc's examples use on strings ('text'.debug, .rainbow, ...), as the
// `colors` package gave them with node-ipc's theme: defined once node-ipc is required, plain
// strings when stdout is not a terminal (as here). (node-ipc 9.2.1 itself no longer loads
// `colors`: there these read undefined.)
puts("before require: " + typeof "x".debug + " " + typeof "x".rainbow);
var ipc = require("node-ipc");
var names = ["debug", "rainbow", "notice", "variable", "good", "warn", "error", "data", "bold", "red", "zebra", "america"];
puts("after require: " + names.map(function (n) { return n + "=" + JSON.stringify("text"[n]); }).join(" "));
puts("string methods still work: " + "a,b".split(",").length + " " + "abc".toUpperCase());
