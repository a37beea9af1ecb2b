#!/usr/bin/env bash
# BinaryJS against binaryjs 0.2.1 on Node 20, each as a server process and a client process:
# 100 MiB client -> server in one stream (goal: at least 4x the real library's MB/s) and 10,000
# small JSON writes on one stream (goal: at least 3x its message rate).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/binaryjs
compare "binaryjs 100 MiB client->server, one stream" MB/s 5 \
  "$here/run.sh $NODE_BIN upload 100" \
  "$here/run.sh $PEER_NODE upload 100" higher
compare "binaryjs 10,000 small JSON writes, one stream" msg/s 5 \
  "$here/run.sh $NODE_BIN json 10000" \
  "$here/run.sh $PEER_NODE json 10000" higher
