#!/bin/sh
# Runs the repository's pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit, the way
# a user's commit would: `pre-commit try-repo SOURCE armlint --files ...` in a scratch git
# repository, with this build's armlint on PATH. A template with findings must fail the hook and
# show the finding's rule id and file:line:col; a clean template must pass. Offline: the hook is
# `language: system`, so pre-commit installs nothing (the run is in a network namespace without
# network when `unshare -n` is allowed).
#
# Usage: pre_commit_test.sh SOURCE_DIR ARMLINT. Exit 77 (skip) when pre-commit is not installed
# (scripts/install-deps.sh precommit; `make test-deps` installs it) or SOURCE_DIR is not a git
# repository with a commit (try-repo clones it).
set -eu
src=$1
armlint=$2

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

command -v git >/dev/null 2>&1 || skip "git is not installed"
command -v pre-commit >/dev/null 2>&1 || skip "pre-commit is not installed (scripts/install-deps.sh precommit)"
git -C "$src" rev-parse --verify -q HEAD >/dev/null 2>&1 ||
  skip "$src is not a git repository with a commit: pre-commit try-repo needs one"
[ -x "$armlint" ] || fail "no armlint binary at $armlint"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
mkdir -p "$repo" "$tmp/bin" "$tmp/home"
# The hook runs `armlint` from PATH: this build's binary, nothing installed.
ln -s "$(cd "$(dirname "$armlint")" && pwd)/$(basename "$armlint")" "$tmp/bin/armlint"
export PATH="$tmp/bin:$PATH"
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/.cache" PRE_COMMIT_HOME="$tmp/pre-commit"
export GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_COLOR=never
# try-repo clones SOURCE; a source checkout owned by another user is still fine to read.
git config --global --add safe.directory '*'

cp "$src/examples/storage-v2.json" "$repo/violating.json"
cp "$src/examples/clean.json" "$repo/clean.json"
git -C "$repo" init -q
git -C "$repo" add violating.json clean.json

# The finding the hook must show: the first one armlint reports for the file.
expected=$(cd "$repo" && armlint --no-config --format json violating.json |
  python3 -c 'import json, sys
f = json.load(sys.stdin)["findings"][0]
print("%s %s:%d:%d" % (f["ruleId"], f["location"]["file"], f["location"]["line"], f["location"]["column"]))') ||
  fail "armlint --format json on the violating template"
rule=${expected% *}
where=${expected#* }

offline=""
if unshare -n true >/dev/null 2>&1; then offline="unshare -n"; fi

run_hook() {  # files...: the hook's output in $tmp/out, its exit code in $code
  set +e
  (cd "$repo" && $offline pre-commit try-repo "$src" armlint --files "$@") >"$tmp/out" 2>&1
  code=$?
  set -e
}

run_hook violating.json
cat "$tmp/out"
[ "$code" -ne 0 ] || fail "the hook passed a template with findings"
grep -q "$rule" "$tmp/out" || fail "the hook's output does not name rule $rule"
grep -q "$where" "$tmp/out" || fail "the hook's output does not show $where"
grep -q "^armlint\.*Failed" "$tmp/out" || fail "pre-commit did not report the armlint hook as failed"

run_hook clean.json
cat "$tmp/out"
[ "$code" -eq 0 ] || fail "the hook failed a clean template (exit $code)"
grep -q "^armlint\.*Passed" "$tmp/out" || fail "pre-commit did not report the armlint hook as passed"

echo "ok: pre-commit try-repo fails on $where ($rule) and passes clean.json${offline:+ (no network)}"
