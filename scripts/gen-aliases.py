#!/usr/bin/env python3
"""Generates lib/src/knowledge/aliases_data.cc, the built-in Azure Policy alias table.

Input: an alias list in the shape `az provider list --expand resourceTypes/aliases` prints
([{namespace, resourceTypes: [{resourceType, aliases: [{name, defaultPath, paths}],
capabilities}]}]), by default ../shared/azure-policy/aliases.json (see THIRD-PARTY-NOTICES.md
for its source and licence).

Output: string literals, a line per entry, sorted, so that the committed file diffs well:
  @<Namespace>/<type>[\t<capabilities>]   the resource type the following aliases belong to
  <suffix>[\t<path>]                       an alias named <type>/<suffix>; the path is left out
                                           when it is the plain one (properties.<suffix>, or
                                           <suffix> for top-level members such as sku, tags)
  =<full name>\t<path>                     an alias whose name does not start with its type
  ~<apiVersion,...>\t<path>               a per-API-version path of the alias above it
  !<...>                                  (before any of the above) the alias's path is read-only
                                           in the type's schema: Azure fills it, a template
                                           cannot (../shared/azure-types/properties.tsv)
Names and paths are front-coded: written "<n>:<rest>", they are the first n characters of the
previous name (path) of the same type followed by <rest> (76,170 aliases: 18 MB -> under 2 MB).

It also writes lib/src/knowledge/aliases_indexed.cc from ../shared/azure-types/properties.tsv:
the resource types whose schema has both `tags` and `location` (what Azure Policy's mode
"Indexed" evaluates), one per line "+<type>", and the others "-<type>" (lower-cased).

Usage: scripts/gen-aliases.py [aliases.json] [out.cc]
"""
import json
import os
import re
import sys

TOP = {"sku", "kind", "location", "tags", "identity", "plan", "zones", "extendedlocation",
       "managedby", "apiversion", "name", "type", "id"}


def plain_path(suffix):
    first = re.split(r"[.\[]", suffix)[0].lower()
    return suffix if first in TOP else "properties." + suffix


def shared(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def front_code(lines):
    out = []
    prev_name = prev_path = ""
    for line in lines:
        if line.startswith("@"):
            out.append(line)
            prev_name = prev_path = ""
            continue
        ro = "!" if line.startswith("!") else ""
        line = line[len(ro):]
        lead = line[0] if line[0] in "=~" else ""
        name, tab, path = line[len(lead):].partition("\t")
        if lead == "~":
            coded = lead + name
        else:
            n = shared(name, prev_name)
            coded = "%s%s%d:%s" % (ro, lead, n, name[n:])
            prev_name = name
        if tab:
            m = shared(path, prev_path)
            coded += "\t%d:%s" % (m, path[m:])
            prev_path = path
        out.append(coded)
    return out


def read_only_paths(root):
    """(type, path) pairs, lower-cased, that the resource type schemas flag ReadOnly."""
    out = set()
    for up in ("..", os.path.join("..", "..")):
        src = os.path.join(root, up, "shared", "azure-types", "properties.tsv")
        if os.path.exists(src):
            with open(src, encoding="utf-8") as f:
                next(f)
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if "ReadOnly" in cols[3].split(",") and cols[2].startswith("properties."):
                        out.add((cols[0].lower(), cols[2].lower()))
            break
    return out


def is_read_only(read_only, type_key, path):
    """Whether the path, or an object or array it lies in, is read-only for the type."""
    p = path.lower()
    while p:
        if (type_key, p) in read_only:
            return True
        cut = max(p.rfind("."), p.rfind("[*]"))
        if cut <= 0:
            return False
        p = p[:cut]
    return False


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else None
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.join(root, up, "shared", "azure-policy", "aliases.json")
        if src is None and os.path.exists(candidate):
            src = candidate
    if src is None:
        raise SystemExit("usage: scripts/gen-aliases.py ALIASES.json [OUT.cc]")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        root, "lib", "src", "knowledge", "aliases_data.cc")
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    types = {}
    for ns in data:
        for rt in ns.get("resourceTypes", []):
            full = ns["namespace"] + "/" + rt["resourceType"]
            entry = types.setdefault(full.lower(), {"name": full, "caps": "", "aliases": {}})
            caps = rt.get("capabilities") or ""
            if isinstance(caps, list):
                caps = ",".join(caps)
            entry["caps"] = entry["caps"] or caps
            for a in rt.get("aliases", []):
                entry["aliases"][a["name"].lower()] = a
    read_only = read_only_paths(root)
    lines = []
    for key in sorted(types):
        t = types[key]
        lines.append("@" + t["name"] + ("\t" + t["caps"] if t["caps"] else ""))
        for akey in sorted(t["aliases"]):
            a = t["aliases"][akey]
            name, path = a["name"], a.get("defaultPath") or ""
            prefix = t["name"] + "/"
            ro = "!" if is_read_only(read_only, key, path) else ""
            if name.lower().startswith(prefix.lower()):
                suffix = name[len(prefix):]
                lines.append(ro + (suffix if plain_path(suffix) == path else suffix + "\t" + path))
            else:
                lines.append(ro + "=" + name + "\t" + path)
            for p in a.get("paths") or []:
                versions = ",".join(p.get("apiVersions") or [])
                if p.get("path") and versions:
                    lines.append("~" + versions + "\t" + p["path"])
    text = "\n".join(front_code(lines)) + "\n"
    for ch in text:
        if ord(ch) > 126 or ch == "\\" or ch == '"':
            raise SystemExit("unexpected character %r in the alias data" % ch)
    # String literals of at most ~60 KB (some compilers limit one literal's length), joined.
    # Where each type's block starts (chunk, offset), for the index below.
    chunks, cur = [], []
    size = 0
    blocks = []
    for line in text.splitlines(keepends=True):
        if line.startswith("@"):
            blocks.append((line[1:].rstrip("\n").split("\t")[0].lower(), len(chunks), size))
        cur.append(line)
        size += len(line)
        if size > 60000:
            chunks.append("".join(cur))
            cur, size = [], 0
    if cur:
        chunks.append("".join(cur))
    # Every table is written `constinit`: GCC would otherwise initialise arrays this large at
    # run time, at the start of every run (initialiser code plus a page fault per 4 KB).
    with open(out, "w", encoding="ascii") as f:
        f.write("// Generated by scripts/gen-aliases.py from the Azure Policy alias list: do not edit.\n")
        f.write("// Format: scripts/gen-aliases.py. Source and licence: THIRD-PARTY-NOTICES.md.\n")
        f.write("#include \"knowledge/aliases.h\"\n\nnamespace armlint::internal {\n\n")
        f.write("// clang-format off\n")
        f.write("constinit const std::string_view kAliasData[] = {\n")
        for c in chunks:
            # With its length: the compiler need not count 60,000 bytes to initialise it.
            f.write('    {R"armlint_aliases(' + c + ')armlint_aliases", %d},\n' % len(c))
        f.write("};\nconst std::size_t kAliasDataCount = %d;\n\n" % len(chunks))
        f.write("}  // namespace armlint::internal\n")
    print("%s: %d types, %d lines, %d bytes" % (out, len(types), len(lines), len(text)))
    full_names = sorted((a["name"].lower(), key) for key, t in types.items()
                        for a in t["aliases"].values() if type_of_alias(a["name"]) != key)
    gen_index(os.path.join(os.path.dirname(out), "aliases_index.cc"), blocks, full_names)


def type_of_alias(name):
    """The type an alias name says it belongs to (lower-cased): everything before the last '/'
    that precedes the first '[' (as AliasTable's TypeOfAlias)."""
    head = name.split("[")[0]
    return name[:head.rfind("/")].lower() if "/" in head else ""


def gen_index(out, blocks, full_names):
    """aliases_index.cc: where each type's block starts in kAliasData (sorted by lower-cased
    type, for a binary search), and the aliases whose names do not start with their type."""
    assert [b[0] for b in blocks] == sorted(b[0] for b in blocks)
    with open(out, "w", encoding="ascii") as f:
        f.write("// Generated by scripts/gen-aliases.py with aliases_data.cc: do not edit.\n")
        f.write("// Where each resource type's aliases start in kAliasData, by lower-cased type.\n")
        f.write("#include \"knowledge/aliases.h\"\n\nnamespace armlint::internal {\n\n")
        f.write("// One row a line, as generated.\n// clang-format off\n")
        f.write("constinit const AliasTypeBlock kAliasTypeBlocks[] = {\n")
        for t, chunk, offset in blocks:
            f.write('    {"%s", %d, %d},\n' % (t, chunk, offset))
        f.write("};\nconst std::size_t kAliasTypeBlockCount = %d;\n\n" % len(blocks))
        f.write("constinit const AliasFullName kAliasFullNames[] = {\n")
        for name, t in full_names:
            f.write('    {"%s", "%s"},\n' % (name, t))
        f.write("};\nconst std::size_t kAliasFullNameCount = %d;\n" % len(full_names))
        f.write("// clang-format on\n\n")
        f.write("}  // namespace armlint::internal\n")
    print("%s: %d types, %d aliases named after another type" % (out, len(blocks), len(full_names)))


def gen_indexed(root):
    src = None
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.join(root, up, "shared", "azure-types", "properties.tsv")
        if os.path.exists(candidate):
            src = candidate
            break
    if src is None:
        print("azure-types/properties.tsv not found: aliases_indexed.cc left as it is")
        return
    versions = {}
    with open(src, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            t, v, path = cols[0].lower(), cols[1], cols[2]
            has = versions.setdefault(t, {}).setdefault(v, set())
            if path in ("tags", "location"):
                has.add(path)
    lines = []
    for t in sorted(versions):
        # The newest version's schema decides (API versions sort by their date): an old shape
        # can differ, e.g. microsoft.insights/diagnosticSettings 2016-09-01 (the retired
        # service diagnostic settings) had location and tags; the extension resource has none.
        newest = max(versions[t], key=lambda v: (v[:10], v))
        indexed = len(versions[t][newest]) == 2
        lines.append(("+" if indexed else "-") + t)
    out = os.path.join(root, "lib", "src", "knowledge", "aliases_indexed.cc")
    with open(out, "w", encoding="ascii") as f:
        f.write("// Generated by scripts/gen-aliases.py from the resource type schemas: do not edit.\n")
        f.write("// +type: has tags and location (Azure Policy mode Indexed evaluates it); -type: not.\n")
        f.write("#include \"knowledge/aliases.h\"\n\nnamespace armlint::internal {\n\n")
        data = "\n".join(lines) + "\n"
        f.write("// clang-format off\n")
        f.write('constinit const std::string_view kIndexedTypeData{R"armlint_types(')
        f.write(data)
        f.write(')armlint_types", %d};\n\n}  // namespace armlint::internal\n' % len(data))
    print("%s: %d types" % (out, len(lines)))


if __name__ == "__main__":
    main()
    gen_indexed(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
