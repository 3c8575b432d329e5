#!/usr/bin/env bash
# scripts/new-rule.sh in a scratch copy of the repository layout: it writes a rule and its
# fixtures that `armlint rules --check` and the placeholder check reject until filled in; filled
# in as CONTRIBUTING.md says, the rule loads and passes its fixtures; bad arguments exit 2.
#   tests/scripts/new_rule_test.sh SOURCE_DIR ARMLINT
set -uo pipefail
src=$1
armlint=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$work/scripts" "$work/rules/security" "$work/tests/rules"
cp "$src/scripts/new-rule.sh" "$work/scripts/"
placeholders() { cmake -DROOT="$work" -P "$src/tests/scripts/check_placeholders.cmake" 2>&1; }

# Bad arguments: exit 2 with a message, nothing written.
for args in "" "kv-demo" "Kv_Demo Reliability" "kv-demo Safety" "kv-demo Reliability notatype"; do
  # shellcheck disable=SC2086
  out=$("$work/scripts/new-rule.sh" $args 2>&1); code=$?
  [[ $code -eq 2 ]] || fail "new-rule.sh $args: exit $code, expected 2: $out"
done
[[ -z $(ls "$work/tests/rules") ]] || fail "a bad call wrote files"

out=$("$work/scripts/new-rule.sh" kv-demo Reliability Microsoft.KeyVault/vaults 2>&1) ||
  fail "new-rule.sh: $out"
rule=$work/rules/reliability/kv-demo.json
fixtures=$work/tests/rules/kv-demo
[[ -f $rule && -f $fixtures/fail_literal.json && -f $fixtures/pass_secure.json ]] ||
  fail "missing output: $(cd "$work" && find rules tests -type f)"
out=$("$work/scripts/new-rule.sh" kv-demo Security 2>&1); code=$?
[[ $code -eq 2 && $out == *"already exists: rules/reliability/kv-demo.json"* ]] ||
  fail "second scaffold of kv-demo: exit $code: $out"

# As written, the scaffold is rejected: by the rule-pack check (file:line:col) and the
# placeholder check (every file).
out=$("$armlint" rules --check "$work/rules" 2>&1); code=$?
[[ $code -eq 2 && $out == *"kv-demo.json:"*"learnMoreLink"* ]] ||
  fail "rules --check accepted the unfilled scaffold (exit $code): $out"
out=$(placeholders) && fail "placeholder check passed on the unfilled scaffold: $out"
for f in rules/reliability/kv-demo.json tests/rules/kv-demo/fail_literal.json \
         tests/rules/kv-demo/pass_secure.json; do
  [[ $out == *"$f:"* ]] || fail "placeholder check did not name $f: $out"
done

# Filled in (a Key Vault without purge protection): it loads, and its fixtures pass.
for f in "$rule" "$fixtures"/*.json; do
  sed -i -e '/\/\/ TODO(new-rule)/d' \
    -e 's|"TODO(new-rule): https://[^"]*"|"https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview"|' \
    -e 's|TODO(new-rule): ||' -e 's|TODO(new-rule)|enablePurgeProtection|' \
    -e 's|"insecure-value"|false|' -e 's|"secure-value"|true|' "$f"
done
out=$(placeholders) || fail "placeholders left after filling in: $out"
out=$("$armlint" rules --check "$work/rules" 2>&1) || fail "rules --check on the filled-in rule: $out"
[[ $out == *"1 rules OK"* ]] || fail "rules --check did not load the rule: $out"
out=$("$armlint" test-rules "$work" 2>&1) || fail "test-rules on the filled-in rule: $out"

# The fixtures are real: with the condition inverted, they fail.
sed -i 's|"equals": false|"equals": true|' "$rule"
out=$("$armlint" test-rules "$work" 2>&1) && fail "test-rules passed with the condition inverted: $out"
echo "new-rule.sh: scaffold rejected until filled in, then loads and passes its fixtures"
