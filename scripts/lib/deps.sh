# shellcheck shell=bash
# Installs what the project needs from Debian's packages (only what is missing,
# so a second run costs one dpkg query). The web page's npm packages are
# installed by scripts/lib/web.sh.

WS_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates curl
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-tools
  libsoup-3.0-dev libpq-dev postgresql postgresql-client
  libboost-json1.81-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libcairo2-dev fonts-dejavu-core libcrypt-dev zlib1g-dev libssl-dev
  ffmpeg wrk libxml2-utils tao-pegtl-dev
  clang libclang-rt-14-dev
  chromium nodejs npm
)

# Prints the names that installed packages provide (NodeSource's nodejs
# provides npm, and conflicts with Debian's npm: installing it would remove
# that nodejs).
_ws_provided_packages() {
  dpkg-query -W -f='${db:Status-Status}\t${Provides}\n' 2>/dev/null |
    sed -n 's/^installed\t//p' | tr ',' '\n' | sed 's/([^)]*)//; s/^ *//; s/ *$//' | sort -u
}

# Prints the packages of "$@" that are neither installed nor provided by an
# installed package.
_ws_missing_packages() {
  local pkg status provided="" provided_read=0
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] && continue
    if ((!provided_read)); then
      provided=$(_ws_provided_packages)
      provided_read=1
    fi
    grep -qxF -- "$pkg" <<<"$provided" || echo "$pkg"
  done
}

# ws_install_packages [EXTRA...]: the base list plus EXTRA.
ws_install_packages() {
  local -a missing
  mapfile -t missing < <(_ws_missing_packages "${WS_PACKAGES[@]}" "$@")
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "==> installing ${missing[*]}"
  local sudo=()
  [[ $EUID -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
}

# ws_build DIR [TARGET...]: configure (once), then build the targets (all
# when none is named) incrementally.
ws_build() {
  local build_dir=$1
  shift
  cmake -S "$WS_ROOT" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  local targets=()
  for target in "$@"; do targets+=(--target "$target"); done
  cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
}
