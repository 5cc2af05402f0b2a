#!/usr/bin/env bash
# Benchmark: recovery from a cut Mesos stream, cut -> re-SUBSCRIBE and cut -> implicit RECONCILE,
# against a recording fake master over loopback HTTP. Usage: bench/recovery.sh [cuts=200] [tasks=200].
# Results also in target/bench/recovery.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The test classpath: the fake master and the scheduler harness are test classes.
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/test-classpath.txt > /dev/null
cp="target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)"
exec java -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" \
  io.borealis.bench.RecoveryBenchmark "${1:-200}" "${2:-200}" target/bench/recovery.json
