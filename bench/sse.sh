#!/usr/bin/env bash
# Benchmark (f): the SSE event stream fanned out to many subscribers; delivery latency and loss per rate.
# Usage: bench/sse.sh [subscribers=1000] [rates=250,500,750,1000,1500] [seconds=10] [coalesce-ms=25].
# Results: target/bench/sse.json.
# Server (API verticle fed synthetic events on the event bus) and subscribers share this JVM and the machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
cp="target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
exec java -Xmx2g -XX:+UseParallelGC -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" \
  io.borealis.bench.SseBenchmark "${1:-1000}" "${2:-250,500,750,1000,1500}" "${3:-10}" "${4:-25}" target/bench/sse.json
