#!/usr/bin/env bash
# appsec-tidy quick start, for a fresh Debian 12 (bookworm) machine:
#
#   1. installs the Debian packages in tools/deps.txt (apt-get; sudo when not root),
#   2. configures and builds appsec-tidy (Release, Ninja) into build/,
#   3. configures and builds the example app examples/connect-app/ (which
#      writes its compile_commands.json),
#   4. scans the example with build/bin/appsec-scan, prints the findings and
#      writes the SARIF log and the compliance reports (Markdown, HTML) into
#      <build dir>/appsec-report/.
#
# Safe to re-run: installed packages, an existing configuration and an
# up-to-date build are left alone, so a second run only rescans.
#
# Environment (all optional):
#   APPSEC_LLVM_VERSION the LLVM/Clang to build against  (default: 19; also 22: then the
#                       LLVM 19 packages of tools/deps.txt are replaced by those in
#                       tools/deps-llvm22.txt, and the default build dir is build-22)
#   APPSEC_BUILD_DIR    where to build appsec-tidy        (default: <repo>/build)
#   APPSEC_EXAMPLE_DIR  the CMake project to scan         (default: <repo>/examples/connect-app)
#   APPSEC_JOBS         parallel build jobs               (default: number of CPUs)
#   APPSEC_SKIP_DEPS=1  do not touch system packages
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LLVM_VERSION=${APPSEC_LLVM_VERSION:-19}
if [[ "$LLVM_VERSION" == 19 ]]; then
  BUILD_DIR=${APPSEC_BUILD_DIR:-$ROOT/build}
else
  BUILD_DIR=${APPSEC_BUILD_DIR:-$ROOT/build-$LLVM_VERSION}
fi
EXAMPLE_DIR=${APPSEC_EXAMPLE_DIR:-$ROOT/examples/connect-app}
EXAMPLE_BUILD_DIR=$EXAMPLE_DIR/build
JOBS=${APPSEC_JOBS:-$(nproc 2>/dev/null || echo 2)}

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'quickstart: error: %s\n' "$*" >&2; exit 1; }

# The packages to install: tools/deps.txt names LLVM 19's; for another LLVM, those lines
# give way to tools/deps-llvm<N>.txt.
deps_list() {
  if [[ "$LLVM_VERSION" == 19 ]]; then
    cat "$ROOT/tools/deps.txt"
    return
  fi
  grep -Ev -- '-19(-dev|-tools)?$' "$ROOT/tools/deps.txt"
  cat "$ROOT/tools/deps-llvm$LLVM_VERSION.txt"
}

[[ "$LLVM_VERSION" == 19 || -f "$ROOT/tools/deps-llvm$LLVM_VERSION.txt" ]] ||
  die "APPSEC_LLVM_VERSION=$LLVM_VERSION: no tools/deps-llvm$LLVM_VERSION.txt (supported: 19, 22)"

install_deps() {
  step "Checking the Debian packages in tools/deps.txt (LLVM $LLVM_VERSION)"
  if [[ "${APPSEC_SKIP_DEPS:-0}" == 1 ]]; then
    echo "APPSEC_SKIP_DEPS=1: not checking packages"
    return
  fi
  command -v dpkg-query > /dev/null && command -v apt-get > /dev/null ||
    die "this script installs its dependencies with apt-get (Debian 12 bookworm); on another system install the packages listed in tools/deps.txt (or their equivalents) yourself and re-run with APPSEC_SKIP_DEPS=1"
  local pkg missing=()
  while IFS= read -r pkg; do
    [[ -z "$pkg" ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done < <(deps_list)
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "all installed"
    return
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo > /dev/null ||
      die "missing packages (${missing[*]}) and not root, and sudo is not installed"
    sudo=(sudo)
  fi
  echo "installing: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

build_appsec_tidy() {
  step "Building appsec-tidy in $BUILD_DIR (LLVM $LLVM_VERSION)"
  if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DAPPSEC_LLVM_VERSION="$LLVM_VERSION"
  fi
  # Ninja re-runs CMake by itself when a CMakeLists.txt changed.
  ninja -C "$BUILD_DIR" -j "$JOBS"
}

build_example() {
  step "Building the example app in $EXAMPLE_BUILD_DIR"
  [[ -f "$EXAMPLE_DIR/CMakeLists.txt" ]] || die "no CMake project at $EXAMPLE_DIR"
  if [[ ! -f "$EXAMPLE_BUILD_DIR/build.ninja" ]]; then
    cmake -S "$EXAMPLE_DIR" -B "$EXAMPLE_BUILD_DIR" -G Ninja \
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
  fi
  ninja -C "$EXAMPLE_BUILD_DIR" -j "$JOBS"
  [[ -f "$EXAMPLE_BUILD_DIR/compile_commands.json" ]] ||
    die "$EXAMPLE_BUILD_DIR/compile_commands.json was not written"
}

# The one scanning step: appsec-scan runs the appsec checks over every
# translation unit of the example's compile_commands.json. The example has
# deliberate flaws, so findings do not fail this script (--fail-on=none); a
# file that does not parse does (exit 2). Besides the printed findings, the
# scan writes the reports a reviewer or CI reads into <build dir>/appsec-report/.
scan_example() {
  step "Scanning the example with appsec-scan (checks: appsec-*)"
  local report_dir=$BUILD_DIR/appsec-report
  mkdir -p "$report_dir"
  "$BUILD_DIR/bin/appsec-scan" -p "$EXAMPLE_BUILD_DIR" --source-root="$ROOT" \
    --fail-on=none -j "$JOBS" --text \
    --sarif="$report_dir/appsec.sarif" \
    --report-md="$report_dir/compliance.md" \
    --report-html="$report_dir/compliance.html" ||
    die "appsec-scan failed (exit $?): see the errors above"
  local shown=${report_dir#"$PWD/"}
  printf '\nReports in %s/:\n' "$shown"
  printf '  appsec.sarif     SARIF 2.1.0 log (GitHub code scanning)\n'
  printf '  compliance.md    compliance report, Markdown (e.g. a pull-request comment)\n'
  printf '  compliance.html  compliance report with source excerpts: file://%s/compliance.html\n' "$report_dir"
  printf '\nNext: ctest --test-dir %s --output-on-failure\n' "${BUILD_DIR#"$PWD/"}"
}

install_deps
build_appsec_tidy
build_example
scan_example
