#!/usr/bin/env bash
# Peer comparison: Spectral (@stoplight/spectral-cli, JSONPath rules in spectral-ruleset.yaml)
# and armlint (all built-in rules, real expansion) on the same files, in one run. Prints files,
# MB, seconds, files/s, MB/s and peak RSS for each, the ratio armlint files/s / Spectral
# files/s, and the start-up time of both on one small file.
#
# Usage: bench/peers/run.sh [path/to/armlint] [dir]
#   defaults: build/armlint and ../shared/corpus; every *.json file under dir is linted.
#
# A benchmark, not a test: on first use it installs the pinned Spectral (package.json,
# package-lock.json) with npm into bench/peers/node_modules/ (git-ignored), which needs the
# network. armlint itself never touches the network.
set -euo pipefail
peers=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$peers/../.." && pwd)
armlint=${1:-$repo/build/armlint}
dir=${2:-$repo/../shared/corpus}
ruleset=$peers/spectral-ruleset.yaml
spectral=$peers/node_modules/.bin/spectral

die() { echo "peers/run.sh: $*" >&2; exit 1; }
[[ -x "$armlint" ]] || die "armlint binary not found at $armlint (build it: make build)"
[[ -d "$dir" ]] || die "directory not found: $dir"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time')"
command -v node >/dev/null || die "node is missing (Debian packages nodejs, npm)"
dir=$(cd "$dir" && pwd)

# Spectral's npm dependency @scarf/scarf reports installs unless told not to; --ignore-scripts
# skips its install hook too.
export SCARF_ANALYTICS=false DO_NOT_TRACK=1
wanted=$(node -p "require('$peers/package.json').dependencies['@stoplight/spectral-cli']")
if [[ ! -x "$spectral" ]] || [[ "$("$spectral" --version 2>/dev/null)" != "$wanted" ]]; then
  command -v npm >/dev/null || die "npm is missing (Debian package npm)"
  echo "installing @stoplight/spectral-cli $wanted into $peers/node_modules ..."
  if [[ -f "$peers/package-lock.json" ]]; then
    npm ci --prefix "$peers" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  else
    npm install --prefix "$peers" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The file set: every *.json under dir, skipping dot-folders and node_modules as both tools do.
find "$dir" \( -name '.?*' -o -name node_modules \) -prune -o -type f -name '*.json' -print |
  LC_ALL=C sort >"$tmp/files"
files=$(wc -l <"$tmp/files")
[[ $files -gt 0 ]] || die "no *.json files under $dir"
bytes=$(tr '\n' '\0' <"$tmp/files" | xargs -0 cat | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
# The smallest template (a file with resources, not a parameter file) for the start-up times.
small=$(tr '\n' '\0' <"$tmp/files" | xargs -0 grep -l '"resources"' | tr '\n' '\0' |
  xargs -0 -r stat -c '%s %n' | sort -n | head -1 | cut -d' ' -f2- || true)
[[ -n "$small" ]] || small=$(head -1 "$tmp/files")

# timed RUNS OUT_PREFIX CMD...: RUNS runs under /usr/bin/time; writes the mean seconds and the
# largest peak RSS (KB), and the command's exit code (findings make both tools exit non-zero,
# so it is kept, not fatal; /usr/bin/time then writes a "Command exited" line first, hence the
# tail). Spectral runs once (its run takes seconds); armlint's tenth of a second is the mean of
# ten, as one run of it moves by a fifth with the machine's noise.
timed() {
  local runs=$1 out=$2; shift 2
  local rc t0 t1 rss total=0 peak=0
  for ((i = 0; i < runs; i++)); do
    rc=0
    t0=$EPOCHREALTIME
    /usr/bin/time -o "$out.time" -f '%e %M' "$@" >"$out.stdout" 2>"$out.stderr" || rc=$?
    t1=$EPOCHREALTIME
    # /usr/bin/time's %e has 10 ms steps: keep its peak RSS, take the wall time from the shell.
    rss=$(tail -1 "$out.time" | cut -d' ' -f2)
    total=$(awk -v t="$total" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", t + b - a }')
    ((rss > peak)) && peak=$rss
  done
  echo "$rc" >"$out.rc"
  awk -v t="$total" -v n="$runs" -v rss="$peak" 'BEGIN { printf "%.3f %s\n", t / n, rss }' \
    >"$out.time"
}

row() {  # row LABEL OUT_PREFIX: one line of the table
  local secs rss
  read -r secs rss <"$1.time" || true
  awk -v s="$secs" -v f="$files" -v mb="$mb" -v rss="$rss" -v label="$2" 'BEGIN {
    if (s < 0.001) s = 0.001;
    printf "| %-24s | %5d | %6.1f | %7.3f | %8.1f | %7.2f | %8.1f |\n",
           label, f, mb, s, f / s, mb / s, rss / 1024 }'
}

# The rule ids of the ruleset (its two-space-indented keys under "rules:").
rule_ids() { sed -n 's/^  \([a-z0-9-]*\):$/\1/p' "$ruleset" | tr '\n' ' ' | sed 's/ $//'; }

fps() { awk -v f="$files" '{ s = ($1 < 0.001) ? 0.001 : $1; printf "%.3f", f / s }' "$1.time"; }

# startup CMD...: best of five wall times, in ms, of one run (process start included)
startup() {
  local best="" t0 t1 ms
  for _ in 1 2 3 4 5; do
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
    if [[ -z "$best" ]] || awk -v m="$ms" -v b="$best" 'BEGIN { exit !(m < b) }'; then best=$ms; fi
  done
  echo "$best"
}

echo "files: $files *.json under $dir ($mb MB)"
echo "spectral $("$spectral" --version), node $(node --version); $("$armlint" --version | head -1)"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo

# Spectral, its best case: one process for the whole set (one glob), JSON results to a file so
# that we can check it parsed and linted the files.
timed 1 "$tmp/spectral" "$spectral" lint --ruleset "$ruleset" --format json \
  --output "$tmp/spectral.json" --fail-severity error --quiet "$dir/**/*.json"
# armlint, all built-in rules, JSON report to /dev/null: one thread, then the default (all cores).
timed 10 "$tmp/armlint-j1" "$armlint" --format json -o /dev/null -j 1 "$dir"
timed 10 "$tmp/armlint-jN" "$armlint" --format json -o /dev/null "$dir"
# Untimed: armlint's report, to count what it linted and what it could not parse.
"$armlint" --format json -o "$tmp/armlint.json" -j 1 "$dir" >/dev/null 2>&1 || true

spectral_rc=$(cat "$tmp/spectral.rc")
if [[ $spectral_rc -gt 1 || ! -s "$tmp/spectral.json" ]]; then
  echo "Spectral failed (exit $spectral_rc):" >&2
  cat "$tmp/spectral.stderr" >&2
  exit 1
fi

echo "| tool | files | MB | seconds | files/s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row "$tmp/spectral" "Spectral (12 rules)"
row "$tmp/armlint-j1" "armlint -j 1 (all rules)"
row "$tmp/armlint-jN" "armlint -j $(nproc) (default)"
echo
s=$(fps "$tmp/spectral")
echo "armlint -j 1 files/s / Spectral files/s: $(awk -v a="$(fps "$tmp/armlint-j1")" -v s="$s" \
  'BEGIN { printf "%.0f×", a / s }')"
echo "armlint -j $(nproc) files/s / Spectral files/s: $(awk -v a="$(fps "$tmp/armlint-jN")" -v s="$s" \
  'BEGIN { printf "%.0f×", a / s }')"
echo

# What each tool saw: Spectral reports nothing for a file without results, so count the files
# with results, and the files its parser (YAML, for .json files too) reported errors on.
# "invalid-ref" results are Spectral's own: it resolves the "$ref"s of languageVersion 2.0
# user-defined types against the document root, not the nested template they belong to.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const with_ = new Set(r.map(x => x.source));
  const parser = sev => new Set(r.filter(x => x.code === "parser" && x.severity === sev)
                                 .map(x => x.source)).size;
  const byRule = {};
  for (const x of r) if (x.code !== "parser") byRule[x.code] = (byRule[x.code] || 0) + 1;
  console.log(`Spectral: ${r.length} results in ${with_.size} files; parser errors in ` +
              `${parser(0)} files, parser warnings (mostly tabs) in ${parser(1)} files`);
  console.log("  by rule: " + Object.entries(byRule).sort().map(([k, v]) => `${k} ${v}`).join(", "));
' "$tmp/spectral.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.summary, inFiles = new Set(r.findings.map(x => x.location.file));
  const bad = new Set(r.errors.map(x => x.file));
  console.log(`armlint: ${s.files} files, ${s.resources} resources, ${s.findings} findings in ` +
              `${inFiles.size} files; input errors in ${bad.size} files`);
  const sp = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
  const count = (list, key) => list.reduce((m, x) => (m[x[key]] = (m[x[key]] || 0) + 1, m), {});
  const a = count(r.findings, "ruleId"), b = count(sp, "code");
  console.log("results of the 12 mirrored rules, Spectral / armlint:");
  for (const id of process.argv[3].split(" "))
    console.log(`  ${id.padEnd(30)} ${String(b[id] || 0).padStart(6)} / ${a[id] || 0}`);
' "$tmp/armlint.json" "$tmp/spectral.json" "$(rule_ids)" || echo "armlint: (report not readable)"
echo "exit codes: spectral $spectral_rc, armlint -j 1 $(cat "$tmp/armlint-j1.rc")," \
  "armlint -j $(nproc) $(cat "$tmp/armlint-jN.rc")"
echo

# Start-up: both tools on the smallest template of the set (best of five, process start included).
echo "start-up on the smallest template ($(stat -c %s "$small") bytes, ${small#"$dir"/})," \
  "best of 5:"
echo "  Spectral: $(startup "$spectral" lint --ruleset "$ruleset" --format json --quiet "$small") ms"
echo "  armlint:  $(startup "$armlint" --format json -o /dev/null "$small") ms"
echo "  spectral --version: $(startup "$spectral" --version) ms;" \
  "armlint --version: $(startup "$armlint" --version) ms"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
