#!/usr/bin/env bash
# Runtime core: start-up of an empty script (wall time and peak RSS) and 100,000
# setTimeout(fn, 0) callbacks, side by side with Node.js 20; the loop alone (Go benchmark:
# callbacks posted from other goroutines into JavaScript).
. "$(dirname "$0")/lib.sh"
build_node
here=$BENCH_ROOT/scripts/bench/runtime

# startwall CMD: mean wall milliseconds of 20 starts of CMD.
startwall() {
  local t0 t1
  t0=$(date +%s%N)
  for _ in $(seq 20); do "$@" >/dev/null; done
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) / 20 / 1e6 }'
}
# peakrss CMD: peak RSS in KB of one run of CMD.
peakrss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
export -f startwall peakrss

compare "start-up of an empty script, wall" ms 5 \
  "startwall $NODE_BIN $here/empty.js" "startwall $PEER_NODE $here/empty.js" lower
compare "start-up of an empty script, peak RSS" KB 5 \
  "peakrss $NODE_BIN $here/empty.js" "peakrss $PEER_NODE $here/empty.js" lower
compare "100,000 setTimeout(fn, 0) callbacks" cb/s 5 \
  "$NODE_BIN $here/timeouts.js" "$PEER_NODE $here/timeouts.js" higher
echo "the loop alone, callbacks posted from goroutines into JS (goal >= 1,000,000/s):"
(cd "$BENCH_ROOT" && go test -run '^$' -bench PostIntoJS -benchtime 2000000x -count 3 ./runtime/ | grep -o '[0-9]* callbacks/s')
