#!/usr/bin/env bash
# Two threads against one (issue 12): epoch seconds of `descent bench train` (Adam, full
# Fashion-MNIST) at 1 and 2 threads for mlp:256,128 at batch 128 and 512 and mlp:1024,1024 at
# batch 128, for a "before" jar and this tree's jar, interleaved run by run so that both see the
# same load; then torch 1.13 (/work/shared/peers/mlp_fashion.py, Adam, 5 epochs, the 784-256-128-10
# MLP) at its 2-core settings (1 torch + 2 OpenBLAS threads, 2 + 1), with and without
# OPENBLAS_CORETYPE=Zen, at batch 128 and 512. `uptime` is logged before every run.
#
# Usage: [NICE=-10] [CONFIGS="mlp:256,128@128 ..."] [EPOCHS=3] [TORCH_BATCHES="128 512"] tools/bench_two_threads.sh ROUNDS OUTDIR [BEFORE_JAR]
#   BEFORE_JAR: a descent-cli-all.jar built from main (skipped when absent)
#   NICE: run every benchmark (descent and torch alike) at this nice value (negative needs root),
#   so that on a machine loaded by others' builds the benchmark gets most of the two cores
# Output: OUTDIR/runs.jsonl, one JSON object per run (descent: bench train --json plus "jar" and
# "round"; torch: the peer's summary line plus "coretype" and "round"), OUTDIR/uptime.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:?rounds}"
out="${2:?outdir}"
before="${3:-}"
mkdir -p "$out"
"$root/descent" --version >/dev/null 2>&1 || true # build once, outside the timings
after="$root/descent-cli/target/descent-cli-all.jar"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
peer=/work/shared/peers/mlp_fashion.py
nice=(nice -n "${NICE:-0}")

run_descent() { # jar-label jar model batch threads round
  echo "$(date -u +%T) $1 $3 b$4 t$5 r$6 $(uptime)" >> "$out/uptime.log"
  "${nice[@]}" "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -jar "$2" \
    bench train --data fashion-mnist --model "$3" --batch "$4" --threads "$5" --epochs "${EPOCHS:-3}" --replays 1 --json 2>/dev/null \
    | /usr/bin/python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); j["jar"]=sys.argv[1]; j["round"]=int(sys.argv[2]); print(json.dumps(j))' "$1" "$6" \
    >> "$out/runs.jsonl"
}

run_torch() { # threads blas batch coretype round
  echo "$(date -u +%T) torch t$1 blas$2 b$3 core=$4 r$5 $(uptime)" >> "$out/uptime.log"
  if [ -n "$4" ]; then export OPENBLAS_CORETYPE="$4"; else unset OPENBLAS_CORETYPE; fi
  "${nice[@]}" /usr/bin/python3 "$peer" --opt adam --threads "$1" --blas-threads "$2" --batch "$3" --epochs 5 --seed 0 \
    | tail -n 1 | /usr/bin/python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); j["coretype"]=sys.argv[1]; j["batch"]=int(sys.argv[2]); j["round"]=int(sys.argv[3]); print(json.dumps(j))' "${4:-default}" "$3" "$5" \
    >> "$out/runs.jsonl"
  unset OPENBLAS_CORETYPE
}

configs="${CONFIGS:-mlp:256,128@128 mlp:256,128@512 mlp:1024,1024@128}"
for r in $(seq 1 "$rounds"); do
  for cfg in $configs; do
    cfg="${cfg/@/ }"
    set -- $cfg
    for t in 1 2; do
      [ -n "$before" ] && run_descent before "$before" "$1" "$2" "$t" "$r"
      run_descent after "$after" "$1" "$2" "$t" "$r"
    done
  done
  for b in ${TORCH_BATCHES-128 512}; do
    run_torch 1 2 "$b" "" "$r"
    run_torch 1 2 "$b" Zen "$r"
    run_torch 2 1 "$b" "" "$r"
  done
done
