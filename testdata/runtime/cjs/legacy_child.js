// A 0.1.0 child (loaded after its parent's body) that requires a CommonJS module with ./.
var lib = require("./lib.js");
exports.value = lib.double(21);
function onLoad() { puts("legacy child onLoad, its CommonJS require gave " + exports.value); }
