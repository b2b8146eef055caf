#!/bin/sh
# Git pre-commit hook: scan the translation units whose main file is staged
# and block the commit on findings on the lines it changes.
#
#   cp docs/ci/pre-commit-appsec-scan.sh .git/hooks/pre-commit   # or call it from yours
#   git commit --no-verify                                       # to skip it once
#
# Environment (all optional):
#   APPSEC_SCAN          the appsec-scan binary          (default: appsec-scan on PATH)
#   APPSEC_BUILD_DIR     holds compile_commands.json     (default: <top>/build)
#   APPSEC_HOOK_HEADERS=1  also report findings in staged headers; this scans
#                        every unit of the database (a header's findings can
#                        come from any unit including it), so it is slower
#
# What it scans: files as they are on disk (for a partly staged file, its
# working-tree text), units listed in the compilation database only (a new
# file must be in compile_commands.json, i.e. configured, to be scanned), and
# lines changed against HEAD (staged or not). Exit status: 0 commit, 1
# findings, 2 scan error (e.g. a staged unit that does not parse).
set -u

scan=${APPSEC_SCAN:-appsec-scan}
top=$(git rev-parse --show-toplevel) || exit 2
db=${APPSEC_BUILD_DIR:-$top/build}

# An absolute path as an anchored, escaped POSIX extended regex alternative.
escape() { printf '%s\n' "$1" | sed -e 's/[][\\.*^$()+?{}|]/\\&/g'; }

sources= headers=
staged=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR) || exit 2
old_ifs=$IFS
IFS='
'
for f in $staged; do
  case "$f" in
    *.c|*.cc|*.cpp|*.cxx|*.c++|*.C)
      sources="${sources:+$sources|}$(escape "$top/$f")" ;;
    *.h|*.hh|*.hpp|*.hxx|*.h++|*.inc|*.ipp|*.tpp)
      headers="${headers:+$headers|}$(escape "$top/$f")" ;;
  esac
done
IFS=$old_ifs

set --
if [ "${APPSEC_HOOK_HEADERS:-0}" = 1 ] && [ -n "$headers" ]; then
  set -- --header-filter="^($headers)\$"
elif [ -n "$sources" ]; then
  set -- --files="^($sources)\$"
else
  exit 0 # nothing to scan
fi

# Changed lines against HEAD; before the first commit, against the empty tree.
base=HEAD
git rev-parse --verify -q HEAD > /dev/null || base=$(git hash-object -t tree /dev/null)

err=$(mktemp) || exit 2
"$scan" -p "$db" --diff="$base" --source-root="$top" --text --quiet "$@" 2> "$err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'lists no translation units' "$err"; then
  echo "appsec-scan: the staged files are not in $db/compile_commands.json; not scanned" >&2
  rc=0
else
  cat "$err" >&2
fi
rm -f "$err"
case $rc in
  0) ;;
  1) echo "appsec-scan: findings on changed lines; commit blocked (git commit --no-verify skips this check)" >&2 ;;
  *) echo "appsec-scan: the scan failed (status $rc); commit blocked" >&2 ;;
esac
exit $rc
