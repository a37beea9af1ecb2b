// node.http's shape (glue, runtime/native.go): the namespace. The factories, the types (made
// by the module, not with new) and their prototypes are native (http.go): the prototypes'
// methods run on every request.
(function (natives, runtime) {
  return {
    exports: {
      createServer: natives.createServer,
      createClient: natives.createClient,
      cat: natives.cat,
      parseUri: natives.parseUri,
      STATUS_CODES: natives.STATUS_CODES,
      Server: natives.Server,
      Connection: natives.Connection,
      ServerRequest: natives.ServerRequest,
      ServerResponse: natives.ServerResponse,
      Client: natives.Client,
      ClientRequest: natives.ClientRequest,
      ClientResponse: natives.ClientResponse
    }
  };
})
