# Shared by the benchmark scripts: source it, then call compare.
#
#   compare "what is measured" UNIT ROUNDS "our command" "peer command" [higher|lower]
#
# Each command prints one number (its figure, in UNIT) as the last line of its stdout. The two
# commands run interleaved (ours, peer, ours, peer, ...) ROUNDS times; compare prints the
# median of each and the ratio ours/peer (for "lower is better" figures, peer/ours, so that a
# ratio above 1 always means earlynode is better).
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NODE_BIN=${NODE_BIN:-$BENCH_ROOT/bin/node}
PEER_NODE=${PEER_NODE:-$(command -v node)}
unset NODE_EXTRA_CA_CERTS # adds ~80 ms to every Node start (docs/architecture.md, Benchmarks)

build_node() {
  if [ -z "${BENCH_NO_BUILD:-}" ]; then
    (cd "$BENCH_ROOT" && CGO_ENABLED=0 go build -o bin/node ./cmd/node) # static, as released
  fi
}

# figure WHAT CMD: runs CMD and prints the last line of its stdout, which must be a number;
# otherwise it says which benchmark printed no figure, and fails.
figure() {
  local out status=0
  out=$(bash -c "$2" | tail -n 1) || status=$?
  if [ "$status" -ne 0 ] || ! [[ $out =~ ^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$ ]]; then
    echo "bench: \"$1\": no figure (exit status $status, last line \"$out\") from: $2" >&2
    return 1
  fi
  printf '%s\n' "$out"
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

compare() {
  local what=$1 unit=$2 rounds=$3 ours=$4 peer=$5 better=${6:-higher}
  local a=() b=() i x
  for ((i = 0; i < rounds; i++)); do
    x=$(figure "$what (earlynode)" "$ours") || return 1; a+=("$x")
    x=$(figure "$what (peer)" "$peer") || return 1; b+=("$x")
  done
  local ma mb ratio
  ma=$(printf '%s\n' "${a[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  if [ "$better" = higher ]; then
    ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }')
  else
    ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { if (a == 0) print "inf"; else printf "%.2f", b / a }')
  fi
  printf '%-58s earlynode %12s %-8s peer %12s %-8s ratio %sx (%s is better; rounds %s: %s | %s)\n' \
    "$what" "$ma" "$unit" "$mb" "$unit" "$ratio" "$better" "$rounds" "${a[*]}" "${b[*]}"
}
