#!/usr/bin/env bash
# Benchmark (e): a rolling update of one job on simulated agents, start -> ROLLED_FORWARD.
# Usage: bench/update.sh [agents=100] [instances=1000] [batch=100]. Results: target/bench/update.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
cp="target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
exec java -Xmx2g -XX:+UseParallelGC -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" \
  io.borealis.bench.UpdateBenchmark "${1:-100}" "${2:-1000}" "${3:-100}" target/bench/update.json
