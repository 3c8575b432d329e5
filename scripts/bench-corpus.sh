#!/usr/bin/env bash
# Lints the whole shared corpus with the built CLI and prints files, MB, seconds, MB/s,
# files/s and peak RSS, next to the Boost.JSON parse-only baseline measured in the same run.
# Usage: scripts/bench-corpus.sh [path/to/armlint] [corpus-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
armlint=${1:-$here/build/armlint}
corpus=${2:-$here/../shared/corpus}
bench=$(dirname "$armlint")/bench/armlint_bench
[[ -d "$corpus" ]] || { echo "bench-corpus.sh: corpus not found at $corpus" >&2; exit 1; }
[[ -x "$armlint" ]] || { echo "bench-corpus.sh: build armlint first (make build)" >&2; exit 1; }

files=$(find "$corpus" -name '*.json' | wc -l)
bytes=$(find "$corpus" -name '*.json' -print0 | xargs -0 cat | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

run() {  # run LABEL ARGS...: one timed lint of the corpus
  local label=$1; shift
  local out
  out=$( { /usr/bin/time -f '%e %M' "$armlint" "$@" --format json -o /dev/null "$corpus" ; } 2>&1 >/dev/null | tail -1)
  local secs=${out% *} rss=${out#* }
  awk -v l="$label" -v s="$secs" -v f="$files" -v mb="$mb" -v rss="$rss" 'BEGIN {
    if (s < 0.001) s = 0.001;
    printf "%-22s %6d files %7.1f MB %7.2f s %8.1f MB/s %8.0f files/s  peak RSS %6.1f MB\n",
           l, f, mb, s, mb / s, f / s, rss / 1024 }'
}

echo "corpus: $corpus"
run "armlint -j 1" -j 1 || true
run "armlint -j 2" -j 2 || true
if [[ -x "$bench" ]]; then
  "$bench" --benchmark_filter='BM_BoostJsonParseAvm|BM_ParseAvm|BM_LintAvm$' \
    --benchmark_min_time=1 2>/dev/null | grep -E '^BM_' || true
else
  echo "(build with ARMLINT_BUILD_BENCH=ON for the parse baseline: $bench)"
fi
