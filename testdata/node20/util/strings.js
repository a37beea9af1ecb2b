// util.inspect of long strings: cut after 10000 units, split per line when longer than the line.
const u = require("util");
console.log(u.inspect({ s: 'x'.repeat(130) + '\nyy\nzz' }));
console.log(u.inspect('a'.repeat(10005)));
console.log(u.inspect(['line1\nline2 ' + 'w'.repeat(120)]));
console.log(u.inspect('short\nwith newline'));
console.log(u.inspect({ deep: { deeper: 'q'.repeat(140) + "it's\n" } }));
console.log(u.inspect('é'.repeat(10001)).length);
