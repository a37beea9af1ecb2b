#!/usr/bin/env bash
# PeerJS: two Peers on this machine with one binary DataConnection over loopback, a PeerServer
# in the same process; ours (require("peerjs") on our node) against PeerJS 1.5.5 on Node 20
# with @roamhq/wrtc 0.10.0 and npm peer 1.0.2 (docs/wire/peerjs.md). Goals: connect() to open
# within 100 ms; at least 1.0x the Node peers' small-message rate and 1 MiB throughput.
# The 1 MiB figure has a Go ceiling too (scripts/bench/peerjs/ceiling, built here): plain
# pion/webrtc set up as earlynode sets it up, sending the same chunks, which says how much of
# the throughput pion allows.
#
#   peerjs.sh [open] [msgs] [mib]    the figures named (all three without arguments); ROUNDS (5)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
export NODE_BIN PEER_NODE
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$BENCH_ROOT" && go build -o "$tmp/ceiling" ./scripts/bench/peerjs/ceiling)
here=$BENCH_ROOT/scripts/bench/peerjs
rounds=${ROUNDS:-5}
only=" ${*:-open msgs mib} "
[[ $only == *" open "* ]] && compare "peerjs connect() to open, mean of 10 dials" ms "$rounds" \
  "$here/run.sh ours open 10" \
  "$here/run.sh node open 10" lower
[[ $only == *" msgs "* ]] && compare "peerjs 20,000 small binary messages one way" msg/s "$rounds" \
  "$here/run.sh ours msgs 20000" \
  "$here/run.sh node msgs 20000" higher
[[ $only == *" mib "* ]] && compare_ceiling "peerjs 50 x 1 MiB binary messages one way (chunked)" MB/s "$rounds" \
  "$here/run.sh ours mib 50" \
  "$here/run.sh node mib 50" \
  "timeout 300 $tmp/ceiling -n 50" higher
exit 0
