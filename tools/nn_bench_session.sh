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
  for b in openblas vector; do
    "$java" "${flags[@]}" -jar "$root/descent-bench/target/benchmarks.jar" NnStep -wi 5 -i 10 -w 1 -r 1 \
      -jvmArgsAppend "-Ddescent.gemm=$b" 2>/dev/null | grep -E '^NnStepBenchmark' | sed "s/^/$b /"
  done
  echo "## $(uptime)"
  /usr/bin/python3 "$root/tools/nn_torch_step.py" --reps 7
  echo "## OPENBLAS_CORETYPE=Cooperlake $(uptime)"
  OPENBLAS_CORETYPE=Cooperlake /usr/bin/python3 "$root/tools/nn_torch_step.py" --reps 7
  echo "## end $(uptime)"
} 2>&1 | tee "$out"
