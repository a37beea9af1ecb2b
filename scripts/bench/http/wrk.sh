#!/usr/bin/env bash
# wrk.sh PORT METRIC SERVER-COMMAND...: starts the server, runs wrk (1 thread, 50 keep-alive
# connections, ${WRK_DURATION:-10s}) against it and prints METRIC: rps (requests per second) or
# p99 (99th percentile latency in ms).
set -euo pipefail
port=$1; metric=$2; shift 2
out=$(mktemp)
"$@" >"$out" 2>&1 &
srv=$!
trap 'kill $srv 2>/dev/null; wait 2>/dev/null; rm -f "$out"' EXIT
for i in $(seq 1 200); do grep -q listening "$out" && break; sleep 0.05; done
res=$(wrk -t1 -c50 -d"${WRK_DURATION:-10s}" --latency "http://127.0.0.1:$port/")
case $metric in
  rps) awk '/^Requests\/sec:/ {print $2}' <<<"$res" ;;
  p99) awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<<"$res" ;;
esac
