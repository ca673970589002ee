#!/usr/bin/env bash
# `npm run bench`: Node.js 24 and the toolchain (installed when missing), a fresh build, then the
# throughput benchmark (scripts/bench.js) in a real n8n against the local Metal simulator. It writes its
# tables into docs/benchmarks.md. Arguments pass through: `npm run bench -- --sizes 100,1000`.
# A full run (N = 100, 1,000, 10,000) takes about 40 minutes on 2 cores; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npm run --silent build
exec node scripts/bench "$@"
