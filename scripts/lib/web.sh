# shellcheck shell=bash
# The web page's npm packages: hls.js (the player, vendored into web/vendor/,
# which the server serves at /web/vendor/) and playwright-core (the end-to-end
# test's browser driver, run against Debian's chromium). Versions are pinned
# in web/package.json and web/package-lock.json.

# ws_install_web: `npm ci` in web/ when web/node_modules is missing or older
# than the lock file, then copies the player and its licence into web/vendor/
# when they differ (a second run costs a stat and three file comparisons).
ws_install_web() {
  local web=$WS_ROOT/web
  local stamp=$web/node_modules/.package-lock.json  # written by npm ci
  if ! command -v npm >/dev/null; then
    echo "ws_install_web: npm is missing (scripts/lib/deps.sh installs it)" >&2
    return 1
  fi
  if [[ ! -f $stamp || $web/package-lock.json -nt $stamp ]]; then
    echo "==> installing the web page's npm packages (npm ci in web/)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
  local hls=$web/node_modules/hls.js source target
  mkdir -p "$web/vendor"
  for source in dist/hls.min.js dist/hls.min.js.map LICENSE; do
    target=$web/vendor/${source#dist/}
    [[ $source == LICENSE ]] && target=$web/vendor/hls.js.LICENSE
    [[ -f $hls/$source ]] || { echo "ws_install_web: $hls/$source is missing" >&2; return 1; }
    cmp -s "$hls/$source" "$target" || cp "$hls/$source" "$target"
  done
}
