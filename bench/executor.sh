#!/usr/bin/env bash
# Measures the executor's footprint on the embedded local cluster, one trivial task at a time:
#  1. start to TASK_RUNNING: from the task's ASSIGNED event (the scheduler hands it to Mesos) to its
#     RUNNING event (the executor JVM started, registered, spawned the process and reported it);
#  2. the executor JVM's resident memory (VmRSS) while its task runs, its process excluded.
# Usage: bench/executor.sh [rounds]   (default 5). Uses ports 18091/15060/15061.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
api="http://127.0.0.1:18091"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$here/borealis" local --ephemeral --http-port 18091 --master-port 15060 --agent-port 15061 --work-dir "$work/agents" \
  > "$work/local.log" 2>&1 &
pid=$!
until curl -sf "$api/health" > /dev/null; do sleep 0.1; done
# The executors' class-data archive is made by a warm-up executor in the background after start.
archive="$work/agents/executor-cds/executor.jsa"
for _ in $(seq 1 600); do [[ -f "$archive" ]] && break; sleep 0.1; done
if [[ -f "$archive" ]]; then echo "executor archive ready: $(du -h "$archive" | cut -f1)"; else echo "no executor archive after 60 s (see $work/local.log)"; fi
sleep 2

job() {
  cat <<JSON
{"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "$1", "service": true,
 "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
          "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
JSON
}
# Milliseconds from ASSIGNED to RUNNING of the job's one task, or nothing while it is not RUNNING yet.
assigned_to_running() {
  curl -s "$api/api/v1/jobs/devcluster/www-data/prod/$1" | python3 -c '
import json, sys
from datetime import datetime
tasks = json.load(sys.stdin).get("active_tasks", [])
if len(tasks) == 1 and tasks[0]["state"] == "RUNNING":
    at = {e["state"]: datetime.fromisoformat(e["timestamp"].replace("Z", "+00:00")) for e in tasks[0]["events"]}
    print(int((at["RUNNING"] - at["ASSIGNED"]).total_seconds() * 1000))'
}
starts=(); rss=()
for i in $(seq 1 "$rounds"); do
  name="footprint$i"
  curl -sf -X POST -H 'Content-Type: application/json' -d "$(job "$name")" "$api/api/v1/jobs" > /dev/null
  until ms=$(assigned_to_running "$name") && [[ -n "$ms" ]]; do sleep 0.05; done
  sleep 1  # let the executor settle after reporting RUNNING
  executor=$(pgrep -P "$pid" -f 'io.borealis.executor.ExecutorMain' | head -1)
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$executor/status")
  starts+=("$ms"); rss+=("$kb")
  echo "round $i: ASSIGNED -> RUNNING ${ms} ms; executor RSS $((kb / 1024)) MB"
  curl -sf -X DELETE "$api/api/v1/jobs/devcluster/www-data/prod/$name" > /dev/null
  while pgrep -P "$pid" -f 'io.borealis.executor.ExecutorMain' > /dev/null; do sleep 0.1; done
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "median ASSIGNED -> RUNNING: $(median "${starts[@]}") ms (min $(printf '%s\n' "${starts[@]}" | sort -n | head -1), max $(printf '%s\n' "${starts[@]}" | sort -n | tail -1))"
echo "median executor RSS: $(( $(median "${rss[@]}") / 1024 )) MB (max $(( $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) / 1024 )) MB)"
