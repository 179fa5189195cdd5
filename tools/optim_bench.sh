#!/usr/bin/env bash
# Optimizer-step figures for docs/PERFORMANCE.md: descent's `bench step` for every optimizer
# (JSON lines, each with its own STREAM triad), then torch 1.13's step from the peer script, side
# by side in one session. Usage: tools/optim_bench.sh [N] [REPS] > results.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000000}"
reps="${2:-15}"
echo "{\"date\":\"$(date -u +%FT%TZ)\",\"uptime\":\"$(uptime | sed 's/.*load/load/')\",\"cpu\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\"}"
for spec in sgd momentum nesterov adagrad rmsprop adam adamw nadam radam adamax adadelta lion; do
  "$root/descent" bench step --optimizer "$spec" --params "$n" --reps "$reps" --json 2>/dev/null
done
DESCENT_JAVA_OPTS="-Ddescent.simd=false" "$root/descent" bench step --optimizer adam --params "$n" --reps "$reps" --json 2>/dev/null
stream_c=/work/shared/peers/stream.c
if [ -f "$stream_c" ] && command -v gcc >/dev/null 2>&1; then
  gcc -O3 -march=native -fopenmp "$stream_c" -o /tmp/optim_stream_peer
  OMP_NUM_THREADS=1 /tmp/optim_stream_peer "$n" 11 | grep '"f32"' | grep triad || true
fi
peer=/work/shared/peers/optimizer_step.py
if [ -f "$peer" ]; then
  /usr/bin/python3 "$peer" --threads 1 --numel "$n" --only sgd,sgd_momentum,adam,adamw
fi
echo "{\"uptime_end\":\"$(uptime | sed 's/.*load/load/')\"}"
