# Sourced by the project's scripts: Node.js 24 on PATH, and node_modules matching package-lock.json
# (installed with `npm ci` on a fresh clone or after the lock file changed; otherwise a no-op).
# shellcheck source=scripts/use-node.sh
source "$(dirname "${BASH_SOURCE[0]}")/use-node.sh" 24
deps_stamp=node_modules/.lock-hash
deps_hash="$(node -p 'process.version') $(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$deps_stamp" 2>/dev/null)" != "$deps_hash" ]; then
	echo "Installing the development toolchain (npm ci)" >&2
	npm ci --no-audit --no-fund >&2
	echo "$deps_hash" > "$deps_stamp"
fi
