#!/usr/bin/env bash
# One PeerJS benchmark round: run.sh ours|node MODE N. Runs ours.js on our node ($NODE_BIN)
# or node.js on Node 20 ($PEER_NODE) with the real PeerJS 1.5.5, @roamhq/wrtc and peer 1.0.2,
# on a free port, and prints the figure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
side=$1 mode=$2 n=$3
export NODE_PATH=$here/../../interop/node_modules
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$side" = ours ]; then
  timeout 300 "$NODE_BIN" "$here/ours.js" "$port" "$mode" "$n" 2>/dev/null | tail -n 1
else
  timeout 300 "$PEER_NODE" "$here/node.js" "$port" "$mode" "$n" 2>/dev/null | tail -n 1
fi
