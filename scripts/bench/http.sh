#!/usr/bin/env bash
# HTTP hello world written with the 0.1.0 API against Node 20's http hello world (the same
# response bytes), wrk with 1 thread and 50 keep-alive connections for 10 s: requests per
# second (goal: at least 1.0x, aim 1.3x) and p99 latency (goal: no worse). Needs wrk
# (apt-get install -y wrk).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "http.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
build_node
here=$BENCH_ROOT/scripts/bench/http
port="\$($PEER_NODE $BENCH_ROOT/scripts/bench/tcp/freeport.js)"
compare "HTTP hello world, wrk -t1 -c50, requests/s" req/s 3 \
  "p=$port; $here/wrk.sh \$p rps $NODE_BIN $here/hello.js \$p" \
  "p=$port; $here/wrk.sh \$p rps $PEER_NODE $here/hello_node.js \$p" higher
compare "HTTP hello world, wrk -t1 -c50, p99 latency" ms 3 \
  "p=$port; $here/wrk.sh \$p p99 $NODE_BIN $here/hello.js \$p" \
  "p=$port; $here/wrk.sh \$p p99 $PEER_NODE $here/hello_node.js \$p" lower
