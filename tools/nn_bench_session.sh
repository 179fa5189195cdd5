#!/usr/bin/env bash
# One side-by-side measurement session for docs/PERFORMANCE.md "Matrix multiply": descent's GEMM
# backends and MLP training step against numpy/torch (Debian OpenBLAS 0.3.21), in one go.
# Usage: tools/nn_bench_session.sh [OUT.log]   (needs the CLI jar and descent-bench/target/benchmarks.jar:
#   mvn -q -B -DskipTests -pl descent-bench,descent-cli -am package)
# Debian's OpenBLAS 0.3.21 does not know this machine's CPU and falls back to its Prescott (SSE3)
# kernels; the peers therefore run twice: as installed, and with OPENBLAS_CORETYPE=Cooperlake.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/tmp/nn_bench_session.log}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
peers=/work/shared/peers
{
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
  lscpu | grep 'Model name'
  for n in 512 1024; do
    "$root/descent" bench gemm --size "$n" --reps 7 --json 2>/dev/null
  done
  echo "## $(uptime)"
  /usr/bin/python3 "$peers/gemm.py" --threads 1 --sizes 512,1024 2>&1 | grep float32
  echo "## OPENBLAS_CORETYPE=Cooperlake $(uptime)"
  OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 "$peers/gemm.py" --threads 1 --sizes 512,1024 2>&1 | grep float32
  echo "## $(uptime)"
  for cfg in "openblas 1" "vector 1" "openblas 2"; do
    set -- $cfg
    json="$(mktemp /tmp/nn_jmh.XXXXXX.json)"
    "$java" "${flags[@]}" -jar "$root/descent-bench/target/benchmarks.jar" NnStep -wi 5 -i 10 -w 1 -r 1 \
      -p threads="$2" -jvmArgsAppend "-Ddescent.gemm=$1" -rf json -rff "$json" >/dev/null 2>&1
    # median and range of the 10 one-second iterations (JMH's own summary is a mean and a CI)
    /usr/bin/python3 - "$json" "$1" "$2" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1])):
    raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
    print(json.dumps({"bench": r["benchmark"].split(".")[-1], "gemm": sys.argv[2], "blas_threads": int(sys.argv[3]),
                      "median_ms": round(statistics.median(raw), 4), "min_ms": round(min(raw), 4),
                      "max_ms": round(max(raw), 4)}))
PY
    rm -f "$json"
  done
  echo "## $(uptime)"
  /usr/bin/python3 "$root/tools/nn_torch_step.py" --reps 7
  echo "## OPENBLAS_CORETYPE=Cooperlake $(uptime)"
  OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 "$root/tools/nn_torch_step.py" --reps 7
  echo "## OPENBLAS_CORETYPE=Cooperlake, 2 BLAS threads $(uptime)"
  OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 "$root/tools/nn_torch_step.py" --reps 7 --threads 1 --blas-threads 2
  echo "## end $(uptime)"
} 2>&1 | tee "$out"
