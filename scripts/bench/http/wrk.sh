#!/usr/bin/env bash
# wrk.sh PORT METRIC SERVER-COMMAND...: starts the server, waits until it prints "listening",
# runs wrk (1 thread, 50 keep-alive connections, ${WRK_DURATION:-10s}) against it, stops the
# server and prints METRIC: rps (requests per second), p99 (99th percentile latency in ms) or
# cpu (the server's CPU time, user + system over all its threads, per request in microseconds,
# from /proc/PID/stat around the wrk run: on a shared machine the steadiest of the three).
#
# The server's output goes through a FIFO that this script reads line by line, so the wait
# ends on the line itself (no polling); a server that exits or stays silent for 10 s fails
# the round. The server is killed, and waited for, whatever happens.
set -euo pipefail
port=$1; metric=$2; shift 2
dir=$(mktemp -d)
mkfifo "$dir/out"
"$@" >"$dir/out" 2>&1 &
srv=$!
trap 'kill $srv 2>/dev/null || true; wait $srv 2>/dev/null || true; rm -rf "$dir"' EXIT
exec 3<"$dir/out"
ready=
while IFS= read -r -t 10 line <&3; do
  if [[ $line == *listening* ]]; then ready=1; break; fi
done
if [ -z "$ready" ]; then
  echo "wrk.sh: the server did not print \"listening\" (exited, or silent for 10 s): $*" >&2
  exit 1
fi
cat <&3 >/dev/null & # keep draining what the server writes, so it never blocks on the FIFO
read -r -a before </proc/$srv/stat
res=$(wrk -t1 -c50 -d"${WRK_DURATION:-10s}" --latency "http://127.0.0.1:$port/")
read -r -a after </proc/$srv/stat
case $metric in
  rps) awk '/^Requests\/sec:/ {print $2}' <<<"$res" ;;
  p99) awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<<"$res" ;;
  cpu) # fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks
    awk -v t="$(( after[13] + after[14] - before[13] - before[14] ))" -v hz="$(getconf CLK_TCK)" \
      '/ requests in / { n = $1 } END { if (n > 0) printf "%.2f\n", t / hz * 1e6 / n }' <<<"$res" ;;
  *) echo "wrk.sh: unknown metric $metric (rps, p99 or cpu)" >&2; exit 2 ;;
esac
