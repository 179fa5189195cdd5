#!/usr/bin/env bash
# Side-by-side: liblbfgs (C, Debian liblbfgs-dev 1.10, the peer /work/shared/peers/rosen_liblbfgs.c)
# against descent's L-BFGS (tools/minimize_liblbfgs_java.java), extended Rosenbrock, m = 6,
# ||g||_2 / max(1, ||x||_2) <= 1e-5. Runs alternate (C, Java, C, Java, ...) so that both see the
# same machine load; prints one JSON line per run and `uptime` before and after.
#
# Usage: tools/minimize_liblbfgs_compare.sh [ROUNDS=5] [N=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
N=${2:-1000000}
PEER=${PEER:-/work/shared/peers/rosen_liblbfgs.c}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
gcc -O3 -march=native "$PEER" -o /tmp/minimize_rosen_liblbfgs -llbfgs -lm
./descent --version >/dev/null 2>&1   # builds descent-cli/target/descent-cli-all.jar if needed
echo "# $(date -u +%FT%TZ) uptime: $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
  /tmp/minimize_rosen_liblbfgs 1 "$N" | grep rosen_liblbfgs
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp descent-cli/target/descent-cli-all.jar \
      tools/minimize_liblbfgs_java.java 1 20 "$N" 2>/dev/null | grep rosen_descent
done
echo "# $(date -u +%FT%TZ) uptime: $(uptime)"
