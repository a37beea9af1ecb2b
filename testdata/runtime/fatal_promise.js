var pr = new node.Promise();
pr.addCallback(function () { null.x; });
setTimeout(function () { pr.emitSuccess(); }, 1);
