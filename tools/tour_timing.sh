#!/usr/bin/env bash
# Measures the wall time of `./descent tour` and `./descent tour --quick` (jar already built):
# RUNS runs of each, prints every time, the median and the range, with the date and `uptime` load.
# usage: tools/tour_timing.sh [RUNS]   (default 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/descent" --version >/dev/null 2>&1   # builds the jar if needed, outside the timings
date -u +"date: %Y-%m-%d %H:%M UTC"
for mode in full quick; do
  times=()
  for i in $(seq "$runs"); do
    args=(tour --out "$out/r" --no-progress)
    [ "$mode" = quick ] && args+=(--quick)
    load="$(uptime | sed 's/.*load average: //')"
    t0=$(date +%s.%N)
    "$root/descent" "${args[@]}" >/dev/null 2>&1
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc)
    times+=("$t")
    printf '%s run %d: %.1f s (load before: %s)\n' "$mode" "$i" "$t" "$load"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v m="$mode" '{a[NR]=$1} END {printf "%s: median %.1f s, range %.1f-%.1f s over %d runs\n", m, a[int((NR+1)/2)], a[1], a[NR], NR}'
done
