var e = new node.EventEmitter();
e.addListener("go", function () { throw new Error("thrown in a listener"); });
setTimeout(function () { e.emit("go"); }, 1);
