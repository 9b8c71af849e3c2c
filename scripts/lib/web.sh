# shellcheck shell=bash
# The web page's npm packages: the players hls.js, dash.js and Shaka Player
# (vendored into web/vendor/, which the server serves at /web/vendor/) and
# playwright-core (the end-to-end test's browser driver, run against Debian's
# chromium). Versions are pinned
# in web/package.json and web/package-lock.json.

# ws_install_web: `npm ci` in web/ when web/node_modules is missing or older
# than the lock file, then copies the players and their licences into
# web/vendor/ when they differ (a second run costs a stat and a few compares).
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
  mkdir -p "$web/vendor"
  # package-relative source -> name in web/vendor/
  local -a files=(
    "hls.js/dist/hls.min.js:hls.min.js"
    "hls.js/dist/hls.min.js.map:hls.min.js.map"
    "hls.js/LICENSE:hls.js.LICENSE"
    "dashjs/dist/modern/umd/dash.all.min.js:dash.all.min.js"
    "dashjs/LICENSE.md:dashjs.LICENSE"
    "shaka-player/dist/shaka-player.compiled.js:shaka-player.compiled.js"
    "shaka-player/LICENSE:shaka-player.LICENSE"
  )
  local entry source target
  for entry in "${files[@]}"; do
    source=$web/node_modules/${entry%%:*}
    target=$web/vendor/${entry#*:}
    [[ -f $source ]] || { echo "ws_install_web: $source is missing" >&2; return 1; }
    cmp -s "$source" "$target" || cp "$source" "$target"
  done
}
