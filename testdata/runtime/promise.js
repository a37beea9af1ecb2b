var a = new node.Promise();
a.addCallback(function (x, y) {
  puts("success " + x + " " + y + " this=" + (this === a));
}).addErrback(function () {
  puts("error should not fire");
}).addCallback(function () {
  puts("second callback");
});
a.emitSuccess(1, 2);
a.emitSuccess(3, 4);
a.emitError(new Error("late"));

var b = new node.Promise();
b.addErrback(function (e) { puts("errback " + e.message); });
b.emitError(new Error("boom"));

var c = new node.Promise();
c.emitSuccess("nobody listened");
c.addCallback(function () { puts("a late callback never fires"); });

var d = new node.Promise();
d.emitError("an error with no errback is ignored");

var e = new node.Promise();
e.addCallback(function (x, y) { puts("0.1.0 array form: " + x + " " + y); });
e.emitSuccess([5, 6]);

var f = new node.Promise();
setTimeout(function () { f.emitSuccess("later"); }, 5);
f.addCallback(function (v) { puts("async " + v); });
puts("node.Promise is an EventEmitter: " + (f instanceof node.EventEmitter));
puts("global Promise is ES: " + (typeof Promise.resolve));
Promise.resolve(1).then(function (v) { puts("ES promise " + v); });
