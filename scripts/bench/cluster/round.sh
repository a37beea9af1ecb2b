#!/usr/bin/env bash
# round.sh KIND METRIC: one round of scripts/bench/cluster.sh. KIND "cluster": two PeerServer
# processes in one cluster (NATS embedded by the first), clients on both; "single": one
# PeerServer, the same clients on it. Prints METRIC: latency (median ms), rate (msg/s) or cpu
# (OFFERs relayed per CPU-second of the server side: user+system time of the PeerServer
# processes and their NATS helpers, the embedded NATS server among them, from /proc, over the
# whole load run, connecting included).
set -euo pipefail
kind=$1; metric=$2
here=$(cd "$(dirname "$0")" && pwd)
free() { "$PEER_NODE" "$here/../tcp/freeport.js"; }
pa=$(free); pb=$(free); pn=$(free)
out=$(mktemp -d)
pids=()
trap 'kill ${pids[*]} 2>/dev/null; wait 2>/dev/null; rm -rf "$out"' EXIT
start() { "$NODE_BIN" "$here/server.js" "$1" "$2" >"$out/$1" 2>&1 & pids+=($!); for i in $(seq 1 400); do grep -q listening "$out/$1" 2>/dev/null && return; sleep 0.05; done; echo "server on $1 did not start" >&2; exit 1; }
# ticks: CPU clock ticks (user+system) used so far by the servers and their children.
ticks() {
  local t=0 p c
  for p in "${pids[@]}"; do
    for c in $p $(cat /proc/"$p"/task/*/children 2>/dev/null); do
      t=$((t + $(awk '{print $14 + $15}' /proc/"$c"/stat 2>/dev/null || echo 0)))
    done
  done
  echo $t
}
if [ "$kind" = cluster ]; then
  c="{\"listen\":\"127.0.0.1:$pn\",\"name\":\"bench\"}"
  start "$pa" "$c"; start "$pb" "$c"
else
  start "$pa" false; pb=$pa
fi
msgs=${MSGS:-100000}
before=$(ticks)
res=$("$CLUSTERLOAD" -a "127.0.0.1:$pa" -b "127.0.0.1:$pb" -pairs "${PAIRS:-500}" -msgs "$msgs" | tail -n 1)
after=$(ticks)
case $metric in
  latency) echo "${res% *}" ;;
  rate) echo "${res#* }" ;;
  cpu) awk -v n="$msgs" -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (b == a) print "nan"; else printf "%.0f", n / ((b - a) / hz) }' ;;
esac
