#!/usr/bin/env bash
# idle.sh PORT N SERVER-COMMAND...: starts the server, measures its RSS, opens N idle
# connections from a Node.js client process, measures again once the server has accepted them
# all, and prints the growth per connection in KB (10^3 bytes).
set -euo pipefail
port=$1; n=$2; shift 2
peer=${PEER_NODE:-$(command -v node)}
here=$(cd "$(dirname "$0")" && pwd)
ulimit -n "$(ulimit -Hn)"
out=$(mktemp); cout=$(mktemp)
"$@" >"$out" 2>&1 &
srv=$!
trap 'kill $srv $cli 2>/dev/null; wait 2>/dev/null; rm -f "$out" "$cout"' EXIT
cli=
for i in $(seq 1 200); do grep -q listening "$out" && break; sleep 0.05; done
sleep 0.5
rss() { awk '/^VmRSS/ {print $2 * 1024}' "/proc/$1/status"; }
before=$(rss $srv)
"$peer" "$here/idle_clients.js" "$port" "$n" >"$cout" 2>&1 &
cli=$!
for i in $(seq 1 1200); do grep -q ready "$out" && break; sleep 0.05; done
grep -q ready "$out" || { echo "server did not accept $n connections: $(cat "$out" "$cout")" >&2; exit 1; }
sleep 1
after=$(rss $srv)
awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { printf "%.2f\n", (a - b) / n / 1000 }'
