#!/usr/bin/env bash
# Quiet-machine re-run of the side-by-side figures that follow tools/train_bench.sh:
#   A. which OPENBLAS_CORETYPE makes Debian's OpenBLAS 0.3.21 fastest here (gemm.py, 1 thread)
#   B. descent train vs torch with a tuned OPENBLAS_CORETYPE=$CORETYPE (default Cooperlake), 1 thread, SGD+momentum and Adam,
#      interleaved (descent, torch, ...)
#   C. optimizer step on 10^7 float32 params: descent bench step vs torch optimizer_step.py,
#      Adam and SGD+momentum, 5 runs each, interleaved
#   D. SGEMM, n = 512 and 1024, 1 thread: descent bench gemm vs gemm.py as installed and with
#      OPENBLAS_CORETYPE=$CORETYPE
# Every block records `uptime` before and after in OUTDIR/uptime.log.
#
# Usage: tools/bench_quiet.sh OUTDIR [BLOCKS]   (BLOCKS: any of A B C D, default "A B C")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers=/work/shared/peers
out="${1:?usage: bench_quiet.sh OUTDIR [BLOCKS]}"
blocks="${2:-A B C}"
mkdir -p "$out"
"$root/descent" --version >/dev/null 2>&1 || true
up() { echo "$(date -u +%H:%M:%S) $1 $(uptime)" >> "$out/uptime.log"; }

for b in $blocks; do
  up "before $b"
  case "$b" in
  A)
    for ct in Cooperlake SkylakeX; do
      OPENBLAS_CORETYPE=$ct /usr/bin/python3 "$peers/gemm.py" --threads 1 --sizes 512,1024 --reps 3 \
        > "$out/gemm-coretype-$ct.jsonl"
    done ;;
  B)
    ct="${CORETYPE:-Cooperlake}"
    for opt in sgdm adam; do
      if [ "$opt" = sgdm ]; then dopt=(--optimizer sgd:momentum=0.9 --lr 0.05); else dopt=(--optimizer adam --lr 1e-3); fi
      "$root/descent" train --data fashion-mnist --model mlp:256,128 "${dopt[@]}" --batch 128 --epochs 5 \
        --seed 0 --threads 1 --no-progress --json > "$out/descent-train-$opt.json"
      OPENBLAS_CORETYPE=$ct /usr/bin/python3 "$peers/mlp_fashion.py" --opt "$opt" --threads 1 --blas-threads 1 \
        --epochs 5 --seed 0 > "$out/torch-$ct-$opt.jsonl"
    done ;;
  C)
    for i in 1 2 3 4 5; do
      "$root/descent" bench step --optimizer adam --params 10000000 --json > "$out/step-descent-adam-$i.json"
      /usr/bin/python3 "$peers/optimizer_step.py" --threads 1 --only adam > "$out/step-torch-adam-$i.jsonl"
      "$root/descent" bench step --optimizer sgd:lr=1e-3,momentum=0.9 --params 10000000 --json \
        > "$out/step-descent-sgdm-$i.json"
      /usr/bin/python3 "$peers/optimizer_step.py" --threads 1 --only sgd_momentum > "$out/step-torch-sgdm-$i.jsonl"
    done ;;
  D)
    for n in 512 1024; do
      "$root/descent" bench gemm --size $n --reps 5 --json > "$out/gemm-descent-$n.json"
    done
    /usr/bin/python3 "$peers/gemm.py" --threads 1 --sizes 512,1024 > "$out/gemm-peer.jsonl"
    OPENBLAS_CORETYPE="${CORETYPE:-Cooperlake}" /usr/bin/python3 "$peers/gemm.py" --threads 1 --sizes 512,1024 \
      > "$out/gemm-peer-tuned.jsonl" ;;
  esac
  up "after $b"
done
