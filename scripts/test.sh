#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `npm test`. Brings its own Node.js 24 and toolchain,
# then lints, builds, checks the package, runs the jest projects (unit tests through n8n-core's
# engine, the simulator's tests), the end-to-end tests in real n8n 2.x and 1.x (installed once into
# a cache outside the repo; the first run takes about 12 minutes for that) and the editor test in
# Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

step() { printf '\n== %s\n' "$*"; }

# The browser test drives Debian's Chromium (Playwright never downloads one): installed here when
# missing and we may (root, as in CI), otherwise a clear message.
require_chromium() {
	[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		echo 'The browser test needs Chromium: sudo apt-get install chromium (or set CHROMIUM_PATH).' >&2
		return 1
	fi
}
counts="$(mktemp -d)"
trap 'rm -rf "$counts"' EXIT

step 'Lint (n8n-node lint, n8n Cloud rules)'
npx n8n-node lint
step 'Build'
npm run --silent build
step 'Package check'
node scripts/check-package.js
step 'Unit and simulator tests (jest)'
npx jest --ci --json --outputFile="$counts/jest.json"
step 'End-to-end tests in real n8n (node --test)'
node --test --test-concurrency=1 \
	--test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=./test/support/countReporter.js --test-reporter-destination="$counts/e2e.count" \
	test/e2e/*.e2e.js
step 'The editor in a real browser (Chromium + playwright-core)'
require_chromium
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node --test \
	--test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=./test/support/countReporter.js --test-reporter-destination="$counts/browser.count" \
	test/browser/*.browser.js

printf '\n'
node test/support/summary.js "$counts/jest.json" "$counts"/*.count
