// require("os"): Node 20's os, each function a native of os.go (the facts that do not change
// while the program runs, read once at load).
// Glue (runtime/native.go): the exports are the os namespace.
(function (natives, runtime) {
  function constant(v) {
    return function () { return v; };
  }
  var os = {
    arch: constant(natives.arch),
    availableParallelism: natives.parallelism,
    cpus: natives.cpus,
    endianness: constant("LE"),
    freemem: natives.freemem,
    getPriority: function (pid) { return natives.getPriority(pid === undefined ? 0 : pid); },
    homedir: natives.homedir,
    hostname: natives.hostname,
    loadavg: natives.loadavg,
    networkInterfaces: natives.networkInterfaces,
    platform: constant("linux"),
    release: constant(natives.release),
    setPriority: natives.setPriority,
    tmpdir: natives.tmpdir,
    totalmem: natives.totalmem,
    type: constant(natives.type),
    userInfo: natives.userInfo,
    uptime: natives.uptime,
    version: constant(natives.version),
    machine: constant(natives.machine),
    constants: natives.constants,
    EOL: "\n",
    devNull: "/dev/null"
  };
  return { exports: os };
})
