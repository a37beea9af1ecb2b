// node.worker publish/subscribe on NATS (EARLYNODE_BUS), for modules/worker/workers_test.go:
// publishes NAME on "roll.call" every 20 ms and prints "NAME heard OTHER" once for each other
// name it hears. Runs until stopped. Usage: nats_pubsub.js NAME
var name = ARGV[2], heard = {};
node.worker.subscribe("roll.call", function (other) {
  if (other !== name && !heard[other]) {
    heard[other] = true;
    puts(name + " heard " + other);
  }
});
setInterval(function () { node.worker.publish("roll.call", name); }, 20);
