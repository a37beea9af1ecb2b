#!/usr/bin/env bash
# One round of scripts/bench/ws.sh: round.sh peer|binary ours|node N [MSGS]. Starts the server
# (earlynode's built-in PeerServer or BinaryServer on $NODE_BIN, or npm peer 1.0.2 / binaryjs
# 0.2.1 on Node 20 at $PEER_NODE) on a free port, drives it with the load generator $WSLOAD
# (N clients, then MSGS relayed messages for peer) and prints the generator's figures:
# "KB_PER_CLIENT" (binary) or "KB_PER_CLIENT MSGS_PER_S RSS_AFTER_MB" (peer). The generator's
# line of absolute RSS figures goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kind=$1 side=$2 n=$3 msgs=${4:-0}
export NODE_PATH=$here/../../interop/node_modules
ulimit -n "$(ulimit -Hn)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
case $kind/$side in
  peer/ours) "$NODE_BIN" "$here/peerserver.js" "$port" >"$dir/server.log" 2>&1 & ;;
  peer/node) "$PEER_NODE" "$here/peerserver_node.js" "$port" >"$dir/server.log" 2>&1 & ;;
  binary/ours) "$NODE_BIN" "$here/binaryserver.js" "$port" "$n" >"$dir/server.log" 2>&1 & ;;
  binary/node) "$PEER_NODE" "$here/binaryserver.js" "$port" "$n" >"$dir/server.log" 2>&1 & ;;
  *) echo "usage: round.sh peer|binary ours|node N [MSGS]" >&2; exit 2 ;;
esac
srv=$!
trap 'kill $srv 2>/dev/null || true; wait $srv 2>/dev/null || true; rm -rf "$dir"' EXIT
if [ "$kind" = peer ]; then
  args=(-mode peer -url "ws://127.0.0.1:$port/peerjs" -msgs "$msgs")
else
  args=(-mode binary -url "ws://127.0.0.1:$port/" -ready "$dir/server.log")
fi
if ! timeout 200 "$WSLOAD" "${args[@]}" -pid "$srv" -n "$n" >"$dir/out" 2>"$dir/err"; then
  echo "ws round $kind $side failed: $(cat "$dir/err") | server: $(tail -n 5 "$dir/server.log")" >&2
  exit 1
fi
cat "$dir/err" >&2
tail -n 1 "$dir/out"
