#!/bin/bash
# serve_browser.sh: the dashboard tests in a real browser.  Starts
# `supplyline serve` on a fixture database (serve_env.sh) and runs
# tests/browser/*.test.mjs with node's test runner; they drive Debian's
# chromium (apt-get install chromium) through playwright-core from
# node_modules (npm ci).  Screenshots: tests/browser/artifacts/.
#
#   npm ci && SL_BIN=build/supplyline tests/serve_browser.sh
. "$(dirname "$0")/serve_env.sh"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "serve_browser.sh: no chromium (apt-get install chromium)" >&2; exit 2; }
[ -d node_modules/playwright-core ] || { echo "serve_browser.sh: run 'npm ci' first" >&2; exit 2; }
# the committed chart library is the one package-lock.json pins
cmp -s node_modules/chart.js/dist/chart.umd.min.js web/vendor/chart.umd.min.js ||
	{ echo "serve_browser.sh: web/vendor/chart.umd.min.js differs from the pinned chart.js (run web/vendor.sh)" >&2; exit 1; }
node --test --test-concurrency=1 tests/browser/
