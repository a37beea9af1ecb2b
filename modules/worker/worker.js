// node.worker's shape (glue, runtime/native.go): who this worker is, and publish/subscribe to
// every worker of the same supervisor (docs/scaling.md). Data crosses as JSON text; the
// transport and the identity are native (worker.go, bus.go).
//
// Hooks: deliver(subject, text), which the natives call from the loop for each message.
(function (natives, runtime) {
  var subscriptions = Object.create(null); // subject -> [fn]
  var live = 0;

  // Subjects are NATS subjects (docs/scaling.md): words of letters, digits, '-' and '_',
  // separated by dots.
  var subjectPattern = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
  function checkSubject(what, subject) {
    if (typeof subject !== "string" || !subjectPattern.test(subject)) {
      throw new TypeError("node.worker." + what + ": the subject must be words of letters, digits, '-' and '_' joined by dots, not " + JSON.stringify(subject));
    }
  }

  // publish(subject, data): data goes to every subscriber of subject in every worker, this
  // one included. It must survive JSON.stringify (undefined travels as null).
  function publish(subject, data) {
    checkSubject("publish", subject);
    var text = JSON.stringify(data === undefined ? null : data);
    if (text === undefined) text = "null"; // a function or a symbol
    natives.publish(subject, text);
  }

  // subscribe(subject, fn): fn(data, subject) for every message published on subject from now
  // on. Returns {subject, unsubscribe()}. A worker with a subscription stays alive.
  function subscribe(subject, fn) {
    checkSubject("subscribe", subject);
    if (typeof fn !== "function") {
      throw new TypeError("node.worker.subscribe: the listener must be a function");
    }
    var list = subscriptions[subject];
    if (!list) {
      list = subscriptions[subject] = [];
      natives.subscribed(subject);
    }
    list.push(fn);
    if (++live === 1) natives.listen(true);
    var done = false;
    return {
      subject: subject,
      unsubscribe: function () {
        if (done) return;
        done = true;
        var cur = subscriptions[subject];
        var i = cur.indexOf(fn);
        cur.splice(i, 1);
        if (cur.length === 0) delete subscriptions[subject];
        if (--live === 0) natives.listen(false);
      }
    };
  }

  function deliver(subject, text) {
    var list = subscriptions[subject];
    if (!list) return;
    var data = JSON.parse(text);
    list = list.slice();
    for (var i = 0; i < list.length; i++) list[i].call(null, data, subject);
  }

  return {
    exports: {
      index: natives.index,
      count: natives.count,
      isWorker: natives.isWorker,
      publish: publish,
      subscribe: subscribe
    },
    hooks: { deliver: deliver }
  };
})
