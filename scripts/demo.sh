#!/usr/bin/env bash
# The demo on a fresh machine: set-up, then the kill-active failover drill against the
# embedded lab on an embedded Temporal dev server, with its HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node bin/mqchaos.js run suites/lab/mi-kill-active.yaml "$@"
