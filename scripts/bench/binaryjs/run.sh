#!/usr/bin/env bash
# One benchmark round: run.sh NODE MODE N. Starts server.js and client.js on NODE (ours or
# Node 20 with the real binaryjs) on a free port and prints the client's figure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node=$1 mode=$2 n=$3
export NODE_PATH=$here/../../interop/node_modules
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$node" "$here/server.js" "$port" >/dev/null 2>&1 &
server=$!
"$node" "$here/client.js" "ws://127.0.0.1:$port" "$mode" "$n" 2>/dev/null | tail -n 1
wait "$server" 2>/dev/null || true
