#!/usr/bin/env bash
# Packages a static armlint binary into the release artefacts (`make dist`):
#   OUT/armlint-<version>-linux-x86_64.tar.gz         the binary, README, LICENSE, notices, docs
#   OUT/armlint-<version>-linux-x86_64.tar.gz.sha256  in `sha256sum -c` format
#   OUT/armlint-<version>-py3-none-manylinux_2_17_x86_64.whl   (scripts/armlint_wheel.py)
# Reproducible: the same binary and sources give the same bytes. Every file's time is
# SOURCE_DATE_EPOCH (default: the last commit's time), owner 0:0, fixed modes, entries sorted by
# name, and gzip stores no name or time (-n).
#
# Usage: scripts/dist.sh BINARY OUT_DIR
set -euo pipefail
binary=$1
out=$2
src=$(cd "$(dirname "$0")/.." && pwd)

version=$(sed -n 's/^project(armlint VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[[ -n "$version" ]] || { echo "dist.sh: no version in CMakeLists.txt" >&2; exit 1; }
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]]; then
  SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct 2>/dev/null || echo 315532800)
fi
export SOURCE_DATE_EPOCH

# The release binary must not need a dynamic loader or any shared library.
[[ -x "$binary" ]] || { echo "dist.sh: no executable at $binary" >&2; exit 1; }
if readelf -l "$binary" | grep -q INTERP || readelf -d "$binary" | grep -q NEEDED; then
  echo "dist.sh: $binary is dynamically linked; configure with -DARMLINT_STATIC_CLI=ON" >&2
  exit 1
fi
reported=$("$binary" --version)
[[ "$reported" == *"$version"* ]] ||
  { echo "dist.sh: $binary reports '$reported', the sources say $version" >&2; exit 1; }

name=armlint-$version-linux-x86_64
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/docs"
strip --strip-all -o "$stage/$name/armlint" "$binary"
chmod 0755 "$stage/$name/armlint"
for f in README.md LICENSE THIRD-PARTY-NOTICES.md docs/rules.md docs/rule-language.md \
    docs/armlint.schema.json; do
  install -m 0644 "$src/$f" "$stage/$name/$f"
done
chmod 0755 "$stage/$name" "$stage/$name/docs"

mkdir -p "$out"
tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
  --mtime="@$SOURCE_DATE_EPOCH" -C "$stage" -cf - "$name" | gzip -9n >"$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

# The wheel carries the same stripped binary as the tarball.
python3 "$src/scripts/armlint_wheel.py" --binary "$stage/$name/armlint" --out "$out" \
  --source "$src" >/dev/null
(cd "$out" && ls -l "$name.tar.gz" "$name.tar.gz.sha256" \
  "armlint-$version-py3-none-manylinux_2_17_x86_64.whl" && cat "$name.tar.gz.sha256")
