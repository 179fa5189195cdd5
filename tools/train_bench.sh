#!/usr/bin/env bash
# Side-by-side benchmark: descent train vs the torch 1.13 peer (/work/shared/peers/mlp_fashion.py)
# on full Fashion-MNIST, 784-256-128-10 ReLU MLP, batch 128, 5 epochs, SGD+momentum (lr 0.05, μ 0.9)
# and Adam (lr 1e-3), at 1 thread and on 2 cores (descent --threads 2; torch 1 thread + 2 OpenBLAS
# threads, its best setting here). Runs are interleaved (descent, torch, descent, torch, ...) so that
# both see the same machine load. Each run is wrapped in /usr/bin/time -v for the peak RSS.
#
# Usage: tools/train_bench.sh [REPEATS] [OUTDIR]     (default 1 repeat, /tmp/train_bench)
# Output: one line per run in OUTDIR/summary.tsv:
#   tool opt setting repeat epoch_s_median epoch_s_min epoch_s_max test_acc max_rss_kb
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${PEER:-/work/shared/peers/mlp_fashion.py}"
reps="${1:-1}"
out="${2:-/tmp/train_bench}"
mkdir -p "$out"
"$root/descent" --version >/dev/null 2>&1 || true   # build once, outside the timings
printf 'tool\topt\tsetting\trepeat\tepoch_s_median\tepoch_s_min\tepoch_s_max\ttest_acc\tmax_rss_kb\n' > "$out/summary.tsv"

rss() { sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$1"; }

for rep in $(seq 1 "$reps"); do
  for setting in 1 2; do
    for opt in sgdm adam; do
      if [ "$opt" = sgdm ]; then dopt=(--optimizer sgd:momentum=0.9 --lr 0.05); else dopt=(--optimizer adam --lr 1e-3); fi
      tag="$opt-$setting-$rep"
      /usr/bin/time -v -o "$out/descent-$tag.time" "$root/descent" train --data fashion-mnist --model mlp:256,128 \
        "${dopt[@]}" --batch 128 --epochs 5 --seed 0 --threads "$setting" --no-progress \
        --metrics "$out/descent-$tag.csv" --json > "$out/descent-$tag.json"
      /usr/bin/python3 - "$out/descent-$tag.json" "$out/descent-$tag.csv" "$opt" "$setting" "$rep" "$(rss "$out/descent-$tag.time")" >> "$out/summary.tsv" <<'PY'
import json, sys, csv
j = json.load(open(sys.argv[1]))
e = j["epochSeconds"]
print("descent\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%s" % (sys.argv[3], sys.argv[4], sys.argv[5], j["epochSecondsMedian"], min(e), max(e), j["testAccuracy"], sys.argv[6]))
PY
      blas="$setting"; thr=1
      /usr/bin/time -v -o "$out/torch-$tag.time" /usr/bin/python3 "$peer" --opt "$opt" --threads "$thr" --blas-threads "$blas" \
        --epochs 5 --seed 0 > "$out/torch-$tag.jsonl"
      /usr/bin/python3 - "$out/torch-$tag.jsonl" "$opt" "$setting" "$rep" "$(rss "$out/torch-$tag.time")" >> "$out/summary.tsv" <<'PY'
import json, sys
s = [json.loads(l) for l in open(sys.argv[1]) if "summary" in l][0]
print("torch\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%s" % (sys.argv[2], sys.argv[3], sys.argv[4], s["epoch_s_median"], s["epoch_s_min"], s["epoch_s_max"], s["final_test_acc"], sys.argv[5]))
PY
    done
  done
done
column -t "$out/summary.tsv"
