#!/usr/bin/env bash
# Measures, on the embedded local cluster:
#  1. the scheduler's heap in use after start (after a full GC, so it is live data, not garbage);
#  2. the time from `borealis job create` returning to all 3 instances of the hello world job RUNNING.
# Usage: bench/hello-world-latency.sh [rounds]   (default 5). Uses ports 18081/15050/15051.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
api="http://127.0.0.1:18081"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/home/.borealis"
echo "[{\"name\": \"devcluster\", \"scheduler_uri\": \"$api\"}]" > "$work/home/.borealis/clusters.json"
borealis() { HOME="$work/home" "$here/borealis" "$@"; }

HOME="$work/home" "$here/borealis" local --http-port 18081 --master-port 15050 --agent-port 15051 --work-dir "$work/agents" > "$work/local.log" 2>&1 &
pid=$!
until curl -sf "$api/health" > /dev/null; do sleep 0.1; done
sleep 2  # let start-up work (JIT, first offers) settle before measuring the heap
jcmd "$pid" GC.run > /dev/null
heap_kb=$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
echo "scheduler heap in use after start (after full GC): $((heap_kb / 1024)) MB"

now_ms() { date +%s%3N; }
all_running() {
  curl -s "$api/api/v1/jobs/devcluster/www-data/prod/$1" \
    | python3 -c 'import json,sys; t=json.load(sys.stdin).get("active_tasks",[]); sys.exit(0 if len(t)==3 and all(x["state"]=="RUNNING" for x in t) else 1)'
}
results=()
for i in $(seq 1 "$rounds"); do
  name="hello$i"
  sed "0,/\"name\": \"hello\",/s//\"name\": \"$name\",/" "$here/examples/hello_world.json" > "$work/$name.json"
  borealis job create "devcluster/www-data/prod/$name" "$work/$name.json" > /dev/null
  start=$(now_ms)
  until all_running "$name"; do sleep 0.02; done
  elapsed=$(( $(now_ms) - start ))
  results+=("$elapsed")
  echo "round $i: create returned -> 3/3 RUNNING in ${elapsed} ms"
  borealis job killall "devcluster/www-data/prod/$name" > /dev/null
done
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
echo "median: $(echo "$sorted" | sed -n "$(( (rounds + 1) / 2 ))p") ms  (min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1))"
