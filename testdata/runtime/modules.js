var child = require("mods/child.js");
puts("require returns at once, empty: " + JSON.stringify(child));
var c1 = require("mods/counter.js");
var c2 = require("mods/counter.js");
puts("no cache: " + (c1 !== c2));
puts("parent body ends");
function onLoad() {
  puts("main onLoad, child.name = " + child.name + ", counters " + c1.n + " " + c2.n);
}
function onExit() { puts("main onExit"); }
