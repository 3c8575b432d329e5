#!/usr/bin/env bash
# Runs libFuzzer targets one after another, each for SECONDS from its corpus fuzz/corpus/<target>/
# (seeded by scripts/fuzz-seeds.sh; new inputs are added there), and prints one line per target:
#   fuzz_json: 60 s, 35630 runs (584/s; 2390 per CPU-second, 15 CPU-s), cov 873, ft 2731, +663 inputs, peak 278 MB
# A crash, leak, timeout or out-of-memory input is written to fuzz/artifacts/ and its log tail
# shown; the script goes on with the next target and exits 1 at the end.
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (make fuzz-smoke, make fuzz)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_json fuzz_template fuzz_expression fuzz_rules fuzz_policy)
mkdir -p "$root/fuzz/artifacts"
failed=()
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  if [[ ! -x $bin ]]; then
    echo "fuzz/run.sh: $bin not built (make fuzz-smoke builds it)" >&2
    exit 2
  fi
  corpus=$root/fuzz/corpus/$t
  mkdir -p "$corpus"
  log=$root/fuzz/artifacts/$t.log
  # No -max_len: libFuzzer takes the largest seed's size (whole templates stay whole).
  # -timeout: one input running 10 s in an -O2 build is a hang (FUZZ_TIMEOUT overrides it: on a
  # loaded machine the first input, which pays the targets' one-time start-up, can take longer). -rss_limit_mb: above the
  # 2 GB default, since ASan's quarantine counts too.
  # CPU seconds as well as wall time: on a shared machine runs per CPU-second is the figure that
  # compares across runs.
  TIMEFORMAT='%U %S'
  { time "$bin" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2560 -print_final_stats=1 \
      -dict="$root/fuzz/armlint.dict" -artifact_prefix="$root/fuzz/artifacts/$t-" \
      "$corpus" >"$log" 2>&1; } 2>"$log.cpu"
  code=$?
  awk -v t="$t" -v s="$seconds" -v cpu="$(awk '{print $1 + $2}' "$log.cpu")" '
    /^stat::number_of_executed_units:/ { runs = $2 }
    /^stat::average_exec_per_sec:/ { rate = $2 }
    /^stat::new_units_added:/ { added = $2 }
    /^stat::peak_rss_mb:/ { rss = $2 }
    / cov: / { for (i = 1; i < NF; ++i) { if ($i == "cov:") cov = $(i + 1); if ($i == "ft:") ft = $(i + 1) } }
    END { printf "%s: %s s, %s runs (%s/s; %d per CPU-second, %.0f CPU-s), cov %s, ft %s, +%s inputs, peak %s MB\n",
                 t, s, runs, rate, (cpu > 0 ? runs / cpu : 0), cpu, cov, ft, added, rss }' "$log"
  if [[ $code -ne 0 ]]; then
    echo "== $t failed (exit $code); log: $log"
    tail -n 40 "$log"
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz/run.sh: failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
