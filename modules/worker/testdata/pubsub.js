// node.worker publish/subscribe across the workers of `node --workers N`: each worker
// publishes its index on "ping" every 20 ms and prints, once, "worker I heard 0,1,...,N-1"
// when it has heard every worker (itself included). It runs until stopped.
var w = node.worker, heard = {}, done = false;
w.subscribe("ping", function (from) {
  heard[from] = true;
  if (!done && Object.keys(heard).length === w.count) {
    done = true;
    puts("worker " + w.index + " heard " + Object.keys(heard).sort().join(","));
  }
});
setInterval(function () { w.publish("ping", w.index); }, 20);
