#!/usr/bin/env bash
# node.createProcess rate: 200 sequential createProcess("true") runs against Node 20's
# child_process.exec("true") (goal: at least 1.0x).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/process
compare "createProcess(\"true\") x200, sequential" runs/s 5 \
  "$NODE_BIN $here/spawn_true.js" \
  "$PEER_NODE $here/spawn_true_node.js" higher
