#!/usr/bin/env python3
"""Checks docs/armlint.schema.json with a real JSON Schema implementation (python3-jsonschema).

1. The schema is a valid draft 2020-12 schema (Draft202012Validator.check_schema).
2. Every example configuration validates against it: examples/**/.armlint.json and the
   ```jsonc blocks of README.md's `.armlint.json` section. Configs are JSON with comments, as
   armlint reads them; this script strips // and /* */ comments and trailing commas the same way
   before handing them to jsonschema.
3. armlint itself (when its path is given) agrees: it loads each example (exit 0 or 1, never 2),
   and rejects a config with an unknown key (exit 2, file:line:col in the message), as jsonschema
   does.

Usage: config_schema_check.py SOURCE_DIR [ARMLINT]
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("SKIP: python3 jsonschema is missing (Debian python3-jsonschema)")
    sys.exit(77)


def string_end(text, i):
    """The index just past the JSON string that starts with the quote at text[i]."""
    j = i + 1
    while j < len(text) and text[j] != '"':
        j += 2 if text[j] == "\\" else 1
    return j + 1


def strip_jsonc(text):
    """Removes comments, and trailing commas before } or ], outside strings (armlint's
    JSON-with-comments), in one pass."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = string_end(text, i)
            out.append(text[i:j])
            i = j
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            if c in "}]":
                # Drop a trailing comma: only whitespace (comments are gone) may follow it.
                k = len(out)
                while k > 0 and out[k - 1].isspace():
                    k -= 1
                if k > 0 and out[k - 1] == ",":
                    del out[k - 1]
            out.append(c)
            i += 1
    return "".join(out)


def readme_configs(source):
    """The ```jsonc blocks of README.md's section about .armlint.json."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"^### Configuration: `\.armlint\.json`\n(.*?)(?=^#)", text, re.M | re.S)
    if not match:
        return []
    blocks = re.findall(r"^```jsonc?\n(.*?)^```", match.group(1), re.M | re.S)
    return [("README.md (.armlint.json section, block %d)" % (i + 1), b)
            for i, b in enumerate(blocks)]


def main():
    source = sys.argv[1]
    armlint = sys.argv[2] if len(sys.argv) > 2 else None
    failures = 0

    with open(os.path.join(source, "docs", "armlint.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    print("ok: docs/armlint.schema.json is a valid draft 2020-12 schema")

    configs = []
    for path in sorted(glob.glob(os.path.join(source, "examples", "**", ".armlint.json"),
                                 recursive=True)):
        with open(path, encoding="utf-8") as f:
            configs.append((os.path.relpath(path, source), f.read(), path))
    configs += [(name, text, None) for name, text in readme_configs(source)]
    if not any(path for _, _, path in configs) or not any(not path for _, _, path in configs):
        print("FAIL: expected example configs under examples/ and in README.md, found %s"
              % [name for name, _, _ in configs])
        return 1

    for name, text, path in configs:
        try:
            config = json.loads(strip_jsonc(text))
        except json.JSONDecodeError as e:
            print("FAIL: %s is not JSON with comments: %s" % (name, e))
            failures += 1
            continue
        errors = sorted(validator.iter_errors(config), key=lambda e: list(e.path))
        for e in errors:
            print("FAIL: %s: %s: %s" % (name, "/".join(map(str, e.path)), e.message))
        failures += len(errors)
        if not errors:
            print("ok: %s validates" % name)

        if armlint is None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            config_path = path
            if config_path is None:  # a README snippet: its folders need not exist
                config_path = os.path.join(tmp, ".armlint.json")
                with open(config_path, "w", encoding="utf-8") as f:
                    f.write(text)
                for pack in config.get("rulePacks", []):
                    os.makedirs(os.path.join(tmp, pack), exist_ok=True)
            run = subprocess.run([armlint, "--config", config_path,
                                  os.path.join(source, "examples", "storage-v2.json")],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print("FAIL: armlint rejects %s (exit %d): %s" % (name, run.returncode,
                                                                  run.stdout + run.stderr))
                failures += 1
            else:
                print("ok: armlint loads %s" % name)

    # Both validators reject an unknown key; armlint says where.
    bad = {"rules": {"disable": ["a"], "disabel": ["b"]}}
    if validator.is_valid(bad):
        print("FAIL: jsonschema accepts an unknown key")
        failures += 1
    if armlint is not None:
        with tempfile.TemporaryDirectory() as tmp:
            config_path = os.path.join(tmp, "bad.json")
            with open(config_path, "w", encoding="utf-8") as f:
                f.write('{\n  "rules": {"disable": ["a"],\n            "disabel": ["b"]}\n}\n')
            run = subprocess.run([armlint, "--config", config_path,
                                  os.path.join(source, "examples", "clean.json")],
                                 capture_output=True, text=True)
            out = run.stdout + run.stderr
            if run.returncode != 2 or "bad.json:3:13" not in out or "disabel" not in out:
                print("FAIL: armlint on an unknown key: exit %d, %s" % (run.returncode, out))
                failures += 1
            else:
                print("ok: armlint rejects an unknown key at bad.json:3:13 (exit 2)")

    print("%d problem(s) found" % failures if failures else
          "ok: the schema and all %d example configs" % len(configs))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
