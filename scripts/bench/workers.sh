#!/usr/bin/env bash
# HTTP hello world (../http/hello.js) under `node --workers 2` against one worker
# (`--workers 1`) and against Node 20's cluster module with 2 workers (the same response
# bytes), wrk with 1 thread and 50 keep-alive connections for ${WRK_DURATION:-10s}, runs
# interleaved: requests per second, and requests per CPU-second of the server's processes
# (wrk shares the machine's cores with the workers, so requests/s alone understates what a
# core does; docs/scaling.md, Measuring). Needs wrk (apt-get install -y wrk).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "workers.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
build_node
here=$BENCH_ROOT/scripts/bench/workers
hello=$BENCH_ROOT/scripts/bench/http/hello.js
port="\$($PEER_NODE $BENCH_ROOT/scripts/bench/tcp/freeport.js)"
rounds=${ROUNDS:-3}
for metric in rps rpcpu; do
  case $metric in rps) what="requests/s"; unit=req/s ;; rpcpu) what="requests per CPU-second"; unit=req/cpu-s ;; esac
  compare "HTTP hello, --workers 2 vs Node cluster 2, $what" $unit $rounds \
    "p=$port; $here/wrk_cpu.sh \$p 2 $metric $NODE_BIN --workers 2 $hello \$p" \
    "p=$port; $here/wrk_cpu.sh \$p 2 $metric $PEER_NODE $here/hello_node_cluster.js \$p 2" higher
  compare "HTTP hello, --workers 2 vs --workers 1, $what" $unit $rounds \
    "p=$port; $here/wrk_cpu.sh \$p 2 $metric $NODE_BIN --workers 2 $hello \$p" \
    "p=$port; $here/wrk_cpu.sh \$p 1 $metric $NODE_BIN --workers 1 $hello \$p" higher
done
