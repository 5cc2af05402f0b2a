#!/usr/bin/env bash
# Benchmark (d): .aurora evaluation, warm (in one JVM) and cold (a whole `borealis job inspect`).
# Usage: bench/aurora.sh [examples-dir=../shared/aurora-examples] [warm-rounds=200] [cold-runs=5]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -DskipTests package test-compile > /dev/null
cp="target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
exec java -cp "$cp" io.borealis.bench.AuroraBenchmark "${1:-../shared/aurora-examples}" "${2:-200}" "${3:-5}"
