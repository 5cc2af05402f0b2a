#!/usr/bin/env bash
# Benchmark (a): one job of N instances on M simulated agents, create -> all RUNNING.
# Usage: bench/scale.sh [agents=1000] [instances=10000]. Results: target/bench/scale.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
cp="target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
exec java -Xmx4g -XX:+UseParallelGC -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" io.borealis.bench.ScaleBenchmark "${1:-1000}" "${2:-10000}" target/bench/scale.json
