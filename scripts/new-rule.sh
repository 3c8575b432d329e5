#!/usr/bin/env bash
# Scaffolds a built-in rule: rules/<pillar>/<ID>.json and its fixtures tests/rules/<ID>/
# (fail_literal.json, pass_secure.json), to be filled in as CONTRIBUTING.md describes.
#
#   scripts/new-rule.sh ID CATEGORY [RESOURCE_TYPE]
#   scripts/new-rule.sh keyvault-soft-delete Reliability Microsoft.KeyVault/vaults
#
# CATEGORY: Security, Cost, Reliability, Performance or OperationalExcellence (the folder is the
# pillar: security/, cost/, reliability/, performance/, operational-excellence/).
#
# The scaffold cannot land half-written: every place to fill in says TODO(new-rule);
# `armlint rules --check rules` rejects the rule until its learnMoreLink is a real https:// link,
# and the test rules.no_scaffold_placeholders fails while any TODO(new-rule) is left in rules/ or
# tests/rules/. Exit 0 written, 2 usage error or the rule exists (nothing is overwritten).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
marker='TODO(new-rule)'

usage() {
  echo "usage: scripts/new-rule.sh ID CATEGORY [RESOURCE_TYPE]" >&2
  echo "  e.g. scripts/new-rule.sh keyvault-soft-delete Reliability Microsoft.KeyVault/vaults" >&2
  exit 2
}
[[ $# -ge 2 && $# -le 3 ]] || usage
id=$1
category=$2
type=${3:-}

if [[ ! $id =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]]; then
  echo "new-rule.sh: rule id '$id' must be kebab-case (lowercase letters, digits and single dashes)" >&2
  exit 2
fi
case $category in
  Security) pillar=security ;;
  Cost) pillar=cost ;;
  Reliability) pillar=reliability ;;
  Performance) pillar=performance ;;
  OperationalExcellence) pillar=operational-excellence ;;
  *)
    echo "new-rule.sh: unknown category '$category' (Security, Cost, Reliability, Performance or OperationalExcellence)" >&2
    exit 2
    ;;
esac
type_comment=""
if [[ -z $type ]]; then
  type="Microsoft.Example/resources"
  type_comment="  // $marker: the resource type the rule applies to (a string or an array of them)."$'\n'
elif [[ ! $type =~ ^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+(/[A-Za-z0-9]+)+$ ]]; then
  echo "new-rule.sh: invalid resource type '$type' (expected 'Namespace.Provider/type[/child]', e.g. 'Microsoft.Storage/storageAccounts')" >&2
  exit 2
fi

rule=$root/rules/$pillar/$id.json
fixtures=$root/tests/rules/$id
existing=$(find "$root/rules" -name "$id.json" 2>/dev/null | head -n 1)
if [[ -n $existing ]]; then
  echo "new-rule.sh: rule '$id' already exists: ${existing#"$root"/}" >&2
  exit 2
fi
if [[ -e $fixtures ]]; then
  echo "new-rule.sh: fixture folder already exists: tests/rules/$id" >&2
  exit 2
fi

mkdir -p "$root/rules/$pillar" "$fixtures"
cat >"$rule" <<EOF
{
  // $marker: fill in each $marker and delete these comments (CONTRIBUTING.md).
  // $marker: "if" describes the VIOLATION: a resource is reported where it holds.
  "id": "$id",
  "category": "$category",
  // $marker: High, Medium or Low.
  "impact": "Medium",
$type_comment  "resourceType": "$type",
  "problem": "$marker: what is wrong, in one sentence, as the user reads it in a finding.",
  "solution": "$marker: how to fix it; if an absent property is not reported because the API default is safe, say so.",
  "learnMoreLink": "$marker: https://learn.microsoft.com/azure/... (the Azure doc this rule rests on)",
  "if": {
    "field": "properties.$marker",
    "equals": "insecure-value"
  }
}
EOF

fixture() {  # fixture FILE VALUE MARK
  cat >"$fixtures/$1" <<EOF
{
  // $marker: $3
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "$type",
      "apiVersion": "2024-01-01",
      "name": "example",
      "location": "[resourceGroup().location]",
      "properties": {
        "$marker": "$2"$4
      }
    }
  ]
}
EOF
}
fixture fail_literal.json insecure-value \
  "a template that violates the rule; '// expect: $id' ends each line it must be reported on. Add fail_param.json (the value from a parameter default) where it applies." \
  " // expect: $id"
fixture pass_secure.json secure-value \
  "a near miss that must not be reported (the secure value). Add pass_absent.json (property absent) and pass_param.json (a secure parameter value) where they apply." \
  ""

echo "new-rule.sh: wrote rules/$pillar/$id.json and tests/rules/$id/{fail_literal,pass_secure}.json"
echo "Next: replace every $marker (grep -rn '$marker' rules tests/rules), then"
echo "  build/armlint rules --check rules && build/armlint test-rules . && make docs"
