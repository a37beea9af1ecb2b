#!/usr/bin/env bash
# node.fs.File read throughput: a 256 MiB text file in 64 KiB reads decoded as UTF-8, against
# Node 20's fs.read loop doing the same (goal: at least 0.8x).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# 256 MiB of ASCII text lines, the same file for both.
# (yes dies of SIGPIPE when head has enough: not a failure here.)
(set +o pipefail; yes "the quick brown fox jumps over the lazy dog 0123456789" | head -c $((256 << 20)) >"$dir/big.txt")
here=$BENCH_ROOT/scripts/bench/fs
compare "fs.File read 256 MiB, 64 KiB utf8 reads" MiB/s 5 \
  "$NODE_BIN $here/read_file.js $dir/big.txt" \
  "$PEER_NODE $here/read_file_node.js $dir/big.txt" higher
