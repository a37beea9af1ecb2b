// node-ipc seed page, "Raw Buffer or Binary Sockets": rawBuffer with the default utf8
// encoding, "emit string buffer" from the server and the client, one process holding both
// ends. Changed: logging silenced, the socket directory from the command line.
var ipc=require('node-ipc');
ipc.config.silent=true;
ipc.config.socketRoot=ARGV[2]+'/';
ipc.config.id='world';

ipc.config.rawBuffer=true;
ipc.config.encoding='utf8';

ipc.serve(
    function(){
        ipc.server.on(
            'connect',
            function(socket){
                //server
                ipc.server.emit(
                    socket,
                    'hello'
                );
            }
        );
        ipc.server.on(
            'data',
            function(data,socket){
                puts('server got <'+data.toString()+'> a Buffer: '+Buffer.isBuffer(data));
                ipc.disconnect('world');
                ipc.server.stop();
            }
        );
    }
);
ipc.server.start();

ipc.connectTo(
    'world',
    function(){
        ipc.of.world.on(
            'data',
            function(data){
                puts('client got <'+data.toString()+'> a Buffer: '+Buffer.isBuffer(data));
                //client
                ipc.of.world.emit(
                    'hello'
                )
            }
        );
    }
);
