#!/usr/bin/env bash
# Quick start, step 2: install everything the test suite needs (Node 22, npm packages, a real
# PostgreSQL on loopback, the Debian packages of scripts/system-packages.sh) and run the whole suite: lint, typecheck, build, unit, contract,
# conformance, end-to-end and browser (console) tests. Used as is by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
npm ci --no-audit --no-fund
bash scripts/system-packages.sh
pg_line="$(bash scripts/pg-test-server.sh)"
export "${pg_line?}"
export WAIHU_TEST_DATABASE_URL
trap 'bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT
npm test
