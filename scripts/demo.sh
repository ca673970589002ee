#!/usr/bin/env bash
# `npm run demo`: Node.js 24 and the toolchain (installed when missing), a fresh build, then the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npm run --silent build
exec node scripts/demo.js
