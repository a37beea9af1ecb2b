#!/usr/bin/env bash
# round.sh KIND METRIC: one round of scripts/bench/cluster.sh. KIND "cluster": two PeerServer
# processes in one cluster (NATS embedded by the first), clients on both; "single": one
# PeerServer, the same clients on it. Prints METRIC: latency (median ms) or rate (msg/s).
set -euo pipefail
kind=$1; metric=$2
here=$(cd "$(dirname "$0")" && pwd)
free() { "$PEER_NODE" "$here/../tcp/freeport.js"; }
pa=$(free); pb=$(free); pn=$(free)
out=$(mktemp -d)
pids=()
trap 'kill ${pids[*]} 2>/dev/null; wait 2>/dev/null; rm -rf "$out"' EXIT
start() { "$NODE_BIN" "$here/server.js" "$1" "$2" >"$out/$1" 2>&1 & pids+=($!); for i in $(seq 1 400); do grep -q listening "$out/$1" && return; sleep 0.05; done; echo "server on $1 did not start" >&2; exit 1; }
if [ "$kind" = cluster ]; then
  c="{\"listen\":\"127.0.0.1:$pn\",\"name\":\"bench\"}"
  start "$pa" "$c"; start "$pb" "$c"
else
  start "$pa" false; pb=$pa
fi
res=$("$CLUSTERLOAD" -a "127.0.0.1:$pa" -b "127.0.0.1:$pb" -pairs "${PAIRS:-500}" -msgs "${MSGS:-100000}" | tail -n 1)
case $metric in
  latency) echo "${res% *}" ;;
  rate) echo "${res#* }" ;;
esac
