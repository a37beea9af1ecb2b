var e = new node.EventEmitter();
var order = [];
e.addListener("newListener", function (event, listener) {
  order.push("newListener:" + event);
});
e.addListener("data", function (a, b) {
  order.push("first " + a + " " + b + " this=" + (this === e));
});
e.addListener("data", function (a, b) {
  order.push("second " + a + " " + b);
});
e.emit("data", [1, 2]);
e.emit("data", "x", "y");
var live = e.listeners("data");
live.pop();
e.emit("data", ["after pop", "!"]);
puts(order.join("\n"));
puts("listeners is live: " + (e.listeners("data") === live));

var calls = 0;
e.once("one", function () { calls++; });
e.emit("one");
e.emit("one");
puts("once fired " + calls + " time");

function h() { puts("should not run"); }
e.on("gone", h);
e.removeListener("gone", h);
e.emit("gone");
e.on("all", h);
e.removeAllListeners("all");
e.emit("all");
puts("emit without listeners returns " + e.emit("nobody"));

function Sub() { node.EventEmitter.call(this); }
Sub.prototype = Object.create(node.EventEmitter.prototype);
var s = new Sub();
s.addListener("x", function (v) { puts("subclass got " + v + " " + (this instanceof Sub)); });
s.emit("x", 7);
