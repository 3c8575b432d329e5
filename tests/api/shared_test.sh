#!/bin/sh
# libarmlint as a shared library, built through add_subdirectory (tests/api/subdir): the
# consumer built with it runs; `cmake --install` gives libarmlint.so.X.Y.Z with SONAME
# libarmlint.so.X and a CLI that finds it; the C example builds against the installed shared
# package; the Python ctypes example (examples/embed/python/lint.py) lints with it.
# usage: shared_test.sh SOURCE_DIR BUILD_DIR
# env: CMAKE_COMMAND, CMAKE_GENERATOR, CC, CXX, CMAKE_BUILD_TYPE, PYTHON3 (CTest sets them).
# The library is built in BUILD_DIR/embed-shared and kept, so later runs are incremental.
set -eu
src=$1
build=$2
cmake=${CMAKE_COMMAND:-cmake}
sub=$build/embed-shared
work=$(mktemp -d "${TMPDIR:-/tmp}/armlint-shared.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
expected="main.json:3:54 High storage-min-tls"
major=$(sed -n 's/^#define ARMLINT_VERSION_MAJOR \([0-9]*\)$/\1/p' "$src/lib/include/armlint/armlint.h")

fail() {
  echo "shared_test: $*" >&2
  exit 1
}

"$cmake" -S "$src/tests/api/subdir" -B "$sub" -DARMLINT_SOURCE_DIR="$src" \
  -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" \
  -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_CXX_COMPILER="${CXX:-c++}" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "configuring the add_subdirectory project failed"; }
"$cmake" --build "$sub" -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" >"$work/build.log" 2>&1 ||
  { tail -50 "$work/build.log"; fail "building the add_subdirectory project failed"; }
"$sub/lint_buffer" >"$work/subdir.out" || fail "add_subdirectory consumer failed"
grep -qx "$expected" "$work/subdir.out" || { cat "$work/subdir.out"; fail "no '$expected'"; }

"$cmake" --install "$sub" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install failed"; }
so=$(find "$prefix" -name 'libarmlint.so.*.*.*')
[ -n "$so" ] || fail "no versioned libarmlint.so installed"
libdir=$(dirname "$so")
[ -L "$libdir/libarmlint.so.$major" ] && [ -L "$libdir/libarmlint.so" ] ||
  fail "libarmlint.so.$major / libarmlint.so links missing"
if command -v readelf >/dev/null 2>&1; then
  readelf -d "$so" | grep -q "SONAME.*\[libarmlint\.so\.$major\]" ||
    fail "SONAME is not libarmlint.so.$major: $(readelf -d "$so" | grep SONAME)"
fi
"$prefix/bin/armlint" --help >/dev/null || fail "installed CLI does not find the shared library"

"$cmake" -S "$src/examples/embed/c" -B "$work/c" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  -DCMAKE_C_COMPILER="${CC:-cc}" -DCMAKE_CXX_COMPILER="${CXX:-c++}" >"$work/c.log" 2>&1 &&
  "$cmake" --build "$work/c" >>"$work/c.log" 2>&1 ||
  { cat "$work/c.log"; fail "building examples/embed/c against the shared package failed"; }
"$work/c/lint_buffer_c" >"$work/c.out" || fail "C consumer (shared) failed"
cmp -s "$work/subdir.out" "$work/c.out" || { diff "$work/subdir.out" "$work/c.out"; fail "C differs"; }

if [ -n "${PYTHON3:-}" ] && "$PYTHON3" --version >/dev/null 2>&1; then
  "$PYTHON3" "$src/examples/embed/python/lint.py" --lib "$libdir/libarmlint.so.$major" \
    >"$work/py.out" || fail "lint.py failed"
  cmp -s "$work/subdir.out" "$work/py.out" || { diff "$work/subdir.out" "$work/py.out"; fail "Python differs"; }
  "$PYTHON3" "$src/examples/embed/python/lint.py" --lib "$libdir/libarmlint.so.$major" \
    --format sarif >"$work/py.sarif" || fail "lint.py --format sarif failed"
  grep -q '"storage-min-tls"' "$work/py.sarif" || fail "lint.py SARIF lacks the finding"
  if "$PYTHON3" "$src/examples/embed/python/lint.py" --lib "$libdir/libarmlint.so.$major" \
    --format yaml >/dev/null 2>"$work/py.err"; then
    fail "lint.py --format yaml succeeded"
  fi
  grep -q "INVALID_ARGUMENT" "$work/py.err" || fail "lint.py: no error message for a bad format"
  echo "shared_test: Python ctypes example ran"
else
  echo "shared_test: python3 not found; skipped the ctypes example"
fi
echo "shared_test: shared library, add_subdirectory, C and Python consumers:"
cat "$work/subdir.out"
