// node-ipc seed page, "Raw Buffer or Binary Sockets": the hex examples (byte array, binary or
// hex array, explicit buffers), one process holding both ends. Changed: logging silenced, the
// socket directory from the command line, and the client side sends with ipc.of.world.emit
// (the page writes ipc.server.emit there, which a client does not have).
var ipc=require('node-ipc');
ipc.config.silent=true;
ipc.config.socketRoot=ARGV[2]+'/';
ipc.config.id='world';
ipc.config.rawBuffer=true;

//hex encoding may work best for this.
ipc.config.encoding='hex';

//make a 6 byte buffer for example
const myBuffer=new Buffer(6).fill(0);

//fill the first 2 bytes with a 16 bit (2 byte) short unsigned int

//write a UInt16 (2 byte or short) as Big Endian
myBuffer.writeUInt16BE(
    2, //value to write
    0 //offset in bytes
);
//OR
myBuffer.writeUInt16LE(0x2,0);
//OR
myBuffer.writeUInt16LE(0x02,0);

//fill the remaining 4 bytes with a 32 bit (4 byte) long unsigned int

//write a UInt32 (4 byte or long) as Big Endian
myBuffer.writeUInt32BE(
    16772812, //value to write
    2 //offset in bytes
);
//OR
myBuffer.writeUInt32BE(0xffeecc,0)

var serverGot='';
var clientGot='';
ipc.serve(
    function(){
        ipc.server.on(
            'connect',
            function(socket){
                //server
                ipc.server.emit(
                    socket,
                    [10,20,30]
                );
                //server
                ipc.server.emit(
                    socket,
                    [0x05,0x6d,0x5c]
                );
                //server
                ipc.server.emit(
                    socket,
                    myBuffer
                );
            }
        );
        ipc.server.on(
            'data',
            function(data,socket){
                serverGot+=data.toString('hex');
                if(serverGot.length<24){
                    return;
                }
                puts('server got '+serverGot);
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
                clientGot+=data.toString('hex');
                if(clientGot.length<24){
                    return;
                }
                puts('client got '+clientGot);
                //client
                ipc.of.world.emit(
                    [10,20,30]
                );
                //client
                ipc.of.world.emit(
                    [0x05,0x6d,0x5c]
                );
                //client
                ipc.of.world.emit(
                    myBuffer
                );
            }
        );
    }
);
