#!/usr/bin/env bash
# A PeerServer cluster of two earlynode members (separate processes, NATS embedded by the first
# through its NATS helper process, node --nats-helper) against one earlynode PeerServer, the same Go load
# generator (scripts/bench/cluster/main.go) on both, interleaved: PAIRS (500) client pairs with
# one client on each member, so that every message crosses the cluster; the median latency
# of an OFFER from a client on one member to one on the other, one at a time (goal: under
# 1 ms on loopback), and the rate of MSGS (100,000) OFFERs sent at once (goal: a 2-member
# cluster at least 1.5x one member). With one server, both clients of a pair are on it. Then
# what the rate costs: OFFERs relayed per CPU-second of the server side (PeerServers, NATS
# helpers and the NATS server; the load generator is not counted), which says what the
# cluster's extra hops cost whatever the machine's load.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/cluster
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$BENCH_ROOT" && go build -o "$tmp/clusterload" ./scripts/bench/cluster)
export NODE_BIN PEER_NODE CLUSTERLOAD=$tmp/clusterload
rounds=${ROUNDS:-3}
compare "PeerServer OFFER latency, 2-member cluster vs 1 server, median" ms "$rounds" \
  "$here/round.sh cluster latency" "$here/round.sh single latency" lower
compare "PeerServer relay rate, 2-member cluster vs 1 server" msg/s "$rounds" \
  "$here/round.sh cluster rate" "$here/round.sh single rate" higher
compare "PeerServer relay, 2-member cluster vs 1 server, per CPU-second" msg/cpu-s "$rounds" \
  "$here/round.sh cluster cpu" "$here/round.sh single cpu" higher
