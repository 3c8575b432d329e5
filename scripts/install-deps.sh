#!/usr/bin/env bash
# Installs what armlint needs to build and test, from Debian packages only. Idempotent:
# installs only what is missing and runs `apt-get update` only when something is.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-json1.81-dev libre2-dev libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
  python3 python3-jsonschema
)
# Extra groups: `install-deps.sh fuzz` adds clang and its runtime, `html` adds chromium,
# `precommit` the pre-commit tool, `bench` hyperfine (scripts/bench-corpus.sh).
for extra in "$@"; do
  case "$extra" in
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    html) packages+=(chromium) ;;
    precommit) packages+=(pre-commit git) ;;
    bench) packages+=(hyperfine time) ;;
    *) echo "install-deps.sh: unknown group '$extra' (fuzz, html, precommit, bench)" >&2; exit 2 ;;
  esac
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: no apt on this system; install these packages (or equivalents):" >&2
  printf '  %s\n' "${packages[@]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps.sh: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
