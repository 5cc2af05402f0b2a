#!/usr/bin/env bash
# Benchmark (c): the durable store. Durable task transitions/s with group commit, bytes per task,
# and a scheduler process restarting onto N tasks until it serves them.
# Usage: bench/storage.sh [tasks=100000] [transitions=200000]. Results: target/bench/storage.json.
# The store is written under target/bench/storage, i.e. on the disk this checkout is on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
cp="target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
exec java -Xmx4g -XX:+UseParallelGC -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" \
  io.borealis.bench.StorageBenchmark "${1:-100000}" "${2:-200000}" target/bench/storage target/bench/storage.json
