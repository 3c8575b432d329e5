#!/bin/sh
# Checks SARIF files with Microsoft's SARIF Multitool against the SARIF and GitHub code-scanning
# ingestion rules (`validate --rule-kind "Sarif;Gh"`), as issue 6 asks.
#   sarif_multitool.sh FILE...
# Exit 0: no error or warning; 1: the tool reported some (printed); 77: tool unavailable.
# The tool (npm @microsoft/sarif-multitool, a self-contained .NET binary) is installed on first
# use into tests/tools/ (git-ignored); ARMLINT_NO_TOOL_INSTALL=1 skips the install.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools"
version=5.7.0
bin="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -f "$bin" ]; then
  if [ "${ARMLINT_NO_TOOL_INSTALL:-}" = 1 ] || ! command -v npm >/dev/null 2>&1; then
    echo "sarif-multitool is not installed and npm is unavailable or installs are disabled"
    exit 77
  fi
  mkdir -p "$tools"
  if ! npm install --no-save --silent --prefix "$tools" "@microsoft/sarif-multitool@$version" \
      >/dev/null 2>&1 || [ ! -f "$bin" ]; then
    echo "could not install @microsoft/sarif-multitool@$version with npm (offline? not linux-x64?)"
    exit 77
  fi
fi
# npm may not run the package's postinstall (chmod u+x) when install scripts are not allowed.
[ -x "$bin" ] || chmod u+x "$bin" || exit 77
status=0
for f in "$@"; do
  out=$("$bin" validate "$f" --rule-kind "Sarif;Gh" --level "Error;Warning" 2>&1)
  if [ $? -ne 0 ] && ! printf '%s' "$out" | grep -q "Analysis completed"; then
    printf '%s\n' "$out"
    echo "sarif-multitool could not run"
    exit 77
  fi
  # The tool exits 0 even when it reports problems: read its report lines.
  issues=$(printf '%s\n' "$out" | grep -E ': (error|warning) [A-Z]+[0-9]+:')
  if [ -n "$issues" ]; then
    printf '%s\n' "$issues"
    status=1
  fi
done
exit $status
