#!/usr/bin/env bash
# `npm run bench`: Node.js 24 and the toolchain (installed when missing), a fresh build, then the
# benchmark (scripts/bench/: throughput, rate limits and a read) in a real n8n against the local Metal
# simulator. It writes its tables into docs/benchmarks.md. Arguments pass through: `npm run bench -- --help`.
# A full run (all three sections) takes about 25 minutes on 2 cores (throughput about 17, rate limits
# about 5, the read about 3); see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npm run --silent build
exec node scripts/bench "$@"
