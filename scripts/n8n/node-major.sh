#!/usr/bin/env bash
# Prints the Node.js major version the fixture uses for an n8n version: 20 for n8n 1.x and 2.0-2.8
# (the newest accepting Node.js 20 is 2.8.4), 24 for newer (2.36+ require >= 24).
# N8N_FIXTURE_NODE_MAJOR overrides the choice.
set -euo pipefail
version="${1:?usage: $0 <n8n-version>}"
if [ -n "${N8N_FIXTURE_NODE_MAJOR:-}" ]; then
	echo "$N8N_FIXTURE_NODE_MAJOR"
	exit 0
fi
IFS=. read -r maj min _ <<<"$version"
if [ "$maj" -lt 2 ] || { [ "$maj" -eq 2 ] && [ "$min" -le 8 ]; }; then
	echo 20
else
	echo 24
fi
