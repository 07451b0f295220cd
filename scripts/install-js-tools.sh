#!/usr/bin/env bash
# Installs Fastly's own tools from npm into .ci/tools (git-ignored): @fastly/js-compute, whose
# js-compute-runtime builds JavaScript Compute programs (the tests run one on the local server, the server
# benchmark compares against one), and @fastly/cli-linux-x64, Fastly's CLI.
# Use with: export JS_TOOLS_DIR="$PWD/.ci/tools"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.ci/tools"
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || printf '{ "name": "compute-java-tools", "private": true }\n' > package.json
npm install --no-audit --no-fund --loglevel=error @fastly/js-compute @fastly/cli-linux-x64
ls node_modules/.bin/js-compute-runtime >/dev/null
echo "installed into $dir"
