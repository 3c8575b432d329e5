#!/bin/sh
# The release artefacts (scripts/dist.sh, what `make dist` runs), made from this build's binary
# (the default build links it statically, as the release does) and used the way users will:
#   package     the tarball: its listing, owner and times, its .sha256, the same bytes when made
#               twice; its binary alone in an empty folder, with an empty environment (env -i),
#               lints a template with findings (exit 1) and a clean one (exit 0)
#   wheel       the wheel's RECORD digests; `pip install --no-index` into a new venv puts an
#               armlint on the venv's PATH that exits 1 on findings and 0 on a clean template
#   pre_commit  the `armlint-python` hook (language: python) run by the real pre-commit, offline:
#               pip is pointed at the wheel (PIP_NO_INDEX, PIP_FIND_LINKS)
#   action      the GitHub Action (action.yml, scripts/install-release.sh, run by run_action.py)
#               against a release served from a file:// URL: sha256 check, lint, SARIF; and the
#               action and examples/ci/ pin this version
# Usage: dist_test.sh SOURCE_DIR ARMLINT MODE. Exit 77 (skip) when a tool the mode needs is
# missing (scripts/install-deps.sh dist precommit installs them).
set -eu
src=$1
armlint=$2
mode=$3

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

command -v readelf >/dev/null 2>&1 || skip "readelf (binutils) is not installed"
if readelf -l "$armlint" | grep -q INTERP; then
  skip "$armlint is dynamically linked (configured with ARMLINT_STATIC_CLI=OFF or a sanitizer)"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's/^project(armlint VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
name=armlint-$version-linux-x86_64
wheel=armlint-$version-py3-none-manylinux_2_17_x86_64.whl
export SOURCE_DATE_EPOCH=1700000000

bash "$src/scripts/dist.sh" "$armlint" "$tmp/dist" >/dev/null || fail "scripts/dist.sh"
for f in "$name.tar.gz" "$name.tar.gz.sha256" "$wheel"; do
  [ -s "$tmp/dist/$f" ] || fail "scripts/dist.sh made no $f"
done

# Copies of the examples: one with findings, one clean.
mkdir -p "$tmp/work"
cp "$src/examples/storage-v2.json" "$tmp/work/violating.json"
cp "$src/examples/clean.json" "$tmp/work/clean.json"

# expect_lint CODE ARMLINT...: runs the command on a template in $tmp/work, checks the exit code.
expect_lint() {
  want=$1
  file=$2
  shift 2
  set +e
  (cd "$tmp/work" && "$@" --no-config "$file") >"$tmp/out" 2>&1
  code=$?
  set -e
  [ "$code" -eq "$want" ] || { cat "$tmp/out"; fail "'$* $file' exited $code, expected $want"; }
}

case "$mode" in
package)
  # Same bytes when made again (another SOURCE_DATE_EPOCH would change only the times).
  bash "$src/scripts/dist.sh" "$armlint" "$tmp/again" >/dev/null || fail "scripts/dist.sh (2nd)"
  for f in "$name.tar.gz" "$name.tar.gz.sha256" "$wheel"; do
    cmp "$tmp/dist/$f" "$tmp/again/$f" || fail "$f differs between two runs"
  done
  (cd "$tmp/dist" && sha256sum -c "$name.tar.gz.sha256") || fail "the .sha256 does not match"

  listing=$(tar -tzf "$tmp/dist/$name.tar.gz" | tr '\n' ' ')
  expected="$name/ $name/LICENSE $name/README.md $name/THIRD-PARTY-NOTICES.md $name/armlint $name/docs/ $name/docs/armlint.schema.json $name/docs/rule-language.md $name/docs/rules.md "
  [ "$listing" = "$expected" ] || fail "tarball lists '$listing', expected '$expected'"
  TZ=UTC tar -tvzf "$tmp/dist/$name.tar.gz" >"$tmp/verbose"
  if grep -v " 0/0 .* 2023-11-14 22:13 " "$tmp/verbose"; then
    fail "entries above are not owned by 0/0 with SOURCE_DATE_EPOCH's time"
  fi
  grep -q "^-rwxr-xr-x .* $name/armlint\$" "$tmp/verbose" || fail "the binary is not mode 0755"

  # The binary alone in an empty folder, run with an empty environment.
  mkdir -p "$tmp/unpacked" "$tmp/empty"
  tar -xzf "$tmp/dist/$name.tar.gz" -C "$tmp/unpacked"
  mv "$tmp/unpacked/$name/armlint" "$tmp/empty/armlint"
  [ "$(ls -A "$tmp/empty")" = armlint ] || fail "the empty folder is not empty"
  expect_lint 1 violating.json env -i "$tmp/empty/armlint"
  grep -q "storage-" "$tmp/out" || { cat "$tmp/out"; fail "no storage finding on violating.json"; }
  expect_lint 0 clean.json env -i "$tmp/empty/armlint"
  (cd "$tmp/work" && env -i "$tmp/empty/armlint" rules --format json) >"$tmp/rules.json" ||
    fail "armlint rules under env -i"
  rules=$(grep -o '"id":' "$tmp/rules.json" | wc -l)
  [ "$rules" -gt 10 ] || fail "the release binary lists $rules built-in rules"
  echo "ok: $name.tar.gz is reproducible, lists the expected files, and its binary lints under env -i ($rules rules)"
  ;;

wheel)
  python3 -c 'import ensurepip, venv' 2>/dev/null ||
    skip "python3 cannot make a venv with pip (scripts/install-deps.sh dist installs python3-venv)"
  # Every RECORD line's digest and size match the file in the zip.
  python3 - "$tmp/dist/$wheel" <<'EOF' || fail "the wheel's RECORD does not match its files"
import base64, csv, hashlib, io, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
rows = list(csv.reader(io.TextIOWrapper(z.open([n for n in names if n.endswith("RECORD")][0]))))
assert {r[0] for r in rows} == names, "RECORD and the zip list different files"
for path, digest, size in rows:
    if path.endswith("RECORD"):
        continue
    data = z.read(path)
    want = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    assert digest == want and int(size) == len(data), path
EOF
  python3 -m venv "$tmp/venv" || fail "python3 -m venv"
  "$tmp/venv/bin/pip" install --quiet --no-index --disable-pip-version-check "$tmp/dist/$wheel" ||
    fail "pip install --no-index $wheel"
  [ -x "$tmp/venv/bin/armlint" ] || fail "the wheel put no armlint in the venv's bin/"
  tar -xzOf "$tmp/dist/$name.tar.gz" "$name/armlint" >"$tmp/tarball-armlint"
  cmp -s "$tmp/venv/bin/armlint" "$tmp/tarball-armlint" || fail "the wheel's binary is not the tarball's"
  expect_lint 1 violating.json env "PATH=$tmp/venv/bin:/usr/bin:/bin" armlint
  grep -q "storage-" "$tmp/out" || { cat "$tmp/out"; fail "no storage finding on violating.json"; }
  expect_lint 0 clean.json env "PATH=$tmp/venv/bin:/usr/bin:/bin" armlint
  "$tmp/venv/bin/pip" uninstall --quiet --yes armlint || fail "pip uninstall armlint"
  [ ! -e "$tmp/venv/bin/armlint" ] || fail "pip uninstall left bin/armlint behind"
  echo "ok: pip install --no-index $wheel puts a working armlint on the venv's PATH"
  ;;

pre_commit)
  command -v git >/dev/null 2>&1 || skip "git is not installed"
  command -v pre-commit >/dev/null 2>&1 ||
    skip "pre-commit is not installed (scripts/install-deps.sh precommit)"
  git -C "$src" rev-parse --verify -q HEAD >/dev/null 2>&1 ||
    skip "$src is not a git repository with a commit: pre-commit try-repo needs one"
  # No armlint on PATH: the one that runs can only be the wheel's, in the hook's environment.
  PATH=$(dirname "$(command -v pre-commit)"):$(dirname "$(command -v git)"):/usr/bin:/bin
  if command -v armlint >/dev/null 2>&1; then
    skip "an armlint on PATH ($(command -v armlint)) would hide whether the wheel's ran"
  fi
  repo=$tmp/repo
  mkdir -p "$repo" "$tmp/home"
  export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/.cache" PRE_COMMIT_HOME="$tmp/pre-commit"
  export GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_COLOR=never
  # pip, in pre-commit's hook environment, finds the wheel in the dist folder and nothing else.
  export PIP_NO_INDEX=1 PIP_FIND_LINKS="$tmp/dist" PIP_DISABLE_PIP_VERSION_CHECK=1
  git config --global --add safe.directory '*'
  cp "$tmp/work/violating.json" "$tmp/work/clean.json" "$repo/"
  git -C "$repo" init -q
  git -C "$repo" add violating.json clean.json
  offline=""
  if unshare -n true >/dev/null 2>&1; then offline="unshare -n"; fi

  # One run (try-repo builds the hook's environment afresh each time): both files, so the hook
  # fails, with findings for the violating template only.
  set +e
  (cd "$repo" && $offline pre-commit try-repo "$src" armlint-python --files violating.json clean.json) \
    >"$tmp/out" 2>&1
  code=$?
  set -e
  cat "$tmp/out"
  [ "$code" -ne 0 ] || fail "the hook passed a template with findings"
  grep -q "^armlint\.*Failed" "$tmp/out" || fail "pre-commit did not report the armlint hook as failed"
  grep -q "^violating.json:[0-9]*:[0-9]* .*storage-" "$tmp/out" ||
    fail "the hook's output shows no storage finding at violating.json:line:col"
  if grep -q "^clean.json:" "$tmp/out"; then fail "the hook reported findings in clean.json"; fi
  echo "ok: the armlint-python hook installs the wheel offline and reports violating.json only${offline:+ (no network)}"
  ;;

action)
  command -v curl >/dev/null 2>&1 || skip "curl is not installed"
  python3 -c 'import yaml' 2>/dev/null || skip "python3 has no yaml module (python3-yaml)"
  # A release as GitHub serves it, from a file:// URL.
  mkdir -p "$tmp/releases/v$version"
  cp "$tmp/dist/$name.tar.gz" "$tmp/dist/$name.tar.gz.sha256" "$tmp/releases/v$version/"
  export ARMLINT_RELEASE_URL="file://$tmp/releases"
  sha=$(cut -d' ' -f1 "$tmp/dist/$name.tar.gz.sha256")
  n=0
  run_action() {  # want input=value...: runs action.yml in $tmp/work, checks its exit code
    want=$1
    shift
    n=$((n + 1))
    mkdir -p "$tmp/runner$n"
    set +e
    python3 "$src/tests/dist/run_action.py" "$src" "$tmp/work" "$tmp/runner$n" version="$version" "$@" \
      >"$tmp/out" 2>&1
    code=$?
    set -e
    [ "$code" -eq "$want" ] || { cat "$tmp/out"; fail "action.yml with $* exited $code, expected $want"; }
  }
  run_action 1 paths=violating.json format=sarif output=armlint.sarif
  python3 -c 'import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert any(r["ruleId"].startswith("storage-") for r in runs[0]["results"])' "$tmp/work/armlint.sarif" ||
    fail "the action wrote no SARIF with the storage findings"
  run_action 0 paths=clean.json "sha256=$sha"
  run_action 0 paths= && grep -q "/$name\$" "$tmp/out" || fail "paths= did not install armlint on PATH"
  run_action 1 paths=clean.json sha256=0000000000000000000000000000000000000000000000000000000000000000
  grep -q "does not have the sha256" "$tmp/out" || { cat "$tmp/out"; fail "a wrong sha256 was not reported"; }
  # The action and the CI examples pin the release this source builds.
  grep -q "default: \"$version\"" "$src/action.yml" || fail "action.yml's version default is not $version"
  for f in "$src"/examples/ci/*.yml; do
    grep -Eq "armlint/armlint@v$version|ARMLINT_VERSION: $version" "$f" || fail "$f does not pin armlint $version"
  done
  echo "ok: action.yml installs the release from its URL, checks the sha256, lints and writes SARIF"
  ;;

*) fail "unknown mode '$mode' (package, wheel, pre_commit, action)" ;;
esac
