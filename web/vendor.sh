#!/bin/sh
# vendor.sh: copies the charting library, as pinned by package-lock.json
# and installed by `npm ci`, into web/vendor/, where the dashboard loads
# it from the server itself (no CDN: pages work with no network).  The
# copy is committed, so serving needs neither node nor npm;
# tests/serve_browser.sh checks it is byte-identical to the pinned one.
set -eu
cd "$(dirname "$0")/.."
src=node_modules/chart.js
[ -f "$src/dist/chart.umd.min.js" ] || { echo "vendor.sh: run 'npm ci' first" >&2; exit 2; }
mkdir -p web/vendor
cp "$src/dist/chart.umd.min.js" web/vendor/chart.umd.min.js
cp "$src/LICENSE.md" web/vendor/chart.js-LICENSE.md
node -e 'console.log(require("./node_modules/chart.js/package.json").version)' > web/vendor/chart.js-VERSION
echo "vendor.sh: chart.js $(cat web/vendor/chart.js-VERSION) copied to web/vendor/"
