#!/usr/bin/env bash
# Start-up figures (issue 21): what a pre-commit run costs before and besides its file.
#
#  1. Instruction counts (callgrind; they do not depend on the machine's load) of the start-up
#     path: an empty static program, `--version`, a one-resource template with and without the
#     built-in rules, `armlint rules`, the AVM storage-account module, and `--policy` with every
#     built-in Azure Policy definition (uncached, then from a cache file).
#  2. Wall time of the same commands in one hyperfine run, as ratios to the empty program.
#
# Usage: bench/startup.sh [path/to/armlint] [corpus-dir] [policy-dir]
# Set RUNS (hyperfine runs per command, default 100) or SKIP_CALLGRIND=1 / SKIP_WALL=1.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
armlint=$(realpath "${1:-$here/build/armlint}")
corpus=$(realpath "${2:-$here/../shared/corpus}")
policy=$(realpath "${3:-$here/../shared/azure-policy/built-in-policies}")
runs=${RUNS:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'int main() { return 0; }\n' >"$tmp/empty.cc"
g++ -O2 -static -o "$tmp/empty" "$tmp/empty.cc"
cp "$here/bench/tiny.json" "$tmp/tiny.json"  # one storage account
module="$corpus/avm/res/storage/storage-account/main.json"
have_policy=0
if [[ -d "$policy" ]]; then
  have_policy=1
  if "$armlint" rules --help 2>&1 | grep -q -- --write-cache; then
    "$armlint" rules --policy "$policy" --write-cache "$tmp/policy.cache" >/dev/null
  fi
fi

# name|command (run from $tmp, output to /dev/null; exit codes ignored)
cmds=(
  "empty static program|$tmp/empty"
  "armlint --version|$armlint --version"
  "tiny, --no-default-rules|$armlint --no-config --no-default-rules $tmp/tiny.json"
  "tiny|$armlint --no-config $tmp/tiny.json"
  "armlint rules|$armlint rules"
  "AVM storage module|$armlint --no-config $module"
)
if ((have_policy)); then
  cmds+=("tiny --policy all built-ins|$armlint --no-config --policy $policy $tmp/tiny.json")
  if [[ -f "$tmp/policy.cache" ]]; then
    cmds+=("tiny --policy cache|$armlint --no-config --policy $tmp/policy.cache $tmp/tiny.json")
  fi
fi

echo "armlint: $armlint ($("$armlint" --version)), $("$armlint" rules | grep -c '^[a-z]') rules"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

if [[ -z "${SKIP_CALLGRIND:-}" ]] && command -v valgrind >/dev/null; then
  echo
  echo "== instructions (valgrind --tool=callgrind, whole process)"
  for c in "${cmds[@]}"; do
    name=${c%%|*} cmd=${c#*|}
    # shellcheck disable=SC2086
    ir=$( { cd "$tmp" && valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null || true; } |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    printf '%-30s %14s Ir\n' "$name" "$(printf "%'d" "$ir")"
  done
fi

if [[ -z "${SKIP_WALL:-}" ]] && command -v hyperfine >/dev/null; then
  echo
  echo "== wall time (hyperfine -N, $runs runs each, one run; ratio to the empty program)"
  args=()
  for c in "${cmds[@]}"; do args+=(-n "${c%%|*}" "${c#*|}"); done
  (cd "$tmp" && hyperfine -N -i --warmup 10 --runs "$runs" --export-json "$tmp/h.json" \
    "${args[@]}" >/dev/null 2>&1)
  python3 - "$tmp/h.json" <<'EOF'
import json, sys
r = [(x["command"], x) for x in json.load(open(sys.argv[1]))["results"]]
empty = r[0][1]["median"]
for name, x in r:
    print(f"{name:30} median {x['median'] * 1e3:7.2f} ms  ({x['median'] / empty:5.1f}x the empty program)")
EOF
fi
