#!/usr/bin/env bash
# Quick start, step 1: install what waihu needs and start it on its embedded defaults
# (SQLite in ./data, simulated carrier, port 8080) with the web console at /console/. Extra arguments go to
# `waihu serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
npm run --silent build:console
exec node bin/waihu.js serve "$@"
