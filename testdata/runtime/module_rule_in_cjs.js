// Inside a CommonJS module every require is CommonJS: "lib/thing.js" is looked up as a package,
// and the error quotes the rule.
require("./cjs/bare.cjs");
