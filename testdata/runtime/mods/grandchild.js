puts("grandchild body runs");
exports.value = 42;
onLoad = function () { puts("grandchild onLoad"); };
onExit = function () { puts("grandchild onExit"); };
