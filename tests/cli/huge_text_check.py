#!/usr/bin/env python3
"""Checks cli/huge_text.cc on the built armlint: the first 2 MB of its code in one huge page.

Usage: huge_text_check.py ARMLINT ON|OFF   (ON: the build lays out and aligns the code)

While armlint waits on its standard input, its mappings (/proc/PID/smaps) must show the start of
the code segment as an anonymous, read-only and executable 2 MB mapping backed by a huge page;
with ARMLINT_NO_HUGE_TEXT set, the file-backed mapping instead; and the findings are the same
either way. A breakpoint written into the code before start-up (as a debugger plants them, with
ptrace) must still stop the process: the huge page is a copy, and the copy must keep it. Exit 77 (skip) where the build does not align the code (ARMLINT_LINK_ORDER off) or
the kernel gives no transparent huge pages on request.
"""
import ctypes
import os
import signal
import subprocess
import tempfile
import sys
import time

binary, enabled = sys.argv[1], sys.argv[2]
if enabled.upper() not in ("ON", "TRUE", "1", "YES"):
    print("skipped: this build does not align the code for a huge page (ARMLINT_LINK_ORDER off)")
    sys.exit(77)
try:
    with open("/sys/kernel/mm/transparent_hugepage/enabled", encoding="ascii") as fh:
        thp = fh.read()
except OSError:
    thp = ""
if "[always]" not in thp and "[madvise]" not in thp:
    print(f"skipped: transparent huge pages are not given on request here ({thp.strip() or 'none'})")
    sys.exit(77)

TEMPLATE = b"""{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st1",
      "location": "westeurope", "sku": { "name": "Standard_LRS" }, "kind": "StorageV2",
      "properties": { "minimumTlsVersion": "TLS1_0" } }
  ]
}
"""


def code_start(path):
    """The virtual address of the executable's code segment (readelf -l)."""
    out = subprocess.run(["readelf", "-lW", path], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        f = line.split()
        if f and f[0] == "LOAD" and "E" in f[6:-1]:
            return int(f[2], 16)
    raise SystemExit("FAIL: no executable LOAD segment in " + path)


def mapping_at(pid, address):
    """(header line, AnonHugePages kB) of the mapping that starts at `address`."""
    with open(f"/proc/{pid}/smaps", encoding="ascii", errors="replace") as fh:
        lines = fh.read().splitlines()
    for i, line in enumerate(lines):
        start = line.split("-", 1)[0]
        if all(c in "0123456789abcdef" for c in start) and int(start, 16) == address:
            huge = 0
            for more in lines[i + 1:]:
                if more.startswith("AnonHugePages:"):
                    huge = int(more.split()[1])
                    break
            return line, huge
    return None, 0


def run(env_extra):
    env = dict(os.environ)
    env.pop("ARMLINT_NO_HUGE_TEXT", None)
    env.update(env_extra)
    proc = subprocess.Popen([binary, "--no-config", "--format", "json", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    time.sleep(0.3)  # the process starts and blocks reading its standard input
    header, huge = mapping_at(proc.pid, code_start(binary))
    out, err = proc.communicate(TEMPLATE, timeout=60)
    return header, huge, proc.returncode, out


ok = True
header, huge, code, report = run({})
print(f"default: {header} AnonHugePages {huge} kB; exit {code}")
fields = (header or "").split()
if not header or fields[1] != "r-xp" or len(fields) > 5 or huge != 2048:
    print("FAIL: the start of the code is not one anonymous r-x huge page")
    ok = False
header2, huge2, code2, report2 = run({"ARMLINT_NO_HUGE_TEXT": "1"})
print(f"ARMLINT_NO_HUGE_TEXT=1: {header2} AnonHugePages {huge2} kB; exit {code2}")
if not header2 or len(header2.split()) < 6 or huge2 != 0:
    print("FAIL: with ARMLINT_NO_HUGE_TEXT the code should stay mapped from the file")
    ok = False
if code != 1 or code2 != 1 or report != report2 or b"storage" not in report:
    print(f"FAIL: the findings differ or are missing (exit {code} and {code2})")
    ok = False


def symbol(path, name):
    """The address of the function `name` in `path` (nm), or None."""
    out = subprocess.run(["nm", path], capture_output=True, text=True)
    for line in out.stdout.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "Tt" and f[2] == name:
            return int(f[0], 16)
    return None


def breakpoint_kept():
    """Plants int3 at main while armlint is stopped at its exec, as a debugger does; True when
    the process then stops there, False when it runs past, None when ptrace is not allowed."""
    main = symbol(binary, "main")
    start = code_start(binary)
    if main is None or not start <= main < start + (2 << 20):
        raise SystemExit(f"FAIL: main is not in the first 2 MB of code ({main})")
    libc = ctypes.CDLL(None, use_errno=True)
    libc.ptrace.restype = ctypes.c_long
    libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
    traceme, peek, poke, cont, getregs = 0, 1, 4, 7, 12
    with tempfile.NamedTemporaryFile(suffix=".json") as tiny:
        tiny.write(TEMPLATE)
        tiny.flush()
        env = dict(os.environ)
        env.pop("ARMLINT_NO_HUGE_TEXT", None)
        pid = os.fork()
        if pid == 0:
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            if libc.ptrace(traceme, 0, None, None) != 0:
                os._exit(99)
            os.execve(binary, [binary, "--no-config", tiny.name], env)
        try:
            _, status = os.waitpid(pid, 0)
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 99:
                return None
            if not os.WIFSTOPPED(status):
                raise SystemExit(f"FAIL: armlint did not stop at its exec ({status:#x})")
            ctypes.set_errno(0)
            word = libc.ptrace(peek, pid, ctypes.c_void_p(main), None)
            if ctypes.get_errno() != 0:
                return None
            if libc.ptrace(poke, pid, ctypes.c_void_p(main),
                           ctypes.c_void_p((word & ~0xFF) | 0xCC)) != 0:
                return None
            libc.ptrace(cont, pid, None, None)
            _, status = os.waitpid(pid, 0)
            if not os.WIFSTOPPED(status) or os.WSTOPSIG(status) != signal.SIGTRAP:
                print(f"armlint ran past the breakpoint (wait status {status:#x})")
                return False
            regs = (ctypes.c_ulong * 27)()
            libc.ptrace(getregs, pid, None, ctypes.byref(regs))
            rip = regs[16]  # struct user_regs_struct on x86-64
            print(f"stopped at {rip:#x}, main at {main:#x}")
            return rip == main + 1
        finally:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass  # it has ended and been waited for


if os.uname().machine == "x86_64":
    kept = breakpoint_kept()
    if kept is None:
        print("breakpoint check skipped: ptrace is not allowed here")
    elif not kept:
        print("FAIL: a breakpoint planted before start-up was lost in the copy of the code")
        ok = False
sys.exit(0 if ok else 1)
