// ipc.log: arguments joined by spaces, objects through util.inspect with config.logDepth and
// config.logInColor, nothing when silent, config.logger as the sink.
var ipc = require("node-ipc");
var value = {s: "text", n: 1.5, i: -3, t: true, nul: null, u: undefined, arr: [1, "two", [3, [4, [5, [6]]]]],
  nested: {a: {b: {c: {d: {e: {f: 1}}}}}}, "key-with-dash": "quote's"};
ipc.log("plain", 1, true, undefined, null, "end");
ipc.log("object", value);
ipc.config.logInColor = false;
ipc.log("no colour", value);
ipc.config.logDepth = 1;
ipc.log("depth 1", value);
ipc.log("array", [1, 2, 3], [], {}, [[]]);
ipc.log("long", {aaaaaaaaaa: "bbbbbbbbbbbbbbbbbbbb", cccccccccc: "dddddddddddddddddddd", eeeeeeeeee: "ffffffffffffffffffff", gggg: "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh", iiii: 1});
ipc.config.logger = function (line) { puts("custom logger got: " + line); };
ipc.log("to", "the", {custom: "logger"});
ipc.config.silent = true;
ipc.log("never printed");
