#!/usr/bin/env python3
"""Checks that the armlint binary was laid out by cli/link-order.txt (CMake's ARMLINT_LINK_ORDER).

Usage: link_order_check.py ARMLINT LINK_ORDER_FILE ON|OFF

- Every armlint function the file names sits before every armlint function it does not name:
  the start-up path is one contiguous stretch at the head of the code.
- Most of the file's armlint functions still exist: a file gone stale after renames (regenerate it
  with scripts/gen-link-order.py) fails here instead of silently costing start-up time.
Exit 77 (skip) when the build did not use the file (no lld, a sanitizer build, or the option off).
"""
import collections
import subprocess
import sys

binary, order_file, enabled = sys.argv[1], sys.argv[2], sys.argv[3]
if enabled.upper() not in ("ON", "TRUE", "1", "YES"):
    print("skipped: this build does not use cli/link-order.txt (ARMLINT_LINK_ORDER is off)")
    sys.exit(77)

with open(order_file, encoding="ascii") as fh:
    ordered = {line.strip() for line in fh if line.strip()}
names_at = collections.defaultdict(list)
present = set()
nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True)
for line in nm.stdout.splitlines():
    f = line.split()
    if len(f) != 3:
        continue
    present.add(f[2])
    if f[1] in "tTW" and f[2].startswith("_ZN7armlint"):
        names_at[int(f[0], 16)].append(f[2])

# An address is on the start-up path when any of its names (constructors have two) is listed.
inside = [a for a, names in names_at.items() if any(n in ordered for n in names)]
outside = [a for a, names in names_at.items() if not any(n in ordered for n in names)]
listed = [n for n in ordered if n.startswith("_ZN7armlint")]
found = sum(1 for n in listed if n in present)
print(f"{len(inside)} armlint functions on the start-up path, {len(outside)} elsewhere; "
      f"{found} of the file's {len(listed)} armlint names exist in the binary")
ok = True
if not inside or not outside:
    print("FAIL: expected functions both on and off the start-up path")
    ok = False
elif max(inside) > min(outside):
    late = [names_at[a][0] for a in inside if a > min(outside)]
    print(f"FAIL: {len(late)} listed functions lie after unlisted ones, e.g. {late[:3]}: the link "
          "did not follow cli/link-order.txt")
    ok = False
if listed and found < len(listed) // 2:
    print("FAIL: most of cli/link-order.txt names functions the binary no longer has: "
          "regenerate it with scripts/gen-link-order.py")
    ok = False
sys.exit(0 if ok else 1)
