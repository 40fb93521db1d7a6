#!/usr/bin/env bash
# Wall-clock time of the demo on a warm machine (packages and Temporal CLI installed): the
# first run warms caches (the workflow bundle among them) and is not counted; the next three
# are timed. Each line also gives the suite's own time (the workflow's start to end, from
# result.json) and what is left: start-up and shut-down outside the scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export MQCHAOS_STATE_DIR="$scratch/state"
run() { (cd "$scratch" && node "$OLDPWD/bin/mqchaos.js" run --run-id "$1" "$OLDPWD/suites/lab/mi-kill-active.yaml" >/dev/null); }
suite_seconds() {
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log((Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000)' \
    "$scratch/reports/out/$1/result.json"
}
run warm-up
for i in 1 2 3; do
  start=$(date +%s.%N)
  run "timed-$i"
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  suite=$(suite_seconds "timed-$i")
  printf 'demo run %d: %.1f s wall, suite %.1f s, outside the suite %.1f s\n' "$i" "$wall" "$suite" "$(echo "$wall - $suite" | bc)"
done
