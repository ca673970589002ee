#!/usr/bin/env bash
# `npm run dev`: the node in a local n8n that reloads it on every change, as `n8n-node dev` does, but
# with n8n loading dist/ only. `n8n-node dev` links the whole repository into n8n's custom folder, and
# n8n takes every `*.node.js` under it for a node, node_modules included: this toolchain brings
# apache-arrow's Arrow.node.js (through n8n-core), and n8n stops at start-up on it.
# So: build once (dist/: code, codex, output schemas, icons), link dist/ alone into the custom folder,
# keep `tsc --watch` (tsconfig.json, the package only) running and start n8n with N8N_DEV_RELOAD.
# n8n: the pinned 2.x the end-to-end tests use (scripts/n8n/install.sh, cached outside the repo);
# N8N_DEV_VERSION=<exact version> picks another. Its data: N8N_DEV_USER_FOLDER (default
# ~/.n8n-nodes-metal-dev). N8N_PORT (default 5678) and n8n's other variables pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

version="${N8N_DEV_VERSION:-$(node -p 'require("./test/e2e/lib/versions").DEFAULT_VERSIONS[0]')}"
user_folder="${N8N_DEV_USER_FOLDER:-$HOME/.n8n-nodes-metal-dev}"
package_name="$(node -p 'require("./package.json").name')"

n8n_dir="$(scripts/n8n/install.sh "$version" | tail -n 1)"
npm run --silent build

custom="$user_folder/.n8n/custom/node_modules"
mkdir -p "$custom"
rm -rf "${custom:?}/$package_name"
ln -s "$PWD/dist" "$custom/$package_name"

node node_modules/typescript/bin/tsc --watch --preserveWatchOutput &
tsc_pid=$!
trap 'kill "$tsc_pid" 2>/dev/null || true' EXIT

n8n_env=(N8N_USER_FOLDER="$user_folder" N8N_DEV_RELOAD=true DB_SQLITE_POOL_SIZE=10)
# n8n 1.x on Node.js 20: no isolated-vm, so the legacy expression engine (see scripts/n8n/install.sh).
if [ "$(cat "$n8n_dir/.isolated-vm" 2>/dev/null)" = unusable ]; then n8n_env+=(N8N_EXPRESSION_ENGINE=legacy); fi
source scripts/use-node.sh "$(scripts/n8n/node-major.sh "$version")"
echo "n8n $version with $package_name from dist/ (user folder $user_folder); Ctrl+C stops both" >&2
env "${n8n_env[@]}" node "$n8n_dir/node_modules/n8n/bin/n8n" start
