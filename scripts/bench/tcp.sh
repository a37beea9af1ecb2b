#!/usr/bin/env bash
# node.tcp as a server, against Node 20's net and against a plain Go echo server (the machine's
# ceiling, scripts/bench/tcp/goecho), all three driven by the same Go client
# (scripts/bench/tcp/client), one server process per round (tcp/round.sh):
#
# - echo of 100 MiB through one connection (MB/s; goal: at least 0.95x the Go ceiling);
# - ping-pong of 32-byte messages, one in flight, 50,000 round trips (round trips/s; goals: at
#   least 0.8x the Go ceiling and 1.2x Node's): the latency of every request and response;
# - the RSS a server holds per idle connection with 10,000 open (KB each, from a separate
#   Node.js client process; goal: no more than Node's).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/tcp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$BENCH_ROOT" && go build -o "$tmp/client" ./scripts/bench/tcp/client && go build -o "$tmp/goecho" ./scripts/bench/tcp/goecho)
export NODE_BIN PEER_NODE TCPCLIENT=$tmp/client GOECHO=$tmp/goecho
R=$here/round.sh
compare_ceiling "TCP echo, 100 MiB through one connection" MB/s 5 \
  "$R ours echo 104857600" "$R node echo 104857600" "$R go echo 104857600" higher
compare_ceiling "TCP ping-pong, 32-byte messages, one in flight" rt/s 5 \
  "$R ours pingpong 50000" "$R node pingpong 50000" "$R go pingpong 50000" higher
port="\$($PEER_NODE $here/freeport.js)"
compare "10,000 idle TCP connections held by a server" KB/conn 3 \
  "p=$port; $here/idle.sh \$p 10000 $NODE_BIN $here/idle_server.js \$p 10000" \
  "p=$port; $here/idle.sh \$p 10000 $PEER_NODE $here/idle_server_node.js \$p 10000" lower
