#!/usr/bin/env bash
# One round of scripts/bench/tcp.sh: round.sh ours|node|go echo BYTES|pingpong N. Starts the
# echo server (earlynode's echo_server.js on $NODE_BIN, Node 20's echo_server_node.js on
# $PEER_NODE, or the Go ceiling $GOECHO) on a free port, waits for its "listening", runs the
# client ($TCPCLIENT) against it and prints the client's figure. The server is killed on the
# way out, whatever happened.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
side=$1 mode=$2 count=$3
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
case $side in
  ours) coproc SRV { exec "$NODE_BIN" "$here/echo_server.js" "$port" 2>&1; } ;;
  node) coproc SRV { exec "$PEER_NODE" "$here/echo_server_node.js" "$port" 2>&1; } ;;
  go) coproc SRV { exec "$GOECHO" "$port" 2>&1; } ;;
  *) echo "usage: round.sh ours|node|go echo BYTES|pingpong N" >&2; exit 2 ;;
esac
srv=$SRV_PID
trap 'kill $srv 2>/dev/null || true; wait $srv 2>/dev/null || true' EXIT
line=
read -r -t 20 line <&"${SRV[0]}" || true
if [ "$line" != listening ]; then
  echo "tcp round: the $side server did not start: $line" >&2
  exit 1
fi
"$TCPCLIENT" "127.0.0.1:$port" "$mode" "$count" | tail -n 1
