#!/usr/bin/env python3
"""Writes cli/link-order.txt: the symbols a short run touches, in the order it first touches them.

The armlint binary is linked (lld, --symbol-ordering-file) with these functions and data placed
first in their sections, so that a pre-commit run touches a few hundred contiguous pages of the
binary instead of pages scattered over all of its 11 MB. On virtual machines whose page tables the
host shadows, every distinct page a process touches costs several microseconds on its first
touch, whether the kernel maps it by a fault of its own or around another; that is most of a
small run's time (bench/startup.md).

The runs are traced with valgrind's lackey tool (every instruction fetch and data access), and
each address is mapped to the symbol that holds it (nm). A symbol missing from a later build is
ignored by the linker, so a stale file only costs speed, never correctness.

Usage: scripts/gen-link-order.py [build/armlint] [corpus-dir]
The runs: --version; one storage account; examples/storage-v2.json; the corpus's AVM
storage-account module; all of examples/; and, where ../shared/azure-policy is present, the
storage account against every built-in policy definition read from a cache.
"""
import bisect
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "cli", "link-order.txt")

# One storage account: the template bench/startup.sh times.
TINY_TEMPLATE = os.path.join(ROOT, "bench", "tiny.json")


def symbols(binary):
    """(starts, ends, names) of the binary's sized symbols, sorted by address."""
    out = subprocess.run(["nm", "-S", "--defined-only", "-n", binary], capture_output=True,
                         text=True, check=True).stdout
    starts, ends, names = [], [], []
    for line in out.splitlines():
        f = line.split()
        if len(f) != 4 or f[2] in "aAU":
            continue
        size = int(f[1], 16)
        if size == 0:
            continue
        starts.append(int(f[0], 16))
        ends.append(int(f[0], 16) + size)
        names.append(f[3])
    return starts, ends, names


# glibc's string functions come in variants for each instruction set, one chosen when the
# program starts (IFUNC) by the processor it runs on; valgrind's virtual processor may choose
# another than the machines armlint runs on, so each traced variant brings its siblings.
IFUNC_VARIANT = re.compile(r"^(__(?:mem|str|stp|wcs|wmem|raw)[a-z0-9]*(?:_chk)?)_(?:sse|ssse|avx|evex)")


def with_ifunc_siblings(order, names):
    """Each traced variant followed by its siblings: the variant a machine chooses then lies
    with the code that calls it, not after everything else the runs touched."""
    seen = set(order)
    siblings = {}
    for n in sorted(set(names)):
        m = IFUNC_VARIANT.match(n)
        if m and n not in seen:
            siblings.setdefault(m.group(1), []).append(n)
    out = []
    for n in order:
        out.append(n)
        m = IFUNC_VARIANT.match(n)
        if m:
            out.extend(siblings.pop(m.group(1), []))
    return out


def first_touches(trace, table, order, seen):
    """Appends to `order` the symbols of `trace` (lackey --trace-mem output) not seen yet."""
    starts, ends, names = table
    with open(trace, encoding="ascii", errors="replace") as fh:
        for line in fh:
            # " I  0040a1b2,3", " L 7ff0001c,8", " S ...", " M ..."
            comma = line.find(",", 3)
            if comma < 0 or line[0] == "=":
                continue
            try:
                addr = int(line[3:comma], 16)
            except ValueError:
                continue
            i = bisect.bisect_right(starts, addr) - 1
            if i < 0 or addr >= ends[i]:
                continue
            name = names[i]
            if name not in seen:
                seen.add(name)
                order.append(name)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "armlint"))
    corpus = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "corpus"))
    examples = os.path.join(ROOT, "examples")
    with tempfile.TemporaryDirectory() as tmp:
        tiny = TINY_TEMPLATE
        # Start-up and the smallest runs first: their code leads the sections.
        runs = [
            ["--version"],
            ["--no-config", tiny],
            ["--no-config", os.path.join(examples, "storage-v2.json")],
        ]
        module = os.path.join(corpus, "avm", "res", "storage", "storage-account", "main.json")
        if os.path.exists(module):
            runs.append(["--no-config", module])
        else:
            print(f"note: {module} is absent; the order covers the examples only", file=sys.stderr)
        runs.append(["--no-config", examples])
        # A pre-commit hook with an organisation's policies reads them from a cache.
        policies = os.path.join(corpus, "..", "azure-policy", "built-in-policies")
        if os.path.isdir(policies):
            cache = os.path.join(tmp, "policies.cache")
            subprocess.run([binary, "rules", "--policy", policies, "--write-cache", cache],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if os.path.exists(cache):
                runs.append(["--no-config", "--policy", cache, tiny])
        table = symbols(binary)
        order, seen = [], set()
        for n, args in enumerate(runs):
            trace = os.path.join(tmp, f"trace{n}.txt")
            subprocess.run(["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-file={trace}",
                            binary, *args], cwd=tmp, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            before = len(order)
            first_touches(trace, table, order, seen)
            print(f"{' '.join(args)}: {len(order) - before} more symbols", file=sys.stderr)
    order = with_ifunc_siblings(order, table[2])
    with open(OUT, "w", encoding="ascii") as fh:
        fh.write("".join(name + "\n" for name in order))
    print(f"wrote {OUT}: {len(order)} symbols", file=sys.stderr)


if __name__ == "__main__":
    main()
