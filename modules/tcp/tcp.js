// node.tcp's shape (glue, runtime/native.go): the namespace of Connection, Server,
// createServer and createConnection. The constructors, their prototypes and the factories are
// native (tcp.go): the prototypes' methods run on every send and receive.
(function (natives, runtime) {
  return {
    exports: {
      Connection: natives.Connection,
      Server: natives.Server,
      createServer: natives.createServer,
      createConnection: natives.createConnection
    }
  };
})
