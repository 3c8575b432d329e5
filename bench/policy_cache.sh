#!/usr/bin/env bash
# Policy cache figures (issue 21): a one-resource template linted with every built-in Azure
# Policy definition from a cache file, by this armlint and, when given, another (the previous
# build: each writes and reads its own cache). For each: instructions (callgrind), system calls
# (strace -f -c), page faults (perf stat), with the cache's sources reachable (every source
# file is checked) and the cache alone (copied where its sources are not: used as written);
# then wall time of all of them in one run of this script, as ratios to an empty static program.
#
# Usage: bench/policy_cache.sh [new-armlint] [old-armlint] [policy-dir]
# Set RUNS (hyperfine runs per command, default 100) and ROUNDS (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
new=$(realpath "${1:-$here/build/armlint}")
old=${2:+$(realpath "$2")}
policy=$(realpath "${3:-$here/../shared/azure-policy/built-in-policies}")
runs=${RUNS:-100}
rounds=${ROUNDS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

printf 'int main() { return 0; }\n' >empty.cc
g++ -O2 -static -o empty empty.cc
# startup.sh's one-resource template (a storage account); the runs below must lint it cleanly.
cp "$here/bench/tiny.json" tiny.json
names=(new)
bins=("$new")
if [[ -n "$old" ]]; then
  names+=(old)
  bins+=("$old")
fi
for i in "${!names[@]}"; do
  n=${names[$i]}
  mkdir -p "$n" "alone/x/$n"
  # Written, then copied: a copied file's page-cache state, the same for every binary.
  "${bins[$i]}" rules --policy "$policy" --write-cache "$n/w.cache" >/dev/null
  cp "$n/w.cache" "$n/all.cache"
  cp "$n/w.cache" "alone/x/$n/all.cache"  # its recorded sources do not resolve from there
done

cmds=("empty static program|./empty")
for i in "${!names[@]}"; do
  n=${names[$i]} b=${bins[$i]}
  cmds+=("$n, no --policy|$b --no-config tiny.json"
    "$n, --policy all.cache|$b --no-config --policy $n/all.cache tiny.json"
    "$n, --policy all.cache alone|$b --no-config --policy alone/x/$n/all.cache tiny.json")
done
# A run that errors (exit 2: the template or the cache unreadable) would time the error path.
for c in "${cmds[@]:1}"; do
  cmd=${c#*|}
  set +e
  # shellcheck disable=SC2086
  $cmd >/dev/null 2>&1
  rc=$?
  set -e
  if ((rc >= 2)); then
    echo "policy_cache.sh: '$cmd' exited with $rc" >&2
    exit 1
  fi
done
echo "new: $new${old:+; old: $old}; policy: $policy"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo
printf '%-32s %14s %9s %12s\n' command instructions syscalls page-faults
for c in "${cmds[@]:1}"; do
  name=${c%%|*} cmd=${c#*|}
  # shellcheck disable=SC2086
  ir=$( { valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null || true; } |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  # shellcheck disable=SC2086
  sc=$(strace -f -c -o sc.txt $cmd >/dev/null 2>&1 || true; awk '/ total$/ {print $4}' sc.txt)
  # shellcheck disable=SC2086
  pf=$( { perf stat -x, -e page-faults $cmd 2>&1 >/dev/null || true; } |
    awk -F, '/page-faults/ {print $1}')
  printf '%-32s %14s %9s %12s\n' "$name" "$(printf "%'d" "$ir")" "$sc" "$pf"
done
echo
for c in "${cmds[@]}"; do echo "  ${c#*|}"; done
echo "== wall time (hyperfine -N, $rounds rounds of $((runs / rounds)) runs of each command, so"
echo "   that the machine's load drifts over all of them; medians of all runs; ratio to the empty program)"
args=()
for c in "${cmds[@]}"; do args+=(-n "${c%%|*}" "${c#*|}"); done
for r in $(seq "$rounds"); do
  hyperfine -N -i --warmup 5 --runs $((runs / rounds)) --export-json "h$r.json" "${args[@]}" \
    >/dev/null 2>&1
done
python3 - h*.json <<'PY'
import json, statistics, sys
times = {}
for f in sys.argv[1:]:
    for x in json.load(open(f))["results"]:
        times.setdefault(x["command"], []).extend(x["times"])
empty = statistics.median(next(iter(times.values())))
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:32} median {m * 1e3:7.2f} ms  min {min(t) * 1e3:7.2f} ms"
          f"  ({m / empty:5.1f}x the empty program)")
PY
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
