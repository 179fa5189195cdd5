#!/usr/bin/env bash
# Runs descent-spark's shaded jar the way spark-submit does, without a Spark distribution:
# Spark's own entry point, org.apache.spark.deploy.SparkSubmit (in spark-core's Maven jar), on a
# class path of Spark's jars only (the `provided` dependencies, what a distribution's jars/ holds),
# with the jar that `mvn -pl descent-spark -am package` builds as the application.
#
#   tools/spark_submit_local.sh [--master URL] fit --data synthetic:rows=20000,features=20,classes=5,seed=1 ...
#
# Everything after the optional --master goes to `descent spark` (SparkMain). Default master: local[2].
# Needs: JDK 25 (JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64) and a built descent-spark/target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
target="$root/descent-spark/target"
master='local[2]'
if [ "${1:-}" = "--master" ]; then master="$2"; shift 2; fi
jar="$(ls "$target"/descent-spark-*.jar 2>/dev/null | grep -v -e '/original-' -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n1 || true)"
if [ -z "$jar" ] || [ ! -f "$target/classpath.txt" ]; then
  echo "spark_submit_local: build descent-spark first: mvn -B -pl descent-spark -am package -DskipTests" >&2
  exit 2
fi
# Spark's jars: the module's class path minus what the shaded jar carries (descent, OpenBLAS/JavaCPP, EJML, picocli)
spark_cp="$(tr ':' '\n' < "$target/classpath.txt" | grep -v -e '/descent-[a-z-]*/target/' -e '/org/bytedeco/' \
  -e '/org/ejml/' -e '/info/picocli/' | paste -sd: -)"
exec "$java_home/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit --master "$master" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --class dev.descent.spark.SparkMain "$jar" "$@"
