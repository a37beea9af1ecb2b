// A thrown value that is not an Error still gets the usual fatal report and exit status 1,
// even when reading it throws again (a Proxy whose every trap throws).
puts("before");
setTimeout(function () {
  throw new Proxy({}, {
    get: function () { throw 1; },
    ownKeys: function () { throw 2; },
    getPrototypeOf: function () { throw 3; }
  });
}, 1);
