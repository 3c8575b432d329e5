#!/usr/bin/env python3
"""Writes armlint's Python wheels by hand, with the standard library only (offline, no build
tools): the zip layout, METADATA, WHEEL and a RECORD of sha256 digests as the binary
distribution format specifies (https://packaging.python.org/specifications/binary-distribution-format/).

Two wheels:
- `armlint-<version>-py3-none-manylinux_2_17_x86_64.whl` carries the static armlint binary as a
  script (`armlint-<version>.data/scripts/armlint`), so `pip install armlint` puts `armlint` on
  PATH. The binary links nothing dynamically, so it runs on any x86-64 Linux; manylinux_2_17 is
  the oldest tag current pip accepts for it.
    python3 scripts/armlint_wheel.py --binary build/armlint --out dist [--source .]
- `armlint_pre_commit-<version>-py3-none-any.whl`, built by pip through the PEP 517 hooks at the
  end of this file (`pyproject.toml` names this file as the build backend): no code, only a
  dependency on `armlint==<version>`. pre-commit installs a `language: python` hook with
  `pip install .` in the hook's repository, so this is what makes the `armlint-python` hook in
  `.pre-commit-hooks.yaml` fetch the binary wheel.

Both are reproducible: entries in a fixed order, timestamps from SOURCE_DATE_EPOCH (else the
last commit's date), fixed permissions.
"""

import argparse
import base64
import hashlib
import os
import re
import subprocess
import sys
import time
import zipfile

PLATFORM_TAG = "py3-none-manylinux_2_17_x86_64"
SUMMARY = "Fast policy-as-code linter for Azure ARM templates (Well-Architected rule packs)"
HOME_PAGE = "https://github.com/armlint/armlint"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can record


def source_dir():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def project_version(src):
    """The version in CMakeLists.txt's project(), the one armlint --version prints."""
    with open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"^project\(armlint VERSION ([0-9]+\.[0-9]+\.[0-9]+)", f.read(), re.M)
    if not m:
        sys.exit("armlint_wheel.py: no 'project(armlint VERSION x.y.z' in CMakeLists.txt")
    return m.group(1)


def source_date_epoch(src):
    """SOURCE_DATE_EPOCH, else the last commit's time, else 1980-01-01."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "-C", src, "log", "-1", "--format=%ct"], check=True,
                             capture_output=True, text=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return ZIP_EPOCH_MIN


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def write_wheel(out_dir, name, version, tag, files, metadata, epoch):
    """Writes {name}-{version}-{tag}.whl into out_dir and returns its path.

    files: (archive name, bytes, executable) for the payload; metadata: the METADATA text.
    """
    dist = re.sub(r"[-_.]+", "_", name)
    dist_info = f"{dist}-{version}.dist-info"
    wheel_text = (f"Wheel-Version: 1.0\nGenerator: armlint_wheel.py\n"
                  f"Root-Is-Purelib: {'true' if tag.endswith('-any') else 'false'}\n"
                  f"Tag: {tag}\n")
    entries = sorted(files) + [(f"{dist_info}/METADATA", metadata.encode(), False),
                               (f"{dist_info}/WHEEL", wheel_text.encode(), False)]
    record = "".join(f"{n},{record_hash(d)},{len(d)}\n" for n, d, _ in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode(), False))

    stamp = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{dist}-{version}-{tag}.whl")
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for arcname, data, executable in entries:
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permission bits below are honoured
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            z.writestr(info, data, compresslevel=9)
    os.replace(tmp, path)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def binary_wheel(binary, out_dir, src):
    version = project_version(src)
    readme = read(os.path.join(src, "README.md")).decode("utf-8")
    metadata = (f"Metadata-Version: 2.1\nName: armlint\nVersion: {version}\n"
                f"Summary: {SUMMARY}\nHome-page: {HOME_PAGE}\nLicense: Apache-2.0\n"
                "Classifier: License :: OSI Approved :: Apache Software License\n"
                "Classifier: Operating System :: POSIX :: Linux\n"
                "Classifier: Environment :: Console\n"
                "Classifier: Topic :: Software Development :: Quality Assurance\n"
                "Requires-Python: >=3.7\n"
                "Description-Content-Type: text/markdown\n\n" + readme)
    dist_info = f"armlint-{version}.dist-info"
    files = [
        (f"armlint-{version}.data/scripts/armlint", read(binary), True),
        (f"{dist_info}/LICENSE", read(os.path.join(src, "LICENSE")), False),
        (f"{dist_info}/THIRD-PARTY-NOTICES.md",
         read(os.path.join(src, "THIRD-PARTY-NOTICES.md")), False),
    ]
    return write_wheel(out_dir, "armlint", version, PLATFORM_TAG, files, metadata,
                       source_date_epoch(src))


# PEP 517 build backend for `pip install .` (pre-commit's `language: python`): the pre-commit
# shim wheel. Needs nothing installed, so pip's isolated build works offline.
def _shim_metadata(version):
    return (f"Metadata-Version: 2.1\nName: armlint-pre-commit\nVersion: {version}\n"
            f"Summary: Installs armlint {version} for pre-commit's language: python hook\n"
            f"Home-page: {HOME_PAGE}\nLicense: Apache-2.0\nRequires-Dist: armlint=={version}\n")


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    src = source_dir()
    version = project_version(src)
    path = write_wheel(wheel_directory, "armlint-pre-commit", version, "py3-none-any", [],
                       _shim_metadata(version), source_date_epoch(src))
    return os.path.basename(path)


def main():
    parser = argparse.ArgumentParser(description="Write armlint's binary wheel.")
    parser.add_argument("--binary", required=True, help="the static armlint executable")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--source", default=source_dir(), help="armlint's source directory")
    args = parser.parse_args()
    print(binary_wheel(args.binary, args.out, args.source))


if __name__ == "__main__":
    main()
