#!/usr/bin/env bash
# Two threads against two processes (issue 21): the corpus linted with `-j 1`, with `-j 2`, and
# by two `-j 1` runs at once, in turns, ROUNDS times. The `-j 2` speed-up is compared with what
# this machine gives two independent single-threaded runs: 2 x (-j 1) / (two at once), the
# ceiling that work sharing nothing but the machine (memory, caches, the host) reaches here.
# Printed as the ratio of medians and the median of the rounds' ratios, with each command's
# user and system CPU time (medians).
#
# Usage: bench/threads.sh [armlint] [corpus-dir]
# Set ROUNDS (default 60). Each run writes the JSON report to /dev/null.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$here/build/armlint}")
corpus=${2:-$here/../shared/corpus}
if [[ ! -d "$corpus" ]]; then
  echo "threads.sh: no corpus at $corpus: skipped" >&2
  exit 0
fi
python3 - "$bin" "$(realpath "$corpus")" "${ROUNDS:-60}" <<'PY'
import os, resource, statistics, sys, time

binary, corpus, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])


def spawn(jobs):
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execv(binary, [binary, "-j", str(jobs), "-f", "json", "-o", os.devnull, corpus])
    return pid


def run(jobs_list):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for pid in [spawn(j) for j in jobs_list]:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"threads.sh: {binary} failed on {corpus}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


kinds = {"-j 1": [1], "-j 2": [2], "two -j 1 at once": [1, 1]}
results = {k: [] for k in kinds}
for _ in range(rounds):
    for name, jobs in kinds.items():
        results[name].append(run(jobs))

median = statistics.median
for name, rows in results.items():
    print(f"{name:17} wall {median(r[0] for r in rows) * 1e3:7.1f} ms   "
          f"user {median(r[1] for r in rows) * 1e3:6.1f} ms   "
          f"sys {median(r[2] for r in rows) * 1e3:5.1f} ms")
one = [r[0] for r in results["-j 1"]]
two = [r[0] for r in results["-j 2"]]
both = [r[0] for r in results["two -j 1 at once"]]
print(f"-j 2 speed-up:   {median(one) / median(two):.3f} (ratio of medians), "
      f"{median(a / b for a, b in zip(one, two)):.3f} (median of rounds)")
print(f"machine ceiling: {2 * median(one) / median(both):.3f} (ratio of medians), "
      f"{median(2 * a / b for a, b in zip(one, both)):.3f} (median of rounds)")
PY
