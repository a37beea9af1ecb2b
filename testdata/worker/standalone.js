// node.worker outside `node --workers`: worker 0 of 1, and publish reaches this process alone,
// after the current turn; subscribers see messages in the order published; an unsubscribed
// listener hears nothing more; bad arguments throw.
var w = node.worker;
puts("index " + w.index + ", count " + w.count + ", isWorker " + w.isWorker);
var first = w.subscribe("news", function (data, subject) {
  puts("first: " + subject + " " + JSON.stringify(data));
  if (data.n === 2) first.unsubscribe();
});
w.subscribe("news", function (data) { puts("second: " + JSON.stringify(data)); });
w.subscribe("other", function () { puts("other"); });
w.publish("news", {n: 1});
w.publish("news", {n: 2});
w.publish("news", {n: 3});
w.publish("nobody", "listens");
w.publish("other");
puts("published");
[function () { w.publish("", 1); }, function () { w.subscribe("x"); }, function () { w.publish(7); }, function () { w.publish("a b", 1); }, function () { w.subscribe("a.>", function () {}); }, function () { w.publish("a..b"); }].forEach(function (f) {
  try { f(); } catch (e) { puts(e.name + ": " + e.message); }
});
