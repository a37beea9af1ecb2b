#!/usr/bin/env bash
# wrk_cpu.sh PORT WORKERS METRIC SERVER-COMMAND...: starts the server, waits for WORKERS
# "listening" lines, runs wrk (1 thread, 50 keep-alive connections, ${WRK_DURATION:-10s})
# and prints METRIC: rps (requests per second) or rpcpu (requests per CPU-second of the
# server: user+system time of its whole process tree during the wrk run, from /proc).
set -euo pipefail
port=$1; workers=$2; metric=$3; shift 3
out=$(mktemp)
"$@" >"$out" 2>&1 &
srv=$!
trap 'kill -TERM $srv 2>/dev/null; wait 2>/dev/null; rm -f "$out"' EXIT
for i in $(seq 1 400); do [ "$(grep -c listening "$out")" -ge "$workers" ] && break; sleep 0.05; done
# tree PID: PID and its descendants.
tree() {
  echo "$1"
  local c
  for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done
}
# ticks: CPU clock ticks (user+system) used so far by the server's processes.
ticks() {
  local t=0 p
  for p in $(tree "$srv"); do
    t=$((t + $(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null || echo 0)))
  done
  echo $t
}
before=$(ticks)
res=$(wrk -t1 -c50 -d"${WRK_DURATION:-10s}" "http://127.0.0.1:$port/")
after=$(ticks)
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$res")
total=$(awk '/requests in/ {print $1}' <<<"$res")
cpu=$(awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
echo "rps $rps requests $total server-cpu-seconds $cpu" >&2
case $metric in
  rps) echo "$rps" ;;
  rpcpu) awk -v n="$total" -v c="$cpu" 'BEGIN { if (c == 0) print "nan"; else printf "%.0f", n / c }' ;;
esac
