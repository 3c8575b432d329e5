#!/bin/sh
# Installs armlint from an existing build into a temporary prefix, then configures, builds and
# runs the embedding examples (examples/embed/cpp and c, via the CMake package and via
# pkg-config) against that installed tree only.
# usage: install_test.sh SOURCE_DIR BUILD_DIR
# env: CMAKE_COMMAND, CMAKE_GENERATOR, CC, CXX, CMAKE_BUILD_TYPE (CTest sets them).
set -eu
src=$1
build=$2
cmake=${CMAKE_COMMAND:-cmake}
work=$(mktemp -d "${TMPDIR:-/tmp}/armlint-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
expected="main.json:3:54 High storage-min-tls"

fail() {
  echo "install_test: $*" >&2
  exit 1
}

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install $build failed"; }

pc=$(find "$prefix" -name armlint.pc)
[ -n "$pc" ] || fail "armlint.pc not installed"
libdir=$(cd "$(dirname "$pc")/.." && pwd)
for f in include/armlint/armlint.h include/armlint/armlint.hpp bin/armlint \
  share/doc/armlint/README.md share/doc/armlint/rules.md share/doc/armlint/armlint-help.txt; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
for f in cmake/armlint/armlintConfig.cmake cmake/armlint/armlintConfigVersion.cmake \
  cmake/armlint/armlintTargets.cmake; do
  [ -e "$libdir/$f" ] || fail "not installed: $libdir/$f"
done
[ -e "$libdir/libarmlint.a" ] || [ -e "$libdir/libarmlint.so" ] || fail "no libarmlint in $libdir"
grep -q -- "--format" "$prefix/share/doc/armlint/armlint-help.txt" || fail "help text lacks --format"
"$prefix/bin/armlint" --help >/dev/null || fail "installed CLI does not run"

# A consumer project configured against the prefix only (no package registry, no build tree).
consumer() {
  name=$1
  "$cmake" -S "$src/examples/embed/$name" -B "$work/$name" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
    -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_CXX_COMPILER="${CXX:-c++}" >"$work/$name.log" 2>&1 &&
    "$cmake" --build "$work/$name" >>"$work/$name.log" 2>&1 ||
    { cat "$work/$name.log"; fail "building examples/embed/$name against $prefix failed"; }
  grep -q "^armlint_DIR:PATH=$libdir/cmake/armlint\$" "$work/$name/CMakeCache.txt" ||
    fail "examples/embed/$name did not use the installed package: $(grep armlint_DIR "$work/$name/CMakeCache.txt")"
}
consumer cpp
consumer c
"$work/cpp/lint_buffer" >"$work/cpp.out" || fail "C++ consumer failed"
"$work/c/lint_buffer_c" >"$work/c.out" || fail "C consumer failed"
grep -qx "$expected" "$work/cpp.out" || { cat "$work/cpp.out"; fail "C++ consumer: no '$expected'"; }
cmp -s "$work/cpp.out" "$work/c.out" || { diff "$work/cpp.out" "$work/c.out"; fail "C and C++ differ"; }

# pkg-config: the C example with nothing but the .pc file's flags.
if command -v pkg-config >/dev/null 2>&1; then
  export PKG_CONFIG_PATH="$libdir/pkgconfig"
  flags=$(pkg-config --cflags --libs armlint) || fail "pkg-config armlint failed"
  # shellcheck disable=SC2086 # the flags are words
  "${CC:-cc}" -std=c99 -Wall -Wextra -pedantic -o "$work/c_pkgconfig" "$src/examples/embed/c/main.c" \
    $flags || fail "building the C example with pkg-config flags failed: $flags"
  "$work/c_pkgconfig" | cmp -s - "$work/c.out" || fail "pkg-config C consumer output differs"
else
  echo "install_test: pkg-config not found; skipped the pkg-config consumer"
fi
echo "install_test: C++ and C consumers built and ran against $prefix:"
cat "$work/c.out"
