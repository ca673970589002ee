#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `npm test`. Brings its own Node.js 24 and toolchain,
# then lints, type-checks, builds, checks the package, runs the jest projects (unit tests through
# n8n-core's engine, the simulator's tests), the end-to-end tests in real n8n 2.x and 1.x (installed
# once into a cache outside the repo; the first run takes about 12 minutes for that), the editor test
# in Chromium and the queue-mode test (PostgreSQL and Redis from Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

step() { printf '\n== %s\n' "$*"; }
# Each runner leaves its pass/fail counts here, for the closing "N passed, M failed" line.
counts="$(mktemp -d)"
trap 'rm -rf "$counts"' EXIT

# Servers and the browser some tests drive come from Debian (Playwright never downloads a browser):
# installed here when missing and we may (root, as in .ci/run's CI), otherwise a message saying what
# to run (GitHub's runners are not root: .github/workflows/ci.yml installs them first with sudo).
# Arguments: pairs of "command-or-path-that-proves-it-is-there" and "Debian package".
require_debian() {
	local missing=()
	while [ $# -gt 0 ]; do
		compgen -G "$1" >/dev/null || command -v "$1" >/dev/null || missing+=("$2")
		shift 2
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "Installing ${missing[*]} from Debian" >&2
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "These tests need: sudo apt-get install ${missing[*]}" >&2
		return 1
	fi
}

step 'Lint (n8n-node lint, n8n Cloud rules)'
npx n8n-node lint
step 'Type check (test/tsconfig.json: the node and its tests)'
npx tsc --noEmit -p test
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
require_debian "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node --test \
	--test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=./test/support/countReporter.js --test-reporter-destination="$counts/browser.count" \
	test/browser/*.browser.js
step 'Queue mode: a main instance and two workers, PostgreSQL and Redis'
require_debian '/usr/lib/postgresql/*/bin/initdb' postgresql redis-server redis-server
node --test \
	--test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=./test/support/countReporter.js --test-reporter-destination="$counts/queue.count" \
	test/queue/queue.test.js

printf '\n'
node test/support/summary.js "$counts/jest.json" "$counts"/*.count
