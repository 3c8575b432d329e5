#!/usr/bin/env bash
# Copies seed inputs for the libFuzzer targets into DEST (default fuzz/corpus, git-ignored):
#   fuzz_json, fuzz_template: JSON files of tests/ and ../shared/corpus (< 64 KiB each)
#   fuzz_expression:          the expression texts found in those templates
#   fuzz_rules:               the built-in rule files and the test rule files
#   fuzz_policy:              the policy test files and ../shared/azure-policy's built-in
#                             definitions and initiatives (< 64 KiB each)
# Idempotent; never commit what it writes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/fuzz/corpus}
corpus=${ARMLINT_CORPUS_DIR:-$root/../shared/corpus}
mkdir -p "$dest"/{fuzz_json,fuzz_template,fuzz_expression,fuzz_rules,fuzz_policy}

python3 - "$root" "$corpus" "$dest" <<'PY'
import hashlib, json, os, sys
root, corpus, dest = sys.argv[1:4]

def files(top, ext=(".json", ".jsonc")):
    if not os.path.isdir(top):
        return
    for d, _, names in os.walk(top):
        for n in sorted(names):
            if n.endswith(ext):
                yield os.path.join(d, n)

def put(target, data):
    h = hashlib.sha1(data).hexdigest()
    path = os.path.join(dest, target, h)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)

def expressions(v, out):
    if isinstance(v, str):
        if len(v) > 2 and v[0] == "[" and v[-1] == "]" and not v.startswith("[["):
            out.add(v[1:-1])
    elif isinstance(v, list):
        for x in v:
            expressions(x, out)
    elif isinstance(v, dict):
        for x in v.values():
            expressions(x, out)

exprs = set()
count = 0
for top in (os.path.join(root, "tests"), os.path.join(root, "examples"), corpus):
    for p in files(top):
        if os.path.getsize(p) > 65536:
            continue
        data = open(p, "rb").read()
        put("fuzz_json", data)
        put("fuzz_template", data)
        count += 1
        try:
            expressions(json.loads(data), exprs)
        except Exception:
            pass
for e in sorted(exprs)[:5000]:
    put("fuzz_expression", e.encode())
rules = 0
for top in (os.path.join(root, "rules"), os.path.join(root, "tests", "cli", "testdata", "rules")):
    for p in files(top, (".json",)):
        put("fuzz_rules", open(p, "rb").read())
        rules += 1
policies = 0
for top in (os.path.join(root, "tests", "policy"), os.path.join(os.path.dirname(corpus), "azure-policy", "built-in-policies")):
    for p in files(top, (".json",)):
        if os.path.getsize(p) <= 65536:
            put("fuzz_policy", open(p, "rb").read())
            policies += 1
print(f"fuzz-seeds: {count} JSON files, {min(len(exprs), 5000)} expressions, {rules} rule files, "
      f"{policies} policy files -> {dest}")
PY
