#!/usr/bin/env bash
# WebSocket servers holding many clients, each measured against the real npm package on Node 20
# with the same Go load generator (scripts/bench/ws/main.go, gorilla/websocket, built here):
#
# - PeerServer (earlynode's built-in, require("peerjs")) against npm peer 1.0.2, holding 2,000
#   signalling clients (ws://HOST:PORT/peerjs?key=peerjs&id=ID&token=TOKEN&version=1.5.5, as
#   PeerJS 1.5.5 connects): the server's RSS growth per client, from before they connect to
#   when all have their OPEN (goal: at most 0.5x peer's, i.e. a ratio of at least 2x); then
#   those clients send one another 120,000 OFFER/ANSWER messages (PeerJS's payloads with a short
#   SDP), and the relay rate until the receivers have them all (goal: at least 2x peer's) and
#   the server's RSS a second later (goal: at most peer's) are measured.
# - BinaryServer (require("binaryjs")) against binaryjs 0.2.1, holding 2,000 idle WebSocket
#   clients: RSS growth per connection (goal: at most 0.5x binaryjs's, a ratio of at least 2x).
#
# KB and MB are 10^3 and 10^6 bytes of VmRSS (/proc/PID/status). One PeerServer round gives
# its three figures; the rounds run interleaved (ours, peer, ours, ...) and compare prints
# each figure's medians. ROUNDS (3), WS_CLIENTS (2000) and WS_MSGS (120000) change the run.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/ws
rounds=${ROUNDS:-3}
clients=${WS_CLIENTS:-2000}
msgs=${WS_MSGS:-120000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$BENCH_ROOT" && go build -o "$tmp/wsload" ./scripts/bench/ws)
export NODE_BIN PEER_NODE WSLOAD=$tmp/wsload

# round KIND SIDE: one round; its figures go one per file ($tmp/KIND.SIDE.1, .2, ...), a line
# each, and the generator's line of absolute figures to $tmp/details.
round() {
  local kind=$1 side=$2 out i=1 x
  out=$("$here/round.sh" "$kind" "$side" "$clients" "$msgs" 2>"$tmp/err") || { cat "$tmp/err" >&2; exit 1; }
  echo "  $kind $side: $(cat "$tmp/err")" >>"$tmp/details"
  for x in $out; do echo "$x" >>"$tmp/$kind.$side.$i"; i=$((i + 1)); done
}
# next FILE: the figure of the next round (compare asks for the rounds in order).
next() { echo "head -n 1 $tmp/$1; sed -i 1d $tmp/$1"; }

for ((r = 0; r < rounds; r++)); do
  round peer ours
  round peer node
done
for ((r = 0; r < rounds; r++)); do
  round binary ours
  round binary node
done
compare "PeerServer, $clients idle signalling clients, RSS each" KB/conn "$rounds" \
  "$(next peer.ours.1)" "$(next peer.node.1)" lower
compare "PeerServer relaying $msgs OFFER/ANSWER among them" msg/s "$rounds" \
  "$(next peer.ours.2)" "$(next peer.node.2)" higher
compare "PeerServer RSS after relaying them" MB "$rounds" \
  "$(next peer.ours.3)" "$(next peer.node.3)" lower
compare "BinaryServer, $clients idle clients, RSS each" KB/conn "$rounds" \
  "$(next binary.ours.1)" "$(next binary.node.1)" lower
cat "$tmp/details"
