// node-ipc seed page, "Server for Unix Sockets, Windows Sockets & TCP Sockets".
// As the page says it works over TCP too: serveNet on the port given on the command line.
var ipc=require('node-ipc');

ipc.config.id   = 'world';
ipc.config.retry= 1500;

ipc.serveNet(
    Number(ARGV[2]),
    function(){
        ipc.server.on(
            'message',
            function(data,socket){
                ipc.log('got a message : '.debug, data);
                ipc.server.emit(
                    socket,
                    'message',  //this can be anything you want so long as
                                //your client knows.
                    data+' world!'
                );
            }
        );
    }
);

ipc.server.start();
