#!/usr/bin/env python3
"""Keeps the coverage map (rules/coverage.tsv) in step with the gap lists and the rules.

Every item of the gap lists -- each star item of psrule-coverage.md and each check line of
checkov-kics.md -- must have exactly one row in rules/coverage.tsv; a "rule" row must name rules
that exist in rules/; a "no" or "open" row must say why, and must appear in docs/rules.md's
"Not covered" list (regenerate it with `make docs`).

Usage: scripts/check-coverage.py [repo-root] [gaps-dir]
Exits 0 when the map is complete, 1 with one line per problem, 77 when the gap lists are absent
(they live outside the repository, in ../shared/gaps).
"""
import glob
import os
import re
import sys

STATUSES = ("rule", "no", "open")


def gap_items(gaps):
    """The items of both gap lists, in order: (key, context)."""
    items = []
    resource = None
    with open(os.path.join(gaps, "psrule-coverage.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\*\*(Microsoft\.[\w./]+)\*\*\s*$", line.strip())
            if m:
                resource = m.group(1)
            m = re.match(r"- ★ (?:\*\*\(top 40\)\*\* )?`(Azure\.[\w.]+)`", line)
            if m:
                items.append((m.group(1), resource))
    group = None
    with open(os.path.join(gaps, "checkov-kics.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\*\*(.+)\*\*\s*$", line.strip())
            if m:
                group = m.group(1)
            if line.startswith("- "):
                # A check line is named by its first Checkov id, or by its KICS query name.
                ids = re.findall(r"CKV2?_AZURE_\d+", line)
                kics = re.findall(r"\b([a-z]+(?:_[a-z0-9]+){2,})\b", line)
                key = ids[0] if ids else (kics[0] if kics else None)
                if key is None:
                    raise SystemExit(f"checkov-kics.md: no check id in: {line.strip()}")
                items.append((key, group))
    return items


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), ".."))
    gaps = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        root, "..", "shared", "gaps"))
    if not os.path.isfile(os.path.join(gaps, "psrule-coverage.md")):
        print(f"check-coverage: gap lists not found in {gaps}; skipped")
        return 77
    rules = {os.path.basename(p)[:-5] for p in glob.glob(os.path.join(root, "rules", "*", "*.json"))}
    with open(os.path.join(root, "docs", "rules.md"), encoding="utf-8") as f:
        docs = f.read()
    problems = []
    rows = {}
    with open(os.path.join(root, "rules", "coverage.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            where = f"rules/coverage.tsv:{n}"
            fields = line.split("\t")
            if len(fields) != 5:
                problems.append(f"{where}: {len(fields)} fields, not 5 (source, item, type, status, value)")
                continue
            source, item, _, status, value = fields
            if item in rows:
                problems.append(f"{where}: {item} is mapped twice")
            rows[item] = (status, value)
            if status not in STATUSES:
                problems.append(f"{where}: status '{status}' is not one of {', '.join(STATUSES)}")
            elif not value.strip():
                problems.append(f"{where}: {item} has no {'rule' if status == 'rule' else 'reason'}")
            elif status == "rule":
                for rid in value.split(","):
                    if rid not in rules:
                        problems.append(f"{where}: {item} names rule '{rid}', which is not in rules/")
            elif f"- `{item}` (" not in docs:
                problems.append(f"{where}: {item} is missing from docs/rules.md's Not covered list "
                                "(run make docs)")
    listed = gap_items(gaps)
    keys = {k for k, _ in listed}
    for key, context in listed:
        if key not in rows:
            problems.append(f"rules/coverage.tsv: no row for {key} ({context})")
    for item in rows:
        if item not in keys:
            problems.append(f"rules/coverage.tsv: {item} is not an item of the gap lists")
    for p in problems:
        print(p)
    counts = {s: sum(1 for st, _ in rows.values() if st == s) for s in STATUSES}
    print(f"check-coverage: {len(listed)} gap items; {counts['rule']} covered by rules, "
          f"{counts['no']} not decidable from a template, {counts['open']} open; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
