#!/usr/bin/env bash
# Checks for what armlint needs to build and test, and installs what is missing from Debian
# packages. Each requirement is probed for itself (a command, a header the compiler finds, a
# Python module), not looked up in dpkg, so a machine that has the tools from anywhere needs no
# apt; apt-get runs only when a probe fails, and `apt-get update` only then.
#
# Usage: install-deps.sh [--check | --note] [GROUP...]
#   (no flag)  install what is missing (as root, or with sudo); the base set is always checked
#   --check    install nothing: list what is missing and exit 1 if anything is
#   --note     install nothing: for the GROUPs only, say which tests will skip, and exit 0
# Groups: fuzz (clang and its fuzzer runtime), html (chromium, for the HTML rendering test),
# precommit (pre-commit and git, for the hook tests), dist (python3-venv, for the wheel test),
# bench (hyperfine and time, scripts/bench-corpus.sh).
set -euo pipefail

mode=install
case "${1:-}" in
  --check) mode=check; shift ;;
  --note) mode=note; shift ;;
esac

# "package|probe|what needs it": the probe is a shell command that succeeds when the
# requirement is met. Headers are probed by preprocessing them (has_headers below).
base=(
  "build-essential|command -v c++ && command -v make|the build"
  "cmake|command -v cmake|the build"
  "pkg-config|command -v pkg-config|the build"
  "libboost-json1.81-dev|has_headers boost/json.hpp|the build"
  "libre2-dev|has_headers re2/re2.h && pkg-config --exists re2|the build"
  "libabsl-dev|has_headers absl/status/statusor.h|the build"
  "libcli11-dev|has_headers CLI/CLI.hpp|the build"
  "libpugixml-dev|has_headers pugixml.hpp && pkg-config --exists pugixml|the build"
  "libgtest-dev|has_headers gtest/gtest.h|the tests"
  "libgmock-dev|has_headers gmock/gmock.h|the tests"
  "libbenchmark-dev|has_headers benchmark/benchmark.h|the benchmarks"
  "python3|command -v python3|the tests"
  "python3-jsonschema|python3 -c 'import jsonschema'|the config schema test"
)
group_fuzz=(
  "clang|command -v clang|make test-sanitize and the fuzz targets"
  "libclang-rt-14-dev|test -e \"\$(clang -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a\"|the fuzz targets"
)
group_html=("chromium|command -v chromium|HtmlReport.RendersInHeadlessChromium")
group_precommit=(
  "pre-commit|command -v pre-commit|cli.pre_commit and dist.pre_commit"
  "git|command -v git|cli.pre_commit and dist.pre_commit"
)
group_dist=("python3-venv|python3 -c 'import ensurepip, venv'|dist.wheel and dist.pre_commit")
group_bench=(
  "hyperfine|command -v hyperfine|make bench"
  "time|test -x /usr/bin/time|make bench"
)

requirements=()
[[ "$mode" == note ]] || requirements+=("${base[@]}")
for group in "$@"; do
  case "$group" in
    fuzz) requirements+=("${group_fuzz[@]}") ;;
    html) requirements+=("${group_html[@]}") ;;
    precommit) requirements+=("${group_precommit[@]}") ;;
    dist) requirements+=("${group_dist[@]}") ;;
    bench) requirements+=("${group_bench[@]}") ;;
    *) echo "install-deps.sh: unknown group '$group' (fuzz, html, precommit, dist, bench)" >&2; exit 2 ;;
  esac
done

# Succeeds when the C++ compiler finds every header given.
has_headers() {
  command -v c++ >/dev/null 2>&1 || return 1
  printf '#include <%s>\n' "$@" | c++ -std=c++20 -E -x c++ - -o /dev/null >/dev/null 2>&1
}

# Fast path: all build headers in one compiler run; probed one by one only if that fails.
headers_ok=0
if [[ "$mode" != note ]] && has_headers boost/json.hpp re2/re2.h absl/status/statusor.h \
    CLI/CLI.hpp gtest/gtest.h gmock/gmock.h benchmark/benchmark.h; then
  headers_ok=1
fi

missing=()
reasons=()
for req in "${requirements[@]}"; do
  IFS='|' read -r package probe why <<<"$req"
  if [[ $headers_ok == 1 && "$probe" == has_headers* && "$probe" != *"&&"* ]]; then
    continue
  fi
  if ! eval "$probe" >/dev/null 2>&1; then
    missing+=("$package")
    reasons+=("$package: needed by $why")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

case "$mode" in
  note)
    echo "install-deps.sh: not installed, so these tests will skip:"
    printf '  %s\n' "${reasons[@]}"
    echo "  (scripts/install-deps.sh $* installs them)"
    exit 0
    ;;
  check)
    echo "install-deps.sh: missing:" >&2
    printf '  %s\n' "${reasons[@]}" >&2
    echo "install with: apt-get install ${missing[*]}   (or scripts/install-deps.sh $*)" >&2
    exit 1
    ;;
esac

echo "install-deps.sh: missing:"
printf '  %s\n' "${reasons[@]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: no apt-get on this system; install the above (Debian package names)" >&2
  echo "with your package manager, then run make again." >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps.sh: need root or sudo to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "install-deps.sh: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
