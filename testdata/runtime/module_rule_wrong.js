// A wrong guess of the rule: "cjs/nope" is a 0.1.0 name (no ./), so the missing file is reported
// by 0.1.0's loader, and the error quotes the rule.
require("cjs/nope");
