// The module rule: ./ and ../ names are CommonJS (loaded at once, usable at the top of the
// script); "cjs/legacy_child.js" is a 0.1.0 name (its exports fill after this body); a Node core
// name earlynode lacks throws one line naming it.
var lib = require("./cjs/lib");
puts("CommonJS at once: " + lib.double(4) + ", its onLoad is " + lib.fromLegacy);
var legacy = require("cjs/legacy_child.js");
puts("0.1.0 child right after require: " + typeof legacy.value);
try { require("zlib"); } catch (e) { puts(e.message); }
try { require("node:zlib"); } catch (e) { puts(e.message); }
puts("module.id " + module.id + ", require.main is module: " + (require.main === module));
function onLoad() { puts("main onLoad, 0.1.0 child value " + legacy.value); }
