#!/usr/bin/env bash
# One benchmark run: starts SERVER_SCRIPT with RUNTIME on a fresh socket, runs CLIENT_SCRIPT
# with the same RUNTIME and prints the client's figure as the last line.
# Usage: run.sh RUNTIME SERVER_SCRIPT CLIENT_SCRIPT MODE N
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runtime=$1 server=$2 client=$3 mode=$4 n=$5
dir=$(mktemp -d)
sock=$dir/bench.sock
export NODE_PATH="$here/../../interop/node_modules"
"$runtime" "$here/$server" "$sock" > "$dir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  grep -q listening "$dir/server.log" 2>/dev/null && break
  sleep 0.05
done
"$runtime" "$here/$client" "$sock" "$mode" "$n" | tail -n 1
