#!/usr/bin/env bash
# setup.sh — install Assay's build and test dependencies on Debian 12 and build
# it into build/ (Release). Idempotent: when every package is already there it
# does not touch apt (so a second run is fast and works offline), when the
# grammars, the SARIF validator and buf are already fetched it does not run npm, and
# the build is incremental. Run as root (or with sudo) on a fresh machine.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '%s==> %s%s\n' "$B" "$*" "$N"; }
die() {
  printf 'setup.sh: error: %s\n' "$*" >&2
  exit 1
}

# Debian packages, and why:
#   build-essential cmake pkg-config   the C toolchain (gcc ships the ASan/UBSan runtimes)
#   git ca-certificates                file discovery (git ls-files); TLS for npm
#   libclang-14-dev libclang-common-14-dev   the C frontend (+ clang's builtin headers)
#   libtree-sitter-dev                 the Python frontend's parser runtime
#   libsqlite3-dev                     the baseline store and the unit cache
#   libjansson-dev                     JSON, SARIF and attestation writing/reading
#   libssl-dev                         libcrypto: SHA-256 fingerprints and digests
#   libhiredis-dev redis-server        the shared cache (and a real server for its tests)
#   libgraphviz-dev                    cgraph/gvc for graph exports
#   libyaml-dev                        the policy file (.assay/policy.yaml)
#   valgrind                           assay perf record --instructions: instruction
#                                      counts under callgrind (and its end-to-end test)
#   python3 jq                         the test scripts
#   libicu72                           the SARIF validator (a self-contained .NET
#                                      executable) loads ICU at start-up
#   protobuf-compiler libprotobuf-dev  protoc parses .proto schemas (+ the well-known types)
#   protobuf-c-compiler libprotobuf-c-dev   protoc-c and libprotobuf-c decode protoc's output
#   abigail-tools                      abidiff: the C ABI classifier's peer (tests/cli/peer_abidiff.sh)
PACKAGES=(build-essential cmake pkg-config git ca-certificates
  libclang-14-dev libclang-common-14-dev libtree-sitter-dev libsqlite3-dev
  libjansson-dev libssl-dev libhiredis-dev libgraphviz-dev redis-server
  libyaml-dev valgrind python3 jq libicu72
  protobuf-compiler libprotobuf-dev protobuf-c-compiler libprotobuf-c-dev abigail-tools)
# nodejs/npm fetch the tree-sitter grammars from the npm registry. A machine
# with NodeSource's nodejs already has npm (Debian's npm would conflict with it).
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  say "system packages: all ${#PACKAGES[@]} already installed"
else
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}): run as root, e.g. sudo bash tools/setup.sh"
  say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

command -v npm >/dev/null 2>&1 || die "npm not found after installing packages"

# npm_pinned DIR WHAT: install DIR's packages exactly as DIR/package-lock.json
# pins them. npm records what it installed in node_modules/.package-lock.json;
# when that matches the committed lockfile, they are the pinned ones and npm is
# not run.
npm_pinned() {
  local dir=$1 what=$2
  if [ -f "$dir/node_modules/.package-lock.json" ] &&
    cmp -s <(grep -E '"(version|integrity)"' "$dir/package-lock.json" | sort) \
      <(grep -E '"(version|integrity)"' "$dir/node_modules/.package-lock.json" | sort); then
    say "$what: present, as pinned"
  else
    say "fetching $what (npm ci)"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
}

# tree-sitter grammars, pinned by frontend/grammars/package-lock.json. Only the
# C sources are used; --ignore-scripts skips the Node bindings' native build.
GRAMMARS=frontend/grammars
npm_pinned "$GRAMMARS" "tree-sitter grammars"
for g in python javascript typescript/typescript typescript/tsx go java; do
  f="$GRAMMARS/node_modules/tree-sitter-${g%%/*}/${g#*/}"
  [ "${g%%/*}" = "$g" ] && f="$GRAMMARS/node_modules/tree-sitter-$g"
  [ -f "$f/src/parser.c" ] || die "npm ci did not produce $f/src/parser.c"
done

# The SARIF validator the tests run (Microsoft's SARIF Multitool), pinned by
# tools/sarif-validator/package-lock.json. --ignore-scripts skips its only
# install script, which makes the executable executable: done here instead.
SARIF_VALIDATOR=tools/sarif-validator
npm_pinned "$SARIF_VALIDATOR" "SARIF validator"
f="$SARIF_VALIDATOR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
[ -f "$f" ] || die "npm ci did not produce $f"
chmod +x "$f"
"$f" --version >/dev/null 2>&1 || die "$f does not run on this machine"

# buf, the peer tests/cli/peer_buf.sh compares the protobuf contract classes with (buf breaking
# at WIRE_JSON), pinned by tools/buf/package-lock.json: the Linux x64 build of @bufbuild/buf.
npm_pinned tools/buf "buf"

# ASSAY_BUILD_DIR (default build) lets a developer keep a Debug tree in build/.
BUILD=${ASSAY_BUILD_DIR:-build}
JOBS=${ASSAY_JOBS:-$(nproc 2>/dev/null || echo 2)}
say "configuring $BUILD/ (Release)"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
say "building with -j$JOBS"
cmake --build "$BUILD" -j"$JOBS"
say "built $BUILD/assay"
