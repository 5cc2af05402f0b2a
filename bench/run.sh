#!/usr/bin/env bash
# The scheduler's benchmark suite in one command: (a) one job of 10,000 instances on 1,000 simulated
# agents, create -> all RUNNING; (b) placements per second of the matcher over 1,000 hosts (JMH).
# Prints a table against the targets and writes target/bench/results.json.
# Usage: bench/run.sh [--quick]   (--quick: a shorter JMH run, for a first look)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jmh=()
[[ "${1:-}" == "--quick" ]] && jmh=(-wi 2 -i 3 -w 1 -r 2)

echo "(a) scale: 1,000 agents, 10,000 instances (three warm-up jobs first; about a minute)..." >&2
bench/scale.sh 1000 10000 > target/bench-scale.log 2>&1 || { tail -20 target/bench-scale.log >&2; exit 1; }
echo "(b) matcher: JMH over 1,000 hosts..." >&2
bench/matcher.sh "${jmh[@]}" > target/bench-matcher.log 2>&1 || { tail -20 target/bench-matcher.log >&2; exit 1; }

python3 - <<'PY'
import json
scale = json.load(open("target/bench/scale.json"))
matcher = json.load(open("target/bench/matcher.json"))
rows = []
ms = scale["all_running_ms"]
rows.append({"benchmark": "(a) 10,000 instances on 1,000 simulated agents: create -> all RUNNING",
             "measured": None if ms is None else round(ms), "unit": "ms", "target": 2000, "met": ms is not None and ms <= 2000,
             "heap_mb_after_gc": scale["heap_mb_after_gc"]})
for result in matcher:
    tasks = int(result["params"]["tasks"])
    passes = result["primaryMetric"]["score"]
    unit = result["primaryMetric"]["scoreUnit"]
    per_second = passes * tasks if unit == "ops/s" else None
    jobs = result["params"]["jobs"]
    # Every pending task gets a decision (a host, or the reasons none fits) in each pass.
    rows.append({"benchmark": "(b) matcher, %s job(s), %d pending tasks per pass over 1,000 hosts: tasks decided" % (jobs, tasks),
                 "measured": None if per_second is None else round(per_second), "unit": "tasks/s",
                 "target": 50000, "met": per_second is not None and per_second >= 50000})
json.dump(rows, open("target/bench/results.json", "w"), indent=2)
print("| benchmark | measured | target | met |")
print("|---|---|---|---|")
for r in rows:
    op = "<=" if r["unit"] == "ms" else ">="
    print("| %s | %s %s | %s %s %s | %s |" % (r["benchmark"], r["measured"], r["unit"], op, r["target"], r["unit"], "yes" if r["met"] else "no"))
PY
echo "results: target/bench/results.json (and scale.json, matcher.json)" >&2
