#!/usr/bin/env bash
# Benchmark (b): the placement matcher over 1,000 hosts with constraints (JMH).
# Usage: bench/matcher.sh [JMH options]. Results: target/bench/matcher.json (JMH JSON).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > /dev/null
mkdir -p target/bench
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main MatcherBenchmark \
  -rf json -rff target/bench/matcher.json "$@"
