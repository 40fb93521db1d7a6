#!/usr/bin/env bash
# Wall-clock time of the demo on a warm machine (packages and Temporal CLI installed): the
# first run warms caches and is not counted; the next three are timed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export MQCHAOS_STATE_DIR="$scratch/state"
run() { (cd "$scratch" && node "$OLDPWD/bin/mqchaos.js" run "$OLDPWD/suites/lab/mi-kill-active.yaml" >/dev/null); }
run
for i in 1 2 3; do
  start=$(date +%s.%N)
  run
  end=$(date +%s.%N)
  printf 'demo run %d: %.1f s\n' "$i" "$(echo "$end - $start" | bc)"
done
