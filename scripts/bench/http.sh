#!/usr/bin/env bash
# HTTP hello world written with the 0.1.0 API against Node 20's http hello world (the same
# response bytes) and against a plain Go net/http hello world (the machine's ceiling; the same
# bytes, its headers in net/http's sorted order), wrk with 1 thread and 50 keep-alive
# connections for 10 s, the three servers interleaved: requests per second (goals: at least
# 1.3x Node, at least 0.9x the ceiling), p99 latency (goal: no worse than Node) and the
# server's CPU time per request (the figure the shared machine disturbs least). Needs wrk
# (apt-get install -y wrk).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "http.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
build_node
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$BENCH_ROOT" && go build -o "$tmp/gohello" ./scripts/bench/http/gohello)
here=$BENCH_ROOT/scripts/bench/http
port="\$($PEER_NODE $BENCH_ROOT/scripts/bench/tcp/freeport.js)"
ours="p=$port; $here/wrk.sh \$p METRIC $NODE_BIN $here/hello.js \$p"
peer="p=$port; $here/wrk.sh \$p METRIC $PEER_NODE $here/hello_node.js \$p"
ceiling="p=$port; $here/wrk.sh \$p METRIC $tmp/gohello \$p"
compare_ceiling "HTTP hello world, wrk -t1 -c50, requests/s" req/s 3 \
  "${ours/METRIC/rps}" "${peer/METRIC/rps}" "${ceiling/METRIC/rps}" higher
compare_ceiling "HTTP hello world, wrk -t1 -c50, p99 latency" ms 3 \
  "${ours/METRIC/p99}" "${peer/METRIC/p99}" "${ceiling/METRIC/p99}" lower
compare_ceiling "HTTP hello world, wrk -t1 -c50, server CPU per request" us 3 \
  "${ours/METRIC/cpu}" "${peer/METRIC/cpu}" "${ceiling/METRIC/cpu}" lower
