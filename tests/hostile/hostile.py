#!/usr/bin/env python3
"""Hostile-input suite: generates broken, huge and malicious inputs into a scratch directory and
runs the built armlint CLI over each, checking that it

  - exits 0, 1 or 2 (never a signal) within a time bound (`timeout`),
  - stays within a memory bound (RLIMIT_AS; skipped for sanitizer builds, which reserve
    terabytes of address space),
  - prints file:line:col for each exit-2 input error,
  - still reports a good file's findings next to broken ones, and
  - never prints a secureString canary, in any format or in `armlint expand`.

Nothing large is checked in: every input is generated here at test time.
Usage: hostile.py --cli build/armlint [--work DIR] [--only SUBSTRING] [--list]
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
PSCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
CANARY = "Canary-S3cret-7f1d2e"
CANARY2 = "Param-File-S3cret-9a8b"
LOC = re.compile(r"[\w./-]+\.jsonc?:\d+:\d+")
TIME_LIMIT = float(os.environ.get("HOSTILE_TIME_LIMIT", "30"))
MEM_LIMIT = 3 << 30  # bytes of address space per CLI run (non-sanitizer builds)


def tmpl(resources=None, **extra):
    t = {"$schema": SCHEMA, "contentVersion": "1.0.0.0"}
    t.update(extra)
    t["resources"] = [] if resources is None else resources
    return t


def j(v):
    return json.dumps(v, indent=1).encode()


def storage(name="stbad001", https=False):
    return {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": name,
            "location": "westeurope", "kind": "StorageV2", "sku": {"name": "Standard_LRS"},
            "properties": {"supportsHttpsTrafficOnly": https}}


def expr_tmpl(expression, variables=None, params=None, functions=None):
    """A template whose output and a storage account's tag evaluate `expression`."""
    t = tmpl([dict(storage(), tags={"probe": "[" + expression + "]"})],
             outputs={"probe": {"type": "object", "value": {"v": "[" + expression + "]"}}})
    if params:
        t["parameters"] = params
    if variables:
        t["variables"] = variables
    if functions:
        t["functions"] = functions
    return j(t)


class Case:
    def __init__(self, name, files, args=None, codes=(0, 1, 2), loc=True, find=(), absent=(),
                 timeout=None, findings_for=None, cmd=None):
        self.name = name
        self.files = files            # relpath -> bytes | callable(dir) | ("symlink", target)
        self.args = args              # armlint arguments (default: all files, --no-config)
        self.codes = codes
        self.loc = loc                # exit 2 -> output has file:line:col
        self.find = find              # regexes that must appear in the output
        self.absent = absent          # strings that must not appear
        self.timeout = timeout or TIME_LIMIT
        self.cmd = cmd


def cases():
    c = []
    add = c.append
    # ---- JSON ------------------------------------------------------------------------------
    add(Case("json-empty", {"a.json": b""}, codes=(2,)))
    add(Case("json-bom-only", {"a.json": b"\xef\xbb\xbf"}, codes=(2,)))
    add(Case("json-nul-bytes", {"a.json": b'{"a": "x\x00y", \x00}'}, codes=(2,)))
    add(Case("json-nul-only", {"a.json": b"\x00" * 4096}, codes=(2,)))
    add(Case("json-invalid-utf8", {"a.json": b'{"a": "\xff\xfe\xc3\x28 \xed\xa0\x80"}'}, codes=(0, 2)))
    add(Case("json-invalid-utf8-template",
             {"a.json": j(tmpl([storage()])).replace(b"westeurope", b"west\xffeurope")},
             codes=(1, 2)))
    good = j(tmpl([storage()]))
    for cut in (1, 10, len(good) // 2, len(good) - 1):
        add(Case(f"json-truncated-{cut}", {"a.json": good[:cut]}, codes=(2,)))
    add(Case("json-deep-arrays", {"a.json": b"[" * 300000}, codes=(2,), find=("kMaxJsonDepth",)))
    add(Case("json-deep-objects", {"a.json": b'{"a":' * 200000}, codes=(2,), find=("kMaxJsonDepth",)))
    add(Case("json-deep-closed", {"a.json": b"[" * 100000 + b"]" * 100000}, codes=(2,)))
    add(Case("json-deep-in-template",
             {"a.json": b'{"$schema":"' + SCHEMA.encode() + b'","resources":[],"variables":{"v":'
              + b"[" * 5000 + b"]" * 5000 + b"}}"}, codes=(2,), find=("kMaxJsonDepth",)))
    # Not a manifest: nothing to lint, which --allow-empty accepts.
    add(Case("json-huge-string", {"a.json": b'{"a": "' + b"x" * (40 << 20) + b'"}'},
             args=["--no-config", "--allow-empty", "a.json"], codes=(0,)))
    add(Case("json-huge-string-template",
             {"a.json": j(tmpl([dict(storage(), tags={"t": "y" * (20 << 20)})]))}, codes=(1,),
             timeout=60))
    add(Case("json-huge-file", {"a.json": b"[" + b"1," * (30 << 20) + b"1]"}, codes=(0, 2),
             timeout=90))
    add(Case("json-over-file-limit", {"a.json": b" " * ((64 << 20) + 10) + b"{}"}, codes=(2,),
             find=("kMaxFileBytes",)))
    add(Case("json-huge-numbers",
             {"a.json": b'{"a": 1e999999, "b": -1e999999, "c": 123456789012345678901234567890,'
              b' "d": 0.' + b"1" * 100000 + b', "e": -0, "f": 1e-999999}'}, codes=(0, 2)))
    add(Case("json-huge-number-template",
             {"a.json": j(tmpl([dict(storage(), name="[string(mul(9223372036854775807, 2))]")]))
              .replace(b'"contentVersion"', b'"n": 1' + b"0" * 400 + b', "contentVersion"')},
             codes=(1, 2)))
    add(Case("json-duplicate-keys",
             {"a.json": b'{"$schema":"' + SCHEMA.encode() + b'","resources":[{"type":"Microsoft.Storage/storageAccounts","apiVersion":"2023-01-01","name":"s","name":"s2","location":"westeurope","properties":{"supportsHttpsTrafficOnly":true,"supportsHttpsTrafficOnly":false}}]}'},
             codes=(1, 2)))
    add(Case("json-binary-garbage", {"a.json": bytes((i * 7919 + 13) % 256 for i in range(1 << 16))},
             codes=(2,)))
    for name, text in (("number", b"42"), ("string", b'"x"'), ("array", b"[1,2]"), ("null", b"null"),
                       ("true", b"true"), ("array-of-strings", b'["a", "b"]')):
        add(Case(f"json-not-object-{name}", {"a.json": text}, codes=(0, 2)))
    add(Case("json-whitespace-megabytes", {"a.json": b" \n\t\r" * (4 << 20)}, codes=(2,)))
    add(Case("json-comments-unterminated", {"a.jsonc": b'{"a": 1 /* never closed'}, codes=(2,)))
    add(Case("json-lone-surrogates", {"a.json": b'{"a": "\\ud800\\udc00\\ud800 \\udfff \\u00"}'},
             codes=(0, 2)))
    add(Case("json-long-line-of-keys",
             {"a.json": b"{" + b",".join(b'"k%d": %d' % (i, i) for i in range(200000)) + b"}"},
             codes=(0, 2)))
    # ---- template structure ----------------------------------------------------------------
    wrong = {
        "resources-string": tmpl("x"), "resources-number": tmpl(42),
        "resources-numbers": tmpl([1, 2, "x", None, True]),
        "parameters-array": tmpl([storage()], parameters=[1, 2]),
        "parameters-string": tmpl([storage()], parameters="p"),
        "parameter-def-number": tmpl([storage()], parameters={"p": 5}),
        "parameter-type-object": tmpl([storage()], parameters={"p": {"type": {"a": 1}}}),
        "variables-array": tmpl([storage()], variables=[1]),
        "outputs-string": tmpl([storage()], outputs="o"),
        "outputs-def-number": tmpl([storage()], outputs={"o": 3}),
        "functions-string": tmpl([storage()], functions="f"),
        "functions-bad-shape": tmpl([storage()], functions=[{"namespace": 3, "members": []},
                                                           {"namespace": "n", "members": {"f": 2}}]),
        "copy-count-string": tmpl([dict(storage(), copy={"name": "c", "count": "three"})]),
        "copy-count-negative": tmpl([dict(storage(), copy={"name": "c", "count": -5})]),
        "copy-count-double": tmpl([dict(storage(), copy={"name": "c", "count": 2.5})]),
        "copy-string": tmpl([dict(storage(), copy="c")]),
        "copy-no-name": tmpl([dict(storage(), copy={"count": 2})]),
        "property-copy-bad": tmpl([dict(storage(), properties={"copy": [{"name": 1, "count": "x",
                                                                          "input": 3}]})]),
        "properties-array": tmpl([dict(storage(), properties=[1, 2])]),
        "type-number": tmpl([dict(storage(), type=5)]),
        "name-object": tmpl([dict(storage(), name={"a": 1})]),
        "no-type-no-name": tmpl([{"apiVersion": "2023-01-01"}]),
        "no-type": tmpl([{"name": "x", "apiVersion": "2023-01-01"}]),
        "no-name": tmpl([{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01"}]),
        "dependsOn-object": tmpl([dict(storage(), dependsOn={"a": 1})]),
        "condition-string": tmpl([dict(storage(), condition="yes")]),
        "child-resources-object": tmpl([dict(storage(), resources={"a": 1})]),
        "lv2-resources-array": tmpl([storage()], languageVersion="2.0"),
        "lv2-resources-bad-object": tmpl({"a": 1, "b": "x", "c": [1]}, languageVersion="2.0"),
        "lv-number": tmpl([storage()], languageVersion=2),
        "lv-unknown": tmpl([storage()], languageVersion="99.0"),
        "deployment-template-string": tmpl([{"type": "Microsoft.Resources/deployments",
                                             "apiVersion": "2022-09-01", "name": "d",
                                             "properties": {"mode": "Incremental", "template": "x"}}]),
        "deployment-properties-missing": tmpl([{"type": "Microsoft.Resources/deployments",
                                                "apiVersion": "2022-09-01", "name": "d"}]),
    }
    for name, t in wrong.items():
        add(Case(f"template-{name}", {"a.json": j(t)}))
    # ---- expressions -----------------------------------------------------------------------
    exprs = {
        "unterminated-call": "concat('a'", "unterminated-string": "concat('a)",
        "garbage": "%%%$$$###", "empty": "", "only-dot": ".", "trailing-dot": "variables('v').",
        "bad-index": "createArray(1)[", "deep-nesting": "concat(" * 5000 + "'a'" + ")" * 5000,
        "deep-index": "createArray(1)" + "[0]" * 5000,
        "deep-property": "json('{}')" + ".a" * 10000,
        "wrong-arity": "concat()", "wrong-arity-2": "substring('a', 1, 2, 3, 4)",
        "unknown-function": "noSuchFunction(1)", "unknown-namespace": "nope.fn(1)",
        "missing-parameter": "parameters('nope')", "missing-variable": "variables('nope')",
        "range-billions": "length(range(0, 2000000000))",
        "range-overflow": "range(9223372036854775807, 10)",
        "padleft-billions": "padLeft('a', 3000000000, 'x')",
        "padleft-negative": "padLeft('a', -5, 'x')",
        "add-overflow": "add(9223372036854775807, 1)", "sub-overflow": "sub(-9223372036854775807, 10)",
        "mul-overflow": "mul(9223372036854775807, 9223372036854775807)",
        "div-overflow": "div(sub(0, 9223372036854775807), -1)",
        "div-min-by-minus-one": "div(sub(-9223372036854775807, 1), -1)",
        "mod-min-by-minus-one": "mod(sub(-9223372036854775807, 1), -1)",
        "div-zero": "div(1, 0)", "mod-zero": "mod(1, 0)",
        "int-out-of-range": "int('99999999999999999999999')",
        "base64-invalid": "base64ToString('!!!not base64***')", "base64-json": "base64ToJson('e30')",
        "uri-invalid": "uri('::::', '\\u0000')", "uricomponent-invalid": "uriComponentToString('%ZZ%')",
        "datauri-invalid": "dataUriToString('data:;;;,%%%')",
        "date-invalid": "dateTimeAdd('not a date', 'PT1H')",
        "duration-invalid": "dateTimeAdd('2020-01-01T00:00:00Z', 'P99999999999999Y')",
        "epoch-huge": "dateTimeFromEpoch(9223372036854775807)",
        "cidr-invalid": "parseCidr('300.1.2.3/99')", "cidr-subnet-huge": "cidrSubnet('10.0.0.0/8', 32, 2000000000)",
        "cidr-host-huge": "cidrHost('10.0.0.0/8', 9223372036854775807)",
        "cidr-v6": "cidrSubnet('::/0', 128, 9223372036854775807)",
        "format-absurd-index": "format('{999999999999}', 'a')",
        "format-absurd-width": "format('{0,2000000000}', 'a')",
        "format-absurd-spec": "format('{0:D2000000000}', 1)",
        "format-unbalanced": "format('{0', 'a')", "format-negative": "format('{-1}', 'a')",
        "string-repeat-huge": "string(range(0, 10000000))",
        "lambda-bad-body": "map(createArray(1,2), lambda('x', lambdaVariables('y')))",
        "lambda-not-lambda": "map(createArray(1,2), 'x')",
        "lambda-nested-deep": "map(range(0, 1000), lambda('x', map(range(0, 1000), lambda('y', map(range(0,1000), lambda('z', 1))))))",
        "reduce-growth": "length(reduce(range(0, 60), 'a', lambda('acc', 'x', concat(lambdaVariables('acc'), lambdaVariables('acc')))))",
        "json-deep": "json(concat(padLeft('', 100000, '['), padLeft('', 100000, ']')))",
        "json-invalid": "json('{\"a\": ')",
        "skip-take-huge": "take(skip(createArray(1), 9223372036854775807), 9223372036854775807)",
        "substring-huge": "substring('abc', 9223372036854775807, 9223372036854775807)",
        "replace-growth": "length(replace(replace(replace(padLeft('', 1000000, 'a'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'))",
        "union-huge": "union(range(0, 1000000), range(1000000, 1000000))",
        "guid-many-args": "guid(" + ",".join(["'x'"] * 5000) + ")",
        "unicode-escape": "concat('\\ud800', '\u0000')",
        "copyindex-outside": "copyIndex()", "copyindex-bad-loop": "copyIndex('nope', 1)",
        "newguid-outside": "newGuid()", "utcnow-outside": "utcNow()",
        "items-bad": "items('x')", "tojson-huge": "string(json(string(range(0, 1000000))))",
    }
    for name, e in exprs.items():
        add(Case(f"expr-{name}", {"a.json": expr_tmpl(e)}, timeout=TIME_LIMIT))
    add(Case("expr-too-long", {"a.json": expr_tmpl("concat('" + "x" * 200000 + "')")},
             find=("kMaxExpressionChars",)))
    add(Case("expr-armlimit-length", {"a.json": expr_tmpl("concat('" + "x" * 25000 + "')")}))
    add(Case("expr-variable-cycle", {"a.json": expr_tmpl("variables('a')", variables={
        "a": "[variables('b')]", "b": "[concat(variables('c'), 'x')]", "c": "[variables('a')]"})}))
    add(Case("expr-variable-self", {"a.json": expr_tmpl("variables('a')", variables={
        "a": "[concat(variables('a'), 'x')]"})}))
    doubling = {"v0": "ab"}
    for i in range(1, 41):
        doubling[f"v{i}"] = f"[concat(variables('v{i-1}'), variables('v{i-1}'))]"
    add(Case("expr-doubling-string-40", {"a.json": expr_tmpl("length(variables('v40'))", variables=doubling)}))
    adoubling = {"a0": [1, 2]}
    for i in range(1, 41):
        adoubling[f"a{i}"] = f"[concat(variables('a{i-1}'), variables('a{i-1}'))]"
    add(Case("expr-doubling-array-40", {"a.json": expr_tmpl("length(variables('a40'))", variables=adoubling)}))
    odoubling = {"o0": {"k": "v"}}
    for i in range(1, 41):
        odoubling[f"o{i}"] = f"[createObject('l', variables('o{i-1}'), 'r', variables('o{i-1}'))]"
    add(Case("expr-doubling-object-40", {"a.json": expr_tmpl("string(variables('o40'))", variables=odoubling)}))
    wide = {f"w{i}": f"[concat(variables('w{i-1}'), variables('w{i-1}'), variables('w{i-1}'))]" for i in range(1, 60)}
    wide["w0"] = "x"
    add(Case("expr-tripling-variables-unused", {"a.json": expr_tmpl("'ok'", variables=wide)}))
    add(Case("expr-user-functions-recursive", {"a.json": expr_tmpl("u.f(1)", functions=[{
        "namespace": "u", "members": {
            "f": {"parameters": [{"name": "x", "type": "int"}], "output": {"type": "int", "value": "[u.g(parameters('x'))]"}},
            "g": {"parameters": [{"name": "x", "type": "int"}], "output": {"type": "int", "value": "[u.f(parameters('x'))]"}}}}])}))
    add(Case("expr-user-function-bad-body", {"a.json": expr_tmpl("u.f()", functions=[{
        "namespace": "u", "members": {"f": {"output": {"type": "string", "value": "[concat("}}}}])}))
    add(Case("expr-parameter-default-cycle", {"a.json": expr_tmpl("parameters('a')", params={
        "a": {"type": "string", "defaultValue": "[parameters('b')]"},
        "b": {"type": "string", "defaultValue": "[parameters('a')]"}})}))
    # ---- deployments and scale ---------------------------------------------------------------
    def nested(levels):
        head = ('{"$schema": "%s", "resources": [{"type": "Microsoft.Resources/deployments", '
                '"apiVersion": "2022-09-01", "name": "d", "properties": {"mode": "Incremental", '
                '"expressionEvaluationOptions": {"scope": "inner"}, "template": ' % SCHEMA)
        return (head * levels + json.dumps(tmpl([storage()])) + "}}]}" * levels).encode()
    add(Case("deploy-nested-90", {"a.json": nested(90)}, find=("kMaxDeploymentDepth",)))
    add(Case("deploy-nested-300", {"a.json": nested(300)}, codes=(2,), find=("kMaxJsonDepth",)))
    add(Case("deploy-many-resources",
             {"a.json": json.dumps(tmpl([storage(f"st{i:06d}", https=True) for i in range(20000)])).encode()},
             timeout=120))
    add(Case("deploy-copy-billions", {"a.json": j(tmpl([dict(storage(), name="[concat('s', copyIndex())]",
                                                              copy={"name": "c", "count": 3000000000})]))},
             find=("kMaxCopyCount",)))
    add(Case("deploy-copy-nested-growth", {"a.json": j(tmpl([dict(
        storage(), name="[concat('s', copyIndex())]", copy={"name": "c", "count": 800},
        properties={"copy": [{"name": "p", "count": 300, "input": {"i": "[copyIndex('p')]"}}]})]))},
        timeout=120))
    add(Case("deploy-duplicate-copy-names", {"a.json": j(tmpl([
        dict(storage(), name="[concat('a', copyIndex())]", copy={"name": "c", "count": 2}),
        dict(storage(), name="[concat('b', copyIndex())]", copy={"name": "c", "count": 2}),
        dict(storage(), properties={"copy": [{"name": "p", "count": 2, "input": 1},
                                             {"name": "p", "count": 2, "input": 2}]})]))}))
    add(Case("deploy-copy-variables-billions", {"a.json": expr_tmpl("length(variables('big'))", variables={
        "copy": [{"name": "big", "count": 2000000000, "input": "[copyIndex('big')]"}]})}))
    # ---- parameter files, configs, rule files --------------------------------------------------
    ptmpl = j(tmpl([storage("[parameters('n')]")], parameters={"n": {"type": "string"}}))
    for name, pf in (("truncated", b'{"$schema": "' + PSCHEMA.encode() + b'", "parameters": {"n": {'),
                     ("parameters-array", j({"$schema": PSCHEMA, "parameters": [1]})),
                     ("value-missing", j({"$schema": PSCHEMA, "parameters": {"n": {"x": 1}}})),
                     ("reference-keyvault", j({"$schema": PSCHEMA, "parameters": {"n": {"reference": "x"}}})),
                     ("garbage", b"\xff\x00garbage")):
        add(Case(f"paramfile-{name}", {"a.json": ptmpl, "p.json": pf},
                 args=["--no-config", "-p", "p.json", "a.json"]))
        add(Case(f"paramfile-beside-{name}", {"a.json": ptmpl, "a.parameters.json": pf},
                 args=["--no-config", "a.json"]))
    for name, cfg in (("truncated", b'{"rules": {'), ("wrong-types", j({"rules": [1], "failOn": 7, "exclude": "x"})),
                      ("garbage", b"\x00\x01"), ("deep", b"[" * 100000)):
        add(Case(f"config-{name}", {"a.json": good, ".armlint.json": cfg}, args=["a.json"], codes=(1, 2)))
        add(Case(f"config-explicit-{name}", {"a.json": good, "c.json": cfg},
                 args=["--config", "c.json", "a.json"], codes=(2,)))
    add(Case("baseline-broken", {"a.json": good, "b.json": b'{"findings": 3'},
             args=["--no-config", "--baseline", "b.json", "a.json"], codes=(2,)))
    rule = {"id": "r", "category": "Security", "impact": "High", "resourceType": "Microsoft.Storage/storageAccounts",
            "problem": "p", "solution": "s", "learnMoreLink": "https://example.com"}
    for name, cond in (("invalid-re2", {"field": "name", "regex": "(unclosed"}),
                       ("re2-huge", {"field": "name", "regex": "(a{1000}){1000}"}),
                       ("unknown-operator", {"field": "name", "frobnicates": "x"}),
                       ("absurd-nesting", {"not": {"not": {"anyOf": [{"allOf": [{"not": {"field": "name", "equals": "x"}}] * 3}] * 3}}}),
                       ("nesting-over-limit", json.loads('{"not":' * 100 + '{"field":"name","equals":"x"}' + "}" * 100)),
                       ("wide-allof", {"allOf": [{"field": "name", "like": "*" * 500 + "x"}] * 2000}),
                       ("like-pathological", {"field": "name", "like": "*a*a*a*a*a*a*a*a*a*a*a*a*b"}),
                       ("count-deep", json.loads('{"count":{"field":"tags[*]","where":' * 200 + '{"field":"name","equals":"x"}' + "}, \"greater\": 0}" * 200))):
        rf = dict(rule, **{"if": cond})
        add(Case(f"rules-{name}", {"a.json": good, "rules/r.json": j(rf)},
                 args=["--no-config", "--no-default-rules", "--rules", "rules", "a.json"]))
    # ---- Azure Policy definitions (--policy): the same condition engine, hostile shapes -------
    def policy(cond):
        return j({"name": "p", "properties": {"displayName": "p", "mode": "All",
                                              "policyRule": {"if": cond, "then": {"effect": "audit"}}}})
    wide = tmpl([dict(storage(), tags={"t": "a" * 100000},
                      properties={"supportsHttpsTrafficOnly": True,
                                  "items": [{"v": [{"w": [i, i + 1] * 20} for _ in range(40)]}
                                            for i in range(40)],
                                  "flat": list(range(3000))})])
    deep_policy = '{"not":' * 100 + '{"field":"name","equals":"x"}' + "}" * 100
    for name, cond in (
            ("anyof-100k", {"anyOf": [{"field": "name", "equals": f"x{i}"} for i in range(100000)]}),
            ("notin-200k", {"field": "location", "notIn": [f"l{i}" for i in range(200000)]}),
            ("like-stars-long-value", {"field": "tags.t", "like": "*a" * 60 + "*b"}),
            ("count-nested-large", {"count": {"field": "properties.flat[*]", "where": {
                "count": {"value": "[range(0, 3000)]", "where": {
                    "value": "[current()]", "equals": 5}},
                "greater": 0}}, "greater": 2999}),
            ("star-paths-multiply", {"field": "properties.items[*].v[*].w[*]", "equals": 1}),
            ("nesting-over-limit", json.loads(deep_policy))):
        add(Case(f"policy-{name}", {"a.json": j(wide), "p.json": policy(cond)},
                 args=["--no-config", "--no-default-rules", "--policy", "p.json", "a.json"]))
    add(Case("rules-broken-json", {"a.json": good, "rules/r.json": b'{"id": "r", "if": {'},
             args=["--no-config", "--rules", "rules", "a.json"], codes=(2,)))
    # ---- directories -------------------------------------------------------------------------
    add(Case("dir-broken-next-to-good",
             {"d/good.json": good, "d/bad.json": b"{\"resources\": [", "d/empty.json": b"",
              "d/sub/bin.json": b"\x00\xff" * 100},
             args=["--no-config", "d"], codes=(2,),
             find=(r"d/good\.json:\d+:\d+ .*storage-secure-transfer", r"d/bad\.json:\d+:\d+")))
    add(Case("dir-symlink-loop", {"d/good.json": good, "d/loop": ("symlink", "."),
                                  "d/sub/up": ("symlink", ".."), "d/self.json": ("symlink", "self.json")},
             args=["--no-config", "d"], codes=(1, 2), find=(r"good\.json",)))
    add(Case("dir-unreadable-entry", {"d/good.json": good, "d/secret.json": ("unreadable", good),
                                      "d/locked": ("unreadable-dir", None)},
             args=["--no-config", "d"], codes=(2,) if os.geteuid() != 0 else (1, 2), find=(r"good\.json",),
             loc=False))
    add(Case("dir-fifo-and-devnull", {"d/good.json": good, "d/fifo.json": ("fifo", None)},
             args=["--no-config", "d"], codes=(1, 2), find=(r"good\.json",), loc=False))
    add(Case("dir-missing-path", {"d/good.json": good}, args=["--no-config", "d", "nope.json"],
             codes=(2,), find=(r"good\.json",), loc=False))
    # ---- secrets -----------------------------------------------------------------------------
    secret_t = tmpl([dict(storage(), tags={"a": "[parameters('pw')]", "b": "[concat('pw=', parameters('pw'))]",
                                           "c": "[base64(parameters('pw'))]", "d": "[toUpper(parameters('pw'))]",
                                           "e": "[parameters('obj').inner]"},
                          properties={"supportsHttpsTrafficOnly": False,
                                      "cmd": "[format('x {0}', parameters('pw2'))]"})],
                    parameters={"pw": {"type": "secureString", "defaultValue": CANARY},
                                "pw2": {"type": "securestring"},
                                "obj": {"type": "secureObject", "defaultValue": {"inner": CANARY + "-obj"}}},
                    outputs={"o": {"type": "string", "value": "[concat('pw=', parameters('pw'))]"},
                             "p": {"type": "string", "value": "[parameters('pw2')]"}})
    secret_files = {"a.json": j(secret_t),
                    "a.parameters.json": j({"$schema": PSCHEMA, "parameters": {"pw2": {"value": CANARY2}}})}
    absent = (CANARY, CANARY2, CANARY.upper(), CANARY2.upper(),
              __import__("base64").b64encode(CANARY.encode()).decode())
    for fmt in ("text", "json", "sarif", "junit", "markdown", "github", "html"):
        add(Case(f"secret-{fmt}", secret_files, args=["--no-config", "--report-unknown", "-f", fmt, "a.json"],
                 codes=(1,) if fmt != "html" else (1, 2), loc=fmt != "html", absent=absent))
    add(Case("secret-expand", secret_files, args=["expand", "a.json"], codes=(0,), absent=absent))
    add(Case("secret-expand-explicit", secret_files, args=["expand", "a.json", "-p", "a.parameters.json"],
             codes=(0,), absent=absent))
    bad_secret = dict(secret_t)
    bad_secret["variables"] = {"v": "[concat(parameters('pw'), div(1, 0))]", "w": "[int(parameters('pw'))]",
                               "x": "[json(parameters('pw'))]", "y": "[base64ToString(parameters('pw'))]",
                               "z": "[parameters(parameters('pw'))]"}
    bad_secret["resources"] = bad_secret["resources"] + [dict(storage("[variables('w')]")),
                                                         dict(storage("[variables('x')]")),
                                                         dict(storage("[variables('y')]")),
                                                         dict(storage("[variables('z')]"))]
    for fmt in ("text", "json", "sarif"):
        add(Case(f"secret-in-errors-{fmt}", {"a.json": j(bad_secret), "a.parameters.json": secret_files["a.parameters.json"]},
                 args=["--no-config", "-f", fmt, "a.json"], codes=(1, 2), absent=absent, loc=fmt == "text"))
    add(Case("secret-in-errors-expand", {"a.json": j(bad_secret), "a.parameters.json": secret_files["a.parameters.json"]},
             args=["expand", "a.json"], codes=(0, 2), absent=absent))
    return c


def materialize(case, d):
    for rel, content in case.files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(content, tuple):
            kind, arg = content
            if kind == "symlink":
                os.symlink(arg, p)
            elif kind == "unreadable":
                with open(p, "wb") as f:
                    f.write(arg)
                os.chmod(p, 0)
            elif kind == "unreadable-dir":
                os.makedirs(p, exist_ok=True)
                with open(os.path.join(p, "x.json"), "wb") as f:
                    f.write(b"{}")
                os.chmod(p, 0)
            elif kind == "fifo":
                os.mkfifo(p)
        else:
            with open(p, "wb") as f:
                f.write(content)


def is_sanitized(cli):
    with open(cli, "rb") as f:
        data = f.read()
    return b"__asan_init" in data or b"__tsan_init" in data


def run(case, cli, work, limit_memory):
    d = os.path.join(work, case.name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    materialize(case, d)
    args = case.args if case.args is not None else ["--no-config"] + sorted(
        r for r in case.files if not r.startswith("rules/"))

    def limits():
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))

    start = time.monotonic()
    try:
        p = subprocess.run(["timeout", "-s", "KILL", str(case.timeout), cli] + args, cwd=d,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           preexec_fn=limits)
    finally:
        for root, dirs, _ in os.walk(d):
            for x in dirs:
                try:
                    os.chmod(os.path.join(root, x), 0o755)
                except OSError:
                    pass
    elapsed = time.monotonic() - start
    out = p.stdout.decode("utf-8", "replace") + "\n" + p.stderr.decode("utf-8", "replace")
    problems = []
    if p.returncode == 137 or p.returncode < 0:
        problems.append(f"killed (signal or timeout after {elapsed:.1f}s; limit {case.timeout}s)")
    elif p.returncode not in case.codes:
        problems.append(f"exit {p.returncode}, expected one of {case.codes}")
    if p.returncode == 2 and case.loc and not LOC.search(out):
        problems.append("exit 2 without a file:line:col")
    for rx in case.find:
        if not re.search(rx, out):
            problems.append(f"output lacks /{rx}/")
    for s in case.absent:
        if s in out:
            problems.append(f"output leaks {s!r}")
    if re.search(r"AddressSanitizer|UndefinedBehaviorSanitizer|runtime error:|terminate called", out):
        problems.append("sanitizer report or abort in output")
    shutil.rmtree(d, ignore_errors=True)
    return problems, elapsed, p.returncode, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work")
    ap.add_argument("--only", default="")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    all_cases = [c for c in cases() if a.only in c.name]
    if a.list:
        for c in all_cases:
            print(c.name)
        return 0
    work = a.work or tempfile.mkdtemp(prefix="armlint-hostile-")
    sanitized = is_sanitized(a.cli)
    limit_memory = not sanitized
    if sanitized:  # sanitizer builds run several times slower
        for c in all_cases:
            c.timeout *= 3
    failed = 0
    for c in all_cases:
        problems, elapsed, code, out = run(c, os.path.abspath(a.cli), work, limit_memory)
        status = "FAIL" if problems else "ok"
        print(f"{status:4} {c.name:40} exit {code} {elapsed:6.2f}s", flush=True)
        if problems or a.verbose:
            failed += bool(problems)
            for pr in problems:
                print(f"     - {pr}")
            print("     " + out[:1500].replace("\n", "\n     "))
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    print(f"hostile: {len(all_cases) - failed}/{len(all_cases)} cases passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
