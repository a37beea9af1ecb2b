#!/usr/bin/env bash
# earlynode against an earlier earlynode: builds the node binary of BASE (a git revision; by
# default the first parent of HEAD) and runs the throughput and latency figures with both
# binaries, interleaved, printing the ratio current/BASE (above 1: the current tree is better).
# It answers "did this change make a figure worse?" without Node's noise in the ratio.
#   BASE=60fd03e scripts/bench/run builds
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
base=${BASE:-HEAD~1}
tmp=$(mktemp -d)
trap 'git -C "$BENCH_ROOT" worktree remove --force "$tmp/tree" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$BENCH_ROOT" worktree add --detach -q "$tmp/tree" "$base"
if [ -x "$tmp/tree/scripts/build" ]; then
  "$tmp/tree/scripts/build" "$tmp/node"
else
  (cd "$tmp/tree" && CGO_ENABLED=0 go build -o "$tmp/node" ./cmd/node)
fi
OLD=$tmp/node
echo "current tree against $(git -C "$BENCH_ROOT" rev-parse --short "$base")"
b=$BENCH_ROOT/scripts/bench
(set +o pipefail; yes "the quick brown fox jumps over the lazy dog 0123456789" | head -c $((256 << 20)) >"$tmp/big.txt")
compare "fs.File read 256 MiB, current/base" MiB/s 5 \
  "$NODE_BIN $b/fs/read_file.js $tmp/big.txt" "$OLD $b/fs/read_file.js $tmp/big.txt" higher
port="\$($PEER_NODE $b/tcp/freeport.js)"
compare "TCP echo 100 MiB, current/base" MB/s 5 \
  "$NODE_BIN $b/tcp/echo.js $port 100" "$OLD $b/tcp/echo.js $port 100" higher
compare "TCP ping-pong, current/base" rt/s 5 \
  "$NODE_BIN $b/tcp/pingpong.js $port 20000" "$OLD $b/tcp/pingpong.js $port 20000" higher
R=$b/ipc/run.sh
compare "node-ipc unix round trip, current/base" rt/s 5 \
  "$R $NODE_BIN nipc_server.js nipc_client.js roundtrip 20000" "$R $OLD nipc_server.js nipc_client.js roundtrip 20000" higher
compare "socket-ipc unix round trip, current/base" rt/s 5 \
  "$R $NODE_BIN sipc_server.js sipc_client.js roundtrip 20000" "$R $OLD sipc_server.js sipc_client.js roundtrip 20000" higher
compare "binaryjs 100 MiB, current/base" MB/s 5 \
  "$b/binaryjs/run.sh $NODE_BIN upload 100" "$b/binaryjs/run.sh $OLD upload 100" higher
compare "binaryjs 10,000 JSON writes, current/base" msg/s 5 \
  "$b/binaryjs/run.sh $NODE_BIN json 10000" "$b/binaryjs/run.sh $OLD json 10000" higher
compare "peerjs connect() to open, current/base" ms 5 \
  "NODE_BIN=$NODE_BIN $b/peerjs/run.sh ours open 10" "NODE_BIN=$OLD $b/peerjs/run.sh ours open 10" lower
compare "peerjs small messages, current/base" msg/s 5 \
  "NODE_BIN=$NODE_BIN $b/peerjs/run.sh ours msgs 20000" "NODE_BIN=$OLD $b/peerjs/run.sh ours msgs 20000" higher
