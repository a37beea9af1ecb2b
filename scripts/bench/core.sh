#!/usr/bin/env bash
# The modern core modules' hot paths, one script each run on earlynode and Node 20 interleaved:
# crypto.createHash('sha256') over 256 MiB (goal: at least 1.0x Node's throughput) and
# fs.readFile of a 256 MiB file (goal: at least 1.0x).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build_node
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c $((256 << 20)) /dev/urandom >"$dir/big.bin"
here=$BENCH_ROOT/scripts/bench/core
compare "crypto.createHash('sha256') 256 MiB" MiB/s 5 \
  "$NODE_BIN $here/hash.js sha256" "$PEER_NODE $here/hash.js sha256" higher
compare "crypto.createHash('md5') 256 MiB" MiB/s 5 \
  "$NODE_BIN $here/hash.js md5" "$PEER_NODE $here/hash.js md5" higher
compare "fs.readFile 256 MiB" MiB/s 5 \
  "$NODE_BIN $here/read_file.js $dir/big.bin" "$PEER_NODE $here/read_file.js $dir/big.bin" higher
