#!/usr/bin/env bash
# Downloads an armlint release tarball, checks its sha256 and unpacks it; prints the folder that
# holds the armlint binary. Used by the GitHub Action (action.yml); examples/ci/ inline the same
# steps for the other CI systems.
#
# Usage: install-release.sh VERSION DEST [SHA256]
#   SHA256 pins the tarball's digest; without it the digest published beside the tarball
#   (armlint-VERSION-linux-x86_64.tar.gz.sha256) is used, which catches a broken download but
#   not a replaced release. ARMLINT_RELEASE_URL overrides where releases are fetched from.
set -euo pipefail
version=${1:?usage: install-release.sh VERSION DEST [SHA256]}
dest=${2:?usage: install-release.sh VERSION DEST [SHA256]}
want=${3:-}

if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then
  echo "install-release.sh: armlint releases are built for Linux x86-64, not $(uname -s) $(uname -m)" >&2
  exit 1
fi
name=armlint-$version-linux-x86_64
url=${ARMLINT_RELEASE_URL:-https://github.com/armlint/armlint/releases/download}/v$version/$name.tar.gz

mkdir -p "$dest"
cd "$dest"
curl -fsSL --retry 3 -o "$name.tar.gz" "$url"
if [[ -z "$want" ]]; then
  want=$(curl -fsSL --retry 3 "$url.sha256" | cut -d' ' -f1)
fi
if ! echo "$want  $name.tar.gz" | sha256sum -c --status -; then
  echo "install-release.sh: $name.tar.gz does not have the sha256 $want" >&2
  rm -f "$name.tar.gz"
  exit 1
fi
tar -xzf "$name.tar.gz"
rm -f "$name.tar.gz"
"$PWD/$name/armlint" --version >&2
echo "$PWD/$name"
