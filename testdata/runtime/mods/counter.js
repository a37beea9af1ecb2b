puts("counter loaded");
exports.n = 1;
