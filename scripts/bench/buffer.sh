#!/usr/bin/env bash
# Buffer: Buffer.from(string, 'base64'|'hex') and toString('base64'|'hex') over 64 MiB, and
# indexOf of a needle at the end of 64 MiB, side by side with Node.js 20 (MiB/s; a ratio
# above 1 means earlynode is faster). ROUNDS (default 5) interleaved runs each.
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/buffer
rounds=${ROUNDS:-5}
for op in base64-decode base64-encode hex-decode hex-encode indexof; do
  compare "Buffer $op, 64 MiB" MiB/s "$rounds" "$NODE_BIN $here/$op.js" "$PEER_NODE $here/$op.js" higher
done
