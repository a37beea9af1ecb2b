#!/usr/bin/env bash
# node.tcp against Node 20's net, each program in one process with its own server and client:
# echo of 100 MiB through one connection (MB/s), ping-pong of 32-byte messages (round trips/s),
# and the RSS a server holds per idle connection with 10,000 open (KB each, from a separate
# Node.js client process). Goals: at least 1.0x Node's throughputs, no more RSS per connection.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/tcp
port="\$($PEER_NODE $here/freeport.js)"
compare "TCP echo, 100 MiB through one connection" MB/s 5 \
  "$NODE_BIN $here/echo.js $port 100" \
  "$PEER_NODE $here/echo_node.js $port 100" higher
compare "TCP ping-pong, 32-byte messages (20,000 round trips)" rt/s 5 \
  "$NODE_BIN $here/pingpong.js $port 20000" \
  "$PEER_NODE $here/pingpong_node.js $port 20000" higher
compare "10,000 idle TCP connections held by a server" KB/conn 3 \
  "p=$port; $here/idle.sh \$p 10000 $NODE_BIN $here/idle_server.js \$p 10000" \
  "p=$port; $here/idle.sh \$p 10000 $PEER_NODE $here/idle_server_node.js \$p 10000" lower
