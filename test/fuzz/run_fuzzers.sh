#!/usr/bin/env bash
# Runs the libFuzzer targets of a -DAPPSEC_FUZZ=ON build, one after another.
#
#   test/fuzz/run_fuzzers.sh <build-dir> [seconds per target (default 600)] [target...]
#
# Targets: models catalog scan-config baseline (default: all). Each starts from a
# corpus seeded with the repository's real files of its kind (the built-in model
# files and catalog, the test inputs, test/fuzz/seeds/<target>) plus what earlier
# runs found, kept in <build-dir>/fuzz/corpus/<target>. A crash, hang (10 s per
# input), leak or sanitizer report stops that target and leaves the input in
# <build-dir>/fuzz/artifacts/<target>/; the log is <build-dir>/fuzz/<target>.log.
# Exit status: 0 when no target found anything.
set -uo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ $# -lt 1 ]]; then
  sed -n '2,12p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
SECONDS_PER=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=(models catalog scan-config baseline)

seeds() {
  case $1 in
    models) ls "$SRC"/lib/models/*.json "$SRC"/test/checks/Inputs/models/*.json ;;
    catalog) ls "$SRC"/lib/requirements/*.json "$SRC"/test/checks/Inputs/catalog/*.json ;;
  esac
  ls "$SRC"/test/fuzz/seeds/"$1"/* "$SRC"/test/fuzz/regressions/"$1"/* 2> /dev/null
}

status=0
for t in "${TARGETS[@]}"; do
  bin=$BUILD/bin/fuzz-$t
  [[ -x $bin ]] || { echo "no $bin: build the appsec-fuzzers target" >&2; exit 2; }
  corpus=$BUILD/fuzz/corpus/$t
  artifacts=$BUILD/fuzz/artifacts/$t/
  mkdir -p "$corpus" "$artifacts"
  seeds "$t" | while read -r f; do cp "$f" "$corpus/seed-$(basename "$f")"; done
  dict=()
  [[ -f $SRC/test/fuzz/$t.dict ]] && dict=(-dict="$SRC/test/fuzz/$t.dict")
  echo "==> fuzz-$t for ${SECONDS_PER}s (log: $BUILD/fuzz/$t.log)"
  nice -n 10 "$bin" "$corpus" "${dict[@]}" -max_total_time="$SECONDS_PER" -timeout=10 \
    -rss_limit_mb=4096 -max_len=${APPSEC_FUZZ_MAX_LEN:-16384} -artifact_prefix="$artifacts" -print_final_stats=1 \
    > "$BUILD/fuzz/$t.log" 2>&1
  rc=$?
  grep -E '^#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|ERROR|SUMMARY' "$BUILD/fuzz/$t.log" | tail -6
  [[ $rc -ne 0 ]] && { echo "fuzz-$t: found a problem (exit $rc), see the log" >&2; status=1; }
done
exit $status
