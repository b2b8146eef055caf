#!/usr/bin/env bash
# How much the appsec checks add to clangd's AST build, measured the way clangd
# decides which clang-tidy checks are "fast" (clang-tools-extra/clangd/TidyFastChecks.py):
#
#   <clangd> --check=FILE --check-locations=0 --check-tidy-time='appsec-*'
#
# clangd times the main-file AST build with no check and then with each
# matching check alone, and prints "<check> = N%". Its own criterion: <= 8%
# is FAST (runs under the default FastCheckFilter: Strict, were it listed),
# > 15% is SLOW (dropped even with FastCheckFilter: Loose); in between it
# keeps its previous verdict.
#
#   clangd_tidy_time.sh <clangd-bin> <file> [compile-dir]
#
# compile-dir: directory holding compile_commands.json (default: clangd's own
# search from the file upwards). Environment: GLOB (default 'appsec-*'),
# REPEAT (clangd runs, default 3; the median per check is reported).
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 <clangd-bin> <file> [compile-dir]" >&2
  exit 2
fi
CLANGD=$1
FILE=$2
GLOB=${GLOB:-appsec-*}
REPEAT=${REPEAT:-3}
[[ -x "$CLANGD" ]] || { echo "error: $CLANGD is not an executable" >&2; exit 2; }
[[ -f "$FILE" ]] || { echo "error: no such file: $FILE" >&2; exit 2; }
ARGS=(--check="$FILE" --check-locations=0 --check-tidy-time="$GLOB")
if [[ $# -eq 3 ]]; then
  [[ -f "$3/compile_commands.json" ]] || { echo "error: no compile_commands.json in $3" >&2; exit 2; }
  ARGS+=(--compile-commands-dir="$3")
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for ((i = 1; i <= REPEAT; i++)); do
  if ! "$CLANGD" "${ARGS[@]}" > "$TMP/run$i.log" 2>&1; then
    echo "error: clangd run $i failed:" >&2
    tail -n 30 "$TMP/run$i.log" >&2
    exit 1
  fi
  if ! grep -q 'All checks completed, 0 errors' "$TMP/run$i.log"; then
    echo "error: clangd reported errors for $FILE (not a valid measurement):" >&2
    grep -E '^E\[' "$TMP/run$i.log" | grep -v 'Speed unstable' | head -n 20 >&2
    exit 1
  fi
done

# Lines: "I[..]   Baseline = 3773000 ns" and "I[..]   appsec-x = 3%".
cat "$TMP"/run*.log | awk -v glob="$GLOB" -v runs="$REPEAT" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  /Baseline = [0-9]+ ns/ { for (i = 1; i <= NF; i++) if ($i == "Baseline") base = base " " $(i + 2) / 1e6 }
  /Speed unstable/ { unstable++ }
  /^I\[[^]]*\]   [a-z0-9.-]+ = -?[0-9]+%$/ {
    name = $2; pct = $4; sub(/%/, "", pct)
    if (!(name in seen)) { seen[name] = 1; order[++n] = name }
    vals[name] = vals[name] " " pct
  }
  END {
    if (n == 0) { print "error: clangd measured no check matching " glob; exit 1 }
    printf "main-file AST build without checks: median %.1f ms over %d run(s)\n", median(base), runs
    printf "%-40s %8s  %-22s %s\n", "check", "median", "verdict", "all runs (%)"
    for (k = 1; k <= n; k++) {
      m = median(vals[order[k]])
      v = (m <= 8) ? "FAST (<= 8%)" : (m > 15) ? "SLOW (> 15%)" : "borderline (8-15%)"
      printf "%-40s %7.1f%%  %-22s%s\n", order[k], m, v, vals[order[k]]
    }
    printf "(clangd discarded %d unstable sample(s) while converging)\n", unstable
  }'
