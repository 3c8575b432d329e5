#!/usr/bin/env bash
# Wall time of several commands on a noisy machine: hyperfine over all of them, ROUNDS times in
# turn, so that a slow spell of the machine falls on every command alike. Prints each command's
# median of the rounds' medians and its ratio to the first command (taken within each round).
#
# Usage: bench/rounds.sh ROUNDS RUNS 'name=command' ...
#   e.g. bench/rounds.sh 5 40 "empty=./empty" "old=old/armlint --no-config bench/tiny.json" \
#          "new=build/armlint --no-config bench/tiny.json"
set -euo pipefail
rounds=$1 runs=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=()
for c in "$@"; do args+=(-n "${c%%=*}" "${c#*=}"); done
for r in $(seq "$rounds"); do
  hyperfine -N -i --warmup 5 --runs "$runs" --export-json "$tmp/round$r.json" "${args[@]}" \
    >/dev/null 2>&1
done
python3 - "$tmp" "$rounds" <<'PY'
import json, statistics, sys
tmp, n = sys.argv[1], int(sys.argv[2])
rows = {}
for r in range(1, n + 1):
    results = json.load(open(f"{tmp}/round{r}.json"))["results"]
    first = results[0]["median"]
    for x in results:
        rows.setdefault(x["command"], []).append((x["median"], x["median"] / first))
for name, v in rows.items():
    median = statistics.median(m for m, _ in v) * 1e3
    ratio = statistics.median(q for _, q in v)
    each = " ".join(f"{q:.2f}" for _, q in v)
    print(f"{name:28} {median:8.2f} ms  {ratio:5.2f}x the first  (rounds: {each})")
PY
