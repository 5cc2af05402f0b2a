#!/usr/bin/env bash
# Benchmark: the dashboard's job page for one job of 10,000 tasks in headless Chromium: time to paint
# the task table, and applying a burst of 10,000 task events. Usage: bench/dashboard.sh [loads=5].
# Needs Debian's chromium and chromium-driver (as the browser tests do).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The test classpath: the benchmark drives Chromium through Selenium, a test dependency.
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/test-classpath.txt > /dev/null
cp="target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)"
exec java -Xmx2g -Djava.util.logging.config.file=src/main/resources/logging.properties -cp "$cp" io.borealis.bench.DashboardBenchmark "${1:-5}"
