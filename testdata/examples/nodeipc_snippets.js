// node-ipc seed page, IPC Methods and Multiple IPC Instances: every connectTo, connectToNet,
// disconnect, serve and serveNet call the page shows (arguments omitted "so long as they are
// still in order"), with what each one set up. Logging is silenced and nothing is started;
// the clients are disconnected again.
var ipc=require('node-ipc');
ipc.config.silent=true;
ipc.config.id='world'; // the default id is the host name: fixed here so the paths are the same everywhere

function client(what){
    var c=ipc.of.world;
    puts(what+' -> of.world path '+c.path+(c.port? ' port '+c.port : ''));
    ipc.disconnect('world');
    puts('  after disconnect: of.world '+ipc.of.world);
}

function server(what){
    var s=ipc.server;
    puts(what+' -> server path '+s.path+(s.port? ' port '+s.port : '')+(s.udp4? ' udp4' : '')+(s.udp6? ' udp6' : ''));
}

ipc.connectTo('world');
client("connectTo('world')");
ipc.connectTo(
    'world',
    function(){
        ipc.of.world.on(
            'hello',
            function(data){
                ipc.log(data.debug);
                //if data was a string, it would have the color set to the debug style applied to it
            }
        )
    }
);
client("connectTo('world', callback)");
ipc.connectTo(
    'world',
    'myapp.world'
);
client("connectTo('world', 'myapp.world')");
ipc.connectTo(
    'world',
    'myapp.world',
    function(){
    }
);
client("connectTo('world', 'myapp.world', callback)");

ipc.connectToNet('world');
client("connectToNet('world')");
ipc.connectToNet(
    'world',
    function(){
    }
);
client("connectToNet('world', callback)");
ipc.connectToNet(
    'world',
    'myapp.com',
    3435
);
client("connectToNet('world', 'myapp.com', 3435)");
ipc.connectToNet(
    'world',
    3435,
    function(){
    }
);
client("connectToNet('world', 3435, callback)");

ipc.serve();
server('serve()');
ipc.serve(
    function(){}
);
server('serve(callback)');
ipc.serve(
    '/tmp/myapp.myservice'
);
server("serve('/tmp/myapp.myservice')");
ipc.serve(
    '/tmp/myapp.myservice',
    function(){}
);
server("serve('/tmp/myapp.myservice', callback)");

ipc.serveNet();
server('serveNet()');
ipc.serveNet('udp4');
server("serveNet('udp4')");
ipc.serveNet(
    function(){}
);
server('serveNet(callback)');
ipc.serveNet(
    'udp4',
    function(){}
);
server("serveNet('udp4', callback)");
ipc.serveNet(
    3435
);
server('serveNet(3435)');
ipc.serveNet(
    'MyMostAwesomeApp.com',
    3435,
    function(){}
);
server("serveNet('MyMostAwesomeApp.com', 3435, callback)");
ipc.serveNet(
    'MyMostAwesomeApp.com',
    3435,
    'udp4',
    function(){}
);
server("serveNet('MyMostAwesomeApp.com', 3435, 'udp4', callback)");

(function(){
    const RawIPC=require('node-ipc').IPC;
    const ipc=new RawIPC;
    const someOtherExplicitIPC=new RawIPC;
    puts('new RawIPC: independent '+(ipc.config!==someOtherExplicitIPC.config));
})();
(function(){
    const ipc=require('node-ipc');
    const someOtherExplicitIPC=new ipc.IPC;

    //setting explicit configs

    //keep one silent and the other verbose
    ipc.config.silent=true;
    someOtherExplicitIPC.config.silent=true;

    //make one a raw binary and the other json based ipc
    ipc.config.rawBuffer=false;

    someOtherExplicitIPC.config.rawBuffer=true;
    someOtherExplicitIPC.config.encoding='hex';
    puts('explicit configs: '+ipc.config.rawBuffer+' '+someOtherExplicitIPC.config.rawBuffer+' '+someOtherExplicitIPC.config.encoding);
})();
