#!/usr/bin/env python3
"""Lints a template buffer with armlint's C API (libarmlint.so) through ctypes.

usage: lint.py [--lib PATH] [--format FORMAT] [FILE]

Lints FILE's text (or a built-in sample) as an editor would lint an unsaved buffer and prints
one line per finding, "file:line:col impact rule-id", or the whole report in FORMAT (json,
sarif, ...). --lib names the shared library (default: $ARMLINT_LIB, else the system's
libarmlint.so.0). Exit code: 0 linted, 2 the input or the library failed.
"""
import argparse
import ctypes
import ctypes.util
import os
import sys

SAMPLE = """{"contentVersion": "1.0.0.0", "resources": [{
  "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
  "name": "st1", "properties": {"minimumTlsVersion": "TLS1_0"}}]}"""


class Armlint:
    """The few C functions used here, with their signatures (armlint/armlint.h)."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        # Strings the caller frees come back as c_void_p so that ctypes does not copy and lose
        # the pointer; see take_string().
        signatures = {
            "armlint_version": (ctypes.c_char_p, []),
            "armlint_free": (None, [ctypes.c_void_p]),
            "armlint_engine_new": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]),
            "armlint_engine_destroy": (None, [ctypes.c_void_p]),
            "armlint_lint_buffer": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                                                      ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]),
            "armlint_result_destroy": (None, [ctypes.c_void_p]),
            "armlint_result_finding_count": (ctypes.c_size_t, [ctypes.c_void_p]),
            "armlint_result_error_count": (ctypes.c_size_t, [ctypes.c_void_p]),
            "armlint_finding_rule_id": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_finding_impact": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_finding_file": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_finding_line": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_finding_column": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_error_message": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
            "armlint_result_report": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_char_p,
                                                        ctypes.POINTER(ctypes.c_void_p)]),
        }
        for name, (restype, argtypes) in signatures.items():
            fn = getattr(lib, name)
            fn.restype = restype
            fn.argtypes = argtypes
        self.lib = lib

    def take_string(self, ptr):
        """Copies a caller-owned char* into a Python str and frees it with armlint_free."""
        if not ptr:
            return None
        try:
            return ctypes.string_at(ptr).decode("utf-8")
        finally:
            self.lib.armlint_free(ptr)

    def check(self, handle, err):
        if not handle:
            raise RuntimeError(self.take_string(err.value) or "armlint: out of memory")
        return handle


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lib", default=os.environ.get("ARMLINT_LIB") or
                        ctypes.util.find_library("armlint") or "libarmlint.so.0")
    parser.add_argument("--format", help="print the whole report in this format instead")
    parser.add_argument("file", nargs="?", help="template to lint (default: a built-in sample)")
    args = parser.parse_args()

    name, text = "main.json", SAMPLE.encode("utf-8")
    if args.file:
        name = args.file
        with open(args.file, "rb") as f:
            text = f.read()

    armlint = Armlint(args.lib)
    lib = armlint.lib
    err = ctypes.c_void_p()
    engine = result = None
    try:
        engine = armlint.check(lib.armlint_engine_new(None, ctypes.byref(err)), err)
        result = armlint.check(
            lib.armlint_lint_buffer(engine, name.encode("utf-8"), text, len(text), ctypes.byref(err)), err)
        if args.format:
            report = lib.armlint_result_report(result, args.format.encode("utf-8"), ctypes.byref(err))
            sys.stdout.write(armlint.take_string(armlint.check(report, err)))
        else:
            for i in range(lib.armlint_result_finding_count(result)):
                print("%s:%d:%d %s %s" % (lib.armlint_finding_file(result, i).decode(),
                                          lib.armlint_finding_line(result, i),
                                          lib.armlint_finding_column(result, i),
                                          lib.armlint_finding_impact(result, i).decode(),
                                          lib.armlint_finding_rule_id(result, i).decode()))
        for i in range(lib.armlint_result_error_count(result)):
            print("error: %s" % lib.armlint_error_message(result, i).decode(), file=sys.stderr)
        return 2 if lib.armlint_result_error_count(result) else 0
    except RuntimeError as e:
        print("armlint: %s" % e, file=sys.stderr)
        return 2
    finally:
        lib.armlint_result_destroy(result)
        lib.armlint_engine_destroy(engine)


if __name__ == "__main__":
    sys.exit(main())
