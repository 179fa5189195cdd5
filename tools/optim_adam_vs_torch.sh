#!/usr/bin/env bash
# Adam side by side with torch 1.13, interleaved: PAIRS times, descent's `bench step` (15 reps)
# then torch's optimizer_step.py --only adam (single and list100 layouts, foreach on and off), so
# that both see the same machine load. Prints JSON lines; tools/optim_bench_table.py and the
# per-pair ratios summarize them. Usage: tools/optim_adam_vs_torch.sh [PAIRS] [N] > pairs.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-5}"
n="${2:-10000000}"
for p in $(seq 1 "$pairs"); do
  echo "{\"pair\":$p,\"date\":\"$(date -u +%FT%TZ)\",\"uptime\":\"$(uptime | sed 's/.*load/load/')\"}"
  "$root/descent" bench step --optimizer adam --params "$n" --reps 15 --json 2>/dev/null
  /usr/bin/python3 /work/shared/peers/optimizer_step.py --threads 1 --numel "$n" --only adam
done
echo "{\"uptime_end\":\"$(uptime | sed 's/.*load/load/')\"}"
