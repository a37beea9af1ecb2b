// PeerServer: on its own port with a path, a key and allow_discovery (the HTTP API, the
// connection and disconnect events, listAllPeers); without discovery (401, an error event on
// listAllPeers); attached to a node.http server, whose other requests still reach its
// "request" listener, with two Peers meeting through it and a second PeerServer under a path;
// a client dropped for silence (alive_timeout); and a port already in use.
var peerjs = require("peerjs");
var port = parseInt(ARGV[2]);
var port2 = parseInt(ARGV[3]);

function get(p, path, done) {
  var request = node.http.createClient(p, "127.0.0.1").get(path, { Host: "127.0.0.1:" + p });
  request.finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () { done(response.statusCode, body, response.headers); });
  });
}

function isUUID(s) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s);
}

function ownPort(next) {
  puts("own port, path /myapp, key k1, allow_discovery");
  var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1", path: "/myapp", key: "k1", allow_discovery: true },
    function () { puts("  listening callback, address port is the port: " + (server.address().port === port)); });
  server.addListener("connection", function (id) { puts("  server: connection " + id); });
  server.addListener("disconnect", function (id) {
    puts("  server: disconnect " + id + ", clients " + JSON.stringify(server.clients()));
    server.close();
  });
  server.addListener("close", function () { puts("  server: close"); next(); });
  get(port, "/myapp", function (status, body) {
    puts("  GET /myapp: " + status + " " + body);
    get(port, "/myapp/k1/id", function (status, body) {
      puts("  GET /myapp/k1/id: " + status + ", a UUID " + isUUID(body));
      get(port, "/myapp/k1/peers", function (status, body) {
        puts("  GET /myapp/k1/peers: " + status + " " + body);
        var p = new peerjs.Peer("p1", { host: "127.0.0.1", port: port, path: "/myapp", key: "k1", config: { iceServers: [] } });
        p.addListener("open", function (id) {
          puts("  p1: open " + id + ", clients " + JSON.stringify(server.clients()));
          get(port, "/myapp/k1/peers", function (status, body) {
            puts("  GET /myapp/k1/peers: " + status + " " + body);
            p.listAllPeers(function (ids) {
              puts("  p1.listAllPeers: " + JSON.stringify(ids));
              p.destroy();
            });
          });
        });
      });
    });
  });
}

function noDiscovery(next) {
  puts("own port, defaults");
  var server = new peerjs.PeerServer({ port: port });
  get(port, "/peerjs/peers", function (status, body) {
    puts("  GET /peerjs/peers: " + status + " " + body);
    get(port, "/peerjs/id", function (status, body, headers) {
      puts("  GET /peerjs/id: " + status + ", a UUID " + isUUID(body));
      var p = new peerjs.Peer({ host: "127.0.0.1", port: port, config: { iceServers: [] } });
      p.addListener("open", function (id) {
        puts("  peer: open with a UUID " + isUUID(id));
        p.addListener("error", function (err) { puts("  peer: error " + err.type + ": " + err.message); });
        p.listAllPeers(function (ids) {
          puts("  listAllPeers: " + JSON.stringify(ids));
          p.destroy();
          server.close();
          server.addListener("close", next);
        });
      });
    });
  });
}

function attached(next) {
  puts("attached to a node.http server");
  var http = node.http.createServer(function (request, response) {
    response.sendHeader(200, { "Content-Type": "text/plain" });
    response.sendBody("plain HTTP at " + request.uri.path);
    response.finish();
  });
  http.listen(port2, "127.0.0.1");
  var server = new peerjs.PeerServer({ server: http });
  server.addListener("listening", function () { puts("  listening, address " + server.address()); });
  var seen = [];
  server.addListener("connection", function (id) { seen.push(id); });

  // Two Peers meet through the attached server; closing it leaves the HTTP server serving.
  function twoPeers() {
    var opts = { host: "127.0.0.1", port: port2, config: { iceServers: [] } };
    var a = new peerjs.Peer("a", opts);
    var b = new peerjs.Peer("b", opts);
    b.addListener("connection", function (conn) {
      conn.addListener("data", function (d) {
        puts("  b got " + JSON.stringify(d) + "; the server saw " + seen.sort().join(" and "));
        a.destroy();
        b.destroy();
        b.addListener("close", function () {
          server.close();
          server.addListener("close", function () {
            get(port2, "/peerjs/id", function (status, body) {
              puts("  after close, GET /peerjs/id: " + status + " " + body);
              get(port2, "/page", function (status, body) {
                puts("  after close, GET /page: " + status + " " + body);
                http.close();
                next();
              });
            });
          });
        });
      });
    });
    b.addListener("open", function () {
      var conn = a.connect("b");
      conn.addListener("open", function () { conn.send({ through: "node.http" }); });
    });
  }

  get(port2, "/page", function (status, body) {
    puts("  GET /page: " + status + " " + body);
    get(port2, "/", function (status, body) {
      puts("  GET /: " + status + " " + body);
      get(port2, "/peerjs/id", function (status, body) {
        puts("  GET /peerjs/id: " + status + ", a UUID " + isUUID(body));
        // A second PeerServer on the same node.http server, under a path and with a key.
        var second = new peerjs.PeerServer({ server: http, path: "/signal", key: "k2" });
        get(port2, "/signal/k2/id", function (status, body) {
          puts("  GET /signal/k2/id: " + status + ", a UUID " + isUUID(body));
          var c = new peerjs.Peer("c", { host: "127.0.0.1", port: port2, path: "/signal", key: "k2", config: { iceServers: [] } });
          c.addListener("open", function (id) {
            puts("  c: open " + id + " through the second server; its clients " + JSON.stringify(second.clients()));
            c.destroy();
            second.close();
            twoPeers();
          });
        });
      });
    });
  });
}

function silentClient(next) {
  puts("alive_timeout: a client that sends no heartbeat is dropped");
  var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1", alive_timeout: 300 });
  var p = new peerjs.Peer("quiet", { host: "127.0.0.1", port: port, pingInterval: 60000, config: { iceServers: [] } });
  // The server's event and the peer's race each other; print them once both arrived.
  var dropped, error, waiting = 2;
  function both() {
    if (--waiting > 0) return;
    puts("  server: disconnect " + dropped);
    puts("  peer: error " + error.type + ": " + error.message.split(" (")[0] + ", then disconnected");
    p.destroy();
    server.close();
    server.addListener("close", next);
  }
  server.addListener("disconnect", function (id) { dropped = id; both(); });
  p.addListener("error", function (err) { error = err; });
  p.addListener("disconnected", both);
}

function portInUse(next) {
  puts("port in use");
  var http = node.http.createServer(function () {});
  http.listen(port2, "127.0.0.1");
  var server = new peerjs.PeerServer({ port: port2, host: "127.0.0.1" });
  server.addListener("listening", function () { puts("  listening?"); });
  server.addListener("error", function (err) {
    puts("  error " + err.type + ", names the port: " + (err.message.indexOf(String(port2)) >= 0));
    http.close();
    next();
  });
}

var steps = [ownPort, noDiscovery, attached, silentClient, portInUse];
function next() {
  if (steps.length === 0) return puts("done");
  steps.shift()(next);
}
next();
