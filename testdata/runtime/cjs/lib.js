// A CommonJS module required with ./ from a Node 0.1.0 program.
exports.double = function (n) { return n * 2; };
exports.fromLegacy = typeof onLoad;
