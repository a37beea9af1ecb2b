#!/usr/bin/env bash
# node-ipc and socket-ipc over a unix socket, one way and round trip: earlynode's built-in
# packages against the real npm packages on Node.js 20, server and client in two processes.
source "$(dirname "$0")/lib.sh"
build_node
R=$BENCH_ROOT/scripts/bench/ipc/run.sh
ROUNDS=${ROUNDS:-5}
compare "node-ipc unix one way (200k msgs)" msg/s "$ROUNDS" \
  "$R $NODE_BIN nipc_server.js nipc_client.js oneway 200000" \
  "$R $PEER_NODE nipc_server.js nipc_client.js oneway 200000"
compare "node-ipc unix round trip (20k)" rt/s "$ROUNDS" \
  "$R $NODE_BIN nipc_server.js nipc_client.js roundtrip 20000" \
  "$R $PEER_NODE nipc_server.js nipc_client.js roundtrip 20000"
compare "socket-ipc unix one way (500k msgs)" msg/s "$ROUNDS" \
  "$R $NODE_BIN sipc_server.js sipc_client.js oneway 500000" \
  "$R $PEER_NODE sipc_server.js sipc_client.js oneway 500000"
compare "socket-ipc unix round trip (20k)" rt/s "$ROUNDS" \
  "$R $NODE_BIN sipc_server.js sipc_client.js roundtrip 20000" \
  "$R $PEER_NODE sipc_server.js sipc_client.js roundtrip 20000"
