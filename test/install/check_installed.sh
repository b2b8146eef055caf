#!/usr/bin/env bash
# The installed (and relocated) appsec-tidy works like the build tree does.
#
#   check_installed.sh <build-dir> <work-dir>
#
# 1. `cmake --install <build-dir> --prefix <work-dir>/prefix`; every shipped file is there.
# 2. From that prefix, then from a copy in a random directory (the original
#    removed, so nothing can reach back into it):
#    - appsec-tidy reports the TLS flaw in a file that includes <stddef.h>,
#      <stdarg.h>, <stdint.h> (Clang's builtin headers) with no error, and
#      `-v` shows the include search list uses Clang's resource directory,
#      not Debian's rescue path /usr/include/clang/<version>/include;
#    - with <prefix>/lib/clang/<major> present, that one is used instead
#      (the binaries look next to themselves first);
#    - appsec-clangd --check finds the same flaw with no error;
#    - stock clang-tidy-<N> --load=<prefix>/lib/AppSecTidyModule.so lists
#      exactly the checks of checks/AppSecChecks.def and reports the flaw;
#    - the installed catalog JSON loads through AppSecRequirementCatalog.
# 3. If clang-tidy-14 exists: loading the plugin into it fails cleanly
#    (non-zero exit, an explanation, no segfault).
#
# Environment: CMAKE (cmake to use), LLVM_MAJOR (the LLVM built against; default 19),
# STOCK_CLANG_TIDY (its clang-tidy, default /usr/lib/llvm-<LLVM_MAJOR>/bin/clang-tidy),
# OLD_CLANG_TIDY (a clang-tidy of another release; default clang-tidy-14).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <build-dir> <work-dir>" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
WORK=$2
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CMAKE=${CMAKE:-cmake}
LLVM_MAJOR=${LLVM_MAJOR:-19}
STOCK_CLANG_TIDY=${STOCK_CLANG_TIDY:-/usr/lib/llvm-${LLVM_MAJOR}/bin/clang-tidy}
OLD_CLANG_TIDY=${OLD_CLANG_TIDY:-$(command -v clang-tidy-14 || true)}
# The resource directory of the Clang we build against: the binaries' fallback.
SYSTEM_RESOURCE_DIR=$(/usr/lib/llvm-${LLVM_MAJOR}/bin/clang -print-resource-dir 2>/dev/null ||
                      echo /usr/lib/llvm-${LLVM_MAJOR}/lib/clang/${LLVM_MAJOR})
LIBDIR=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
LIBDIR=${LIBDIR:-lib}
DOCDIR=share/doc/appsec-tidy
CHECK=appsec-tls-verification-disabled
EXPECTED_MSG="warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates Atlassian requirement 3 (Transport layer security) [$CHECK]"

FAILURES=0
pass() { echo "ok  : $*"; }
fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
# show <file>: print a captured output after a failure
show() { sed 's/^/    | /' "$1" | tail -n 60; }

rm -rf "$WORK"
mkdir -p "$WORK/src" "$WORK/xdg"
WORK=$(cd "$WORK" && pwd)
export XDG_CONFIG_HOME=$WORK/xdg   # no user clangd config can interfere

# Checks the tool must provide, from the one list.
mapfile -t EXPECTED_CHECKS < <(sed -n 's/^APPSEC_CHECK([A-Za-z0-9_]*, *"\([a-z0-9-]*\)".*/\1/p' \
                                   "$SRC/checks/AppSecChecks.def" | sort)
if [[ ${#EXPECTED_CHECKS[@]} -eq 0 ]]; then
  echo "FAIL: no APPSEC_CHECK entries found in $SRC/checks/AppSecChecks.def"
  exit 1
fi

cat > "$WORK/src/flaw.cpp" <<'EOF'
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <curl/curl.h>

size_t sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  size_t s = 0;
  for (int i = 0; i < n; ++i) s += (uint32_t)va_arg(ap, int);
  va_end(ap);
  return s;
}

void connect(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
}
EOF
FLAW_POS=16:47   # line:column of `0L`
echo '-std=c++17' > "$WORK/src/compile_flags.txt"
echo 'Diagnostics: {ClangTidy: {Add: [appsec-*], FastCheckFilter: Loose}}' > "$WORK/src/.clangd"

# --- 1. install ---------------------------------------------------------------
PREFIX=$WORK/prefix
if ! "$CMAKE" --install "$BUILD" --prefix "$PREFIX" > "$WORK/install.log" 2>&1; then
  fail "cmake --install $BUILD --prefix $PREFIX"
  show "$WORK/install.log"
  exit 1
fi
pass "cmake --install into $PREFIX"

expect_file() { # <root> <relative path>
  if [[ -f "$1/$2" ]]; then pass "installed $2"; else fail "missing $1/$2"; fi
}
expect_file "$PREFIX" bin/appsec-tidy
expect_file "$PREFIX" bin/appsec-clangd
expect_file "$PREFIX" "$LIBDIR/AppSecTidyModule.so"
expect_file "$PREFIX" share/appsec-tidy/requirements/atlassian-cloud-2022.json
expect_file "$PREFIX" "$DOCDIR/README.md"
expect_file "$PREFIX" "$DOCDIR/requirements.md"
# Everything under docs/ is shipped. (That every check has a page is the
# unit test CheckList.EveryCheckHasADoc's business.)
ndocs=0 nmissing=0
while IFS= read -r -d '' f; do
  rel=${f#"$SRC/docs/"}
  ndocs=$((ndocs + 1))
  if [[ ! -f "$PREFIX/$DOCDIR/$rel" ]]; then
    fail "docs/$rel is not installed"
    nmissing=$((nmissing + 1))
  fi
done < <(find "$SRC/docs" -type f -print0)
[[ $nmissing -eq 0 ]] && pass "all $ndocs files under docs/ are installed in $DOCDIR"

# --- 2. run the installed forms from <root> -------------------------------------
# search_list <output>: the #include <...> search list printed by clang -v
search_list() { sed -n '/#include <...> search starts here:/,/End of search list./p' "$1"; }

check_tree() { # <root> <label> <expected resource dir>
  local root=$1 label=$2 resdir=$3 out=$WORK/out.txt rc

  # appsec-tidy: the flaw, no error, builtin headers from the resource dir.
  set +e
  (cd "$WORK/src" && "$root/bin/appsec-tidy" --checks='-*,appsec-*' --extra-arg=-v \
       flaw.cpp -- -std=c++17) > "$out" 2>&1
  rc=$?
  set -e
  if [[ $rc -eq 0 ]] && grep -qF "flaw.cpp:$FLAW_POS: $EXPECTED_MSG" "$out" &&
     ! grep -q 'error:' "$out"; then
    pass "$label: appsec-tidy reports $CHECK at $FLAW_POS, no error"
  else
    fail "$label: appsec-tidy (exit $rc) should report '$EXPECTED_MSG' at $FLAW_POS and no error"
    show "$out"
  fi
  if search_list "$out" | grep -qxF " $resdir/include" &&
     ! search_list "$out" | grep -q '/usr/include/clang/'; then
    pass "$label: appsec-tidy searches $resdir/include"
  else
    fail "$label: appsec-tidy's include search list lacks $resdir/include (or uses Debian's rescue path)"
    search_list "$out" | sed 's/^/    | /'
  fi

  # appsec-clangd --check: the same flaw, no error, same resource dir.
  set +e
  (cd "$WORK/src" && "$root/bin/appsec-clangd" --check=flaw.cpp --check-warnings) > "$out" 2>&1
  rc=$?
  set -e
  if [[ $rc -eq 0 ]] && grep -q 'All checks completed, 0 errors' "$out" &&
     grep -qE "^E\[[0-9:.]+\] \[$CHECK\] Line ${FLAW_POS%%:*}: .*violates Atlassian requirement 3 \(Transport layer security\)" "$out" &&
     ! grep -qi 'file not found' "$out"; then
    pass "$label: appsec-clangd --check reports $CHECK, 0 errors"
  else
    fail "$label: appsec-clangd --check (exit $rc) should report $CHECK with 0 errors"
    show "$out"
  fi
  if grep -q 'internal (cc1) args are:.* -internal-isystem '"$resdir"'/include ' "$out"; then
    pass "$label: appsec-clangd uses $resdir"
  else
    fail "$label: appsec-clangd's cc1 arguments lack -internal-isystem $resdir/include"
    grep 'cc1' "$out" | sed 's/^/    | /'
  fi

  # Stock clang-tidy-<N> loads the installed plugin.
  set +e
  "$STOCK_CLANG_TIDY" --load="$root/$LIBDIR/AppSecTidyModule.so" --list-checks \
      --checks='-*,appsec-*' > "$out" 2>&1
  rc=$?
  set -e
  local listed
  listed=$(sed -n 's/^ *\(appsec-[a-z0-9-]*\)$/\1/p' "$out" | sort | tr '\n' ' ')
  if [[ $rc -eq 0 && "$listed" == "${EXPECTED_CHECKS[*]} " ]]; then
    pass "$label: clang-tidy-$LLVM_MAJOR --load lists: $listed"
  else
    fail "$label: clang-tidy-$LLVM_MAJOR --load --list-checks (exit $rc) listed '$listed', expected '${EXPECTED_CHECKS[*]}'"
    show "$out"
  fi
  set +e
  (cd "$WORK/src" && "$STOCK_CLANG_TIDY" --load="$root/$LIBDIR/AppSecTidyModule.so" \
       --checks='-*,appsec-*' flaw.cpp -- -std=c++17) > "$out" 2>&1
  rc=$?
  set -e
  if [[ $rc -eq 0 ]] && grep -qF "flaw.cpp:$FLAW_POS: $EXPECTED_MSG" "$out" &&
     ! grep -q 'error:' "$out"; then
    pass "$label: clang-tidy-$LLVM_MAJOR --load reports $CHECK"
  else
    fail "$label: clang-tidy-$LLVM_MAJOR --load (exit $rc) should report $CHECK"
    show "$out"
  fi

  # The installed catalog is a valid AppSecRequirementCatalog.
  set +e
  (cd "$WORK/src" && "$root/bin/appsec-tidy" --checks='-*,appsec-*' \
       --config="{CheckOptions: {AppSecRequirementCatalog: '$root/share/appsec-tidy/requirements/atlassian-cloud-2022.json'}}" \
       flaw.cpp -- -std=c++17) > "$out" 2>&1
  rc=$?
  set -e
  if [[ $rc -eq 0 ]] && grep -qF "flaw.cpp:$FLAW_POS: $EXPECTED_MSG" "$out" &&
     ! grep -qE 'error|cannot|invalid' "$out"; then
    pass "$label: installed catalog loads via AppSecRequirementCatalog"
  else
    fail "$label: appsec-tidy with the installed catalog (exit $rc)"
    show "$out"
  fi
}

check_tree "$PREFIX" "prefix" "$SYSTEM_RESOURCE_DIR"

# Relocate: copy to a random directory and remove the original.
RELOC=$(mktemp -d "$WORK/relocated.XXXXXX")/opt/appsec
mkdir -p "$RELOC"
cp -a "$PREFIX/." "$RELOC/"
rm -rf "$PREFIX"
check_tree "$RELOC" "relocated" "$SYSTEM_RESOURCE_DIR"

# A resource directory shipped next to the binaries wins over the system one.
mkdir -p "$RELOC/lib/clang"
ln -s "$SYSTEM_RESOURCE_DIR" "$RELOC/lib/clang/$LLVM_MAJOR"
check_tree "$RELOC" "relocated+own resource dir" "$RELOC/lib/clang/$LLVM_MAJOR"

# --- 3. the plugin in a clang-tidy of another release ----------------------------
if [[ -n "$OLD_CLANG_TIDY" && -x "$OLD_CLANG_TIDY" ]]; then
  out=$WORK/old.txt
  set +e
  "$OLD_CLANG_TIDY" --load="$RELOC/$LIBDIR/AppSecTidyModule.so" --list-checks \
      --checks='-*,appsec-*' > "$out" 2>&1
  rc=$?
  set -e
  version=$("$OLD_CLANG_TIDY" --version 2>/dev/null | sed -n 's/.*LLVM version \([0-9.]*\).*/\1/p')
  echo "info: $OLD_CLANG_TIDY ($version) --load=AppSecTidyModule.so exited $rc; first line: $(head -n 1 "$out")"
  if [[ $rc -ne 0 && $rc -ne 139 ]] && grep -q "this plugin was built for Clang" "$out"; then
    pass "clang-tidy $version refuses the plugin with an explanation (exit $rc, no segfault)"
  else
    fail "clang-tidy $version with our plugin: expected a non-zero exit (not 139) and an explanation"
    show "$out"
  fi
else
  echo "note: no clang-tidy of another release found (set OLD_CLANG_TIDY); version-mismatch case not run"
fi

if [[ $FAILURES -ne 0 ]]; then
  echo "$FAILURES failure(s)"
  exit 1
fi
echo "PASS: installed and relocated forms"
