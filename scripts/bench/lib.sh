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
    "$BENCH_ROOT/scripts/build" "$BENCH_ROOT/bin/node" # as released
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
  compare_ceiling "$1" "$2" "$3" "$4" "$5" "" "${6:-higher}"
}

# compare_ceiling "what" UNIT ROUNDS "our command" "peer command" "ceiling command" [higher|lower]
#
# As compare, with a third program in the same interleaved rounds (ours, peer, ceiling, ours,
# ...): the ceiling, a plain Go program doing the same work, says what the machine allows. It
# prints a second ratio, ours/ceiling (again above 1 means earlynode is better). An empty
# ceiling command makes it compare.
compare_ceiling() {
  local what=$1 unit=$2 rounds=$3 ours=$4 peer=$5 ceiling=$6 better=${7:-higher}
  local a=() b=() c=() i x
  for ((i = 0; i < rounds; i++)); do
    x=$(figure "$what (earlynode)" "$ours") || return 1; a+=("$x")
    x=$(figure "$what (peer)" "$peer") || return 1; b+=("$x")
    if [ -n "$ceiling" ]; then
      x=$(figure "$what (ceiling)" "$ceiling") || return 1; c+=("$x")
    fi
  done
  local ma mb mc ratio cratio
  ma=$(printf '%s\n' "${a[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  ratio=$(ratio_of "$ma" "$mb" "$better")
  printf '%-58s earlynode %12s %-8s peer %12s %-8s ratio %sx (%s is better; rounds %s: %s | %s)\n' \
    "$what" "$ma" "$unit" "$mb" "$unit" "$ratio" "$better" "$rounds" "${a[*]}" "${b[*]}"
  if [ -n "$ceiling" ]; then
    mc=$(printf '%s\n' "${c[@]}" | median)
    cratio=$(ratio_of "$ma" "$mc" "$better")
    printf '%-58s earlynode %12s %-8s go   %12s %-8s ratio %sx of the ceiling (rounds: %s)\n' \
      "  ... against the Go ceiling" "$ma" "$unit" "$mc" "$unit" "$cratio" "${c[*]}"
  fi
}

# ratio_of OURS THEIRS higher|lower: ours/theirs, or theirs/ours when lower is better, so that
# above 1 always means earlynode is better.
ratio_of() {
  if [ "$3" = higher ]; then
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }'
  else
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == 0) print "inf"; else printf "%.2f", b / a }'
  fi
}
