#!/usr/bin/env bash
# Installs one exact n8n version (a test fixture for the end-to-end tests) into a cache folder outside
# the repo, keyed by n8n version and Node.js major:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-metal/n8n-<version>-node<major>
# A finished install (marker file written last) is reused at once; a half-finished one is redone.
# Usage: scripts/n8n/install.sh <n8n-version>   (prints the install folder as its last stdout line)
# Node.js: scripts/n8n/node-major.sh picks 20 or 24 (N8N_FIXTURE_NODE_MAJOR=20|24 overrides) and
# `source scripts/use-node.sh <major>` provides it. Run n8n as: <that node> <folder>/node_modules/n8n/bin/n8n.
# Files in the folder: install.log, .node-version, .isolated-vm ("ok", or "unusable" when this Node.js is
# too old for the isolated-vm n8n ships: n8n must then run with N8N_EXPRESSION_ENGINE=legacy).
set -euo pipefail

version="${1:-}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "usage: $0 <exact n8n version, e.g. 2.41.1>" >&2
	exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Run from `npm run`, npm exports its settings (the project's ignore-scripts, prefix, nodedir...): none
# of them is meant for this separate install. Keep only where and how to reach the registry.
for var in $(compgen -e | grep -i '^npm_config_' || true); do
	case "${var,,}" in
	npm_config_registry | npm_config_cache | npm_config_userconfig | npm_config_globalconfig | npm_config_cafile | \
		npm_config_noproxy | npm_config_proxy | npm_config_https_proxy) ;;
	*) unset "$var" ;;
	esac
done
scripts="$(dirname "$here")"

major="$("$here/node-major.sh" "$version")"
# shellcheck source=scripts/use-node.sh
source "$scripts/use-node.sh" "$major"
actual_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$actual_major" != "$major" ]; then
	echo "expected Node.js $major on PATH, found $(node -v)" >&2
	exit 1
fi
# Native addons compile against the headers of the Node.js in use (~/.npmrc may name another nodedir).
node_prefix="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
if [ -f "$node_prefix/include/node/node.h" ]; then
	export npm_config_nodedir="$node_prefix"
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-metal"
dir="$cache/n8n-$version-node$major"
marker="$dir/.install-complete"
mkdir -p "$cache"

# One install per folder at a time: a second caller waits for the first, then reuses its result.
exec 9>"$dir.lock"
flock 9

if [ -f "$marker" ]; then
	echo "$dir"
	exit 0
fi

start=$SECONDS
log="$dir/install.log"
fail() {
	echo "Installing n8n $version failed while $1; see $log" >&2
	tail -n 30 "$log" >&2 || true
	exit 1
}
if [ -e "$dir" ]; then
	echo "Removing an unfinished install in $dir" >&2
	rm -rf "$dir"
fi
mkdir -p "$dir"
cd "$dir"
cat >package.json <<JSON
{
	"name": "n8n-fixture-$version",
	"private": true,
	"description": "n8n $version for n8n-nodes-metal's end-to-end tests (not published)",
	"dependencies": {
		"n8n": "$version"
	},
	"overrides": {
		"xlsx": "npm:@e965/xlsx@0.20.2"
	}
}
JSON

echo "Installing n8n $version with Node.js $(node -v) into $dir (log: $log)" >&2
# Several install scripts download from the internet and abort the install: skip them all, then build
# only what n8n needs.
npm install --ignore-scripts --no-audit --no-fund --loglevel=warn >"$log" 2>&1 || fail 'running npm install'
echo "npm install done after $((SECONDS - start)) s; building sqlite3" >&2
npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts >>"$log" 2>&1 || fail 'building sqlite3'
node -e 'require("sqlite3")' >>"$log" 2>&1 || fail 'loading sqlite3'

# isolated-vm runs n8n's default "vm" expression engine (n8n 1.123.x, 2.x). Its builds need a recent
# Node.js (isolated-vm 6 needs >= 22): with an older one n8n works with N8N_EXPRESSION_ENGINE=legacy.
isolated_vm=none
if [ -f node_modules/isolated-vm/package.json ]; then
	needs="$(node -p 'const m = /^>=\s*(\d+)/.exec(require("./node_modules/isolated-vm/package.json").engines?.node ?? ""); m ? m[1] : 0')"
	if [ "$actual_major" -ge "$needs" ]; then
		echo "building isolated-vm" >&2
		npm rebuild isolated-vm --ignore-scripts=false --foreground-scripts >>"$log" 2>&1 || fail 'building isolated-vm'
		node -e 'require("isolated-vm")' >>"$log" 2>&1 || fail 'loading isolated-vm'
		isolated_vm=ok
	else
		echo "isolated-vm needs Node.js >= $needs: n8n has to run with N8N_EXPRESSION_ENGINE=legacy" >&2
		isolated_vm=unusable
	fi
fi
test -f node_modules/n8n/bin/n8n || fail 'looking for node_modules/n8n/bin/n8n'

node -v >.node-version
echo "$isolated_vm" >.isolated-vm
date -u +%FT%TZ >"$marker"
echo "Installed n8n $version in $((SECONDS - start)) s" >&2
echo "$dir"
