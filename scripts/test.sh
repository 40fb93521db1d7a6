#!/usr/bin/env bash
# The whole test suite on a fresh machine: set-up, type check, then every vitest test
# (unit tests beside the code, integration tests on a real Temporal dev server and the lab).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
TEMPORAL_CLI_PATH="$(node bin/mqchaos.js setup --print-temporal-cli)"
export TEMPORAL_CLI_PATH
echo "Type-checking…" >&2
npx tsc --noEmit
npx vitest run "$@"
