#!/usr/bin/env python3
"""Runs the composite GitHub Action in action.yml the way a runner would, for the dist.action test:
each step's `run` script under `bash --noprofile --norc -eo pipefail`, with the step's `env`,
GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_PATH and GITHUB_OUTPUT files, and the `${{ inputs.x }}`
and `${{ steps.id.outputs.x }}` expressions the action uses. Steps whose `if` is
`inputs.X != ''` are skipped when that input is empty. Other expressions are an error, so the
action cannot grow one this runner would silently get wrong.

Usage: run_action.py ACTION_DIR WORK_DIR TEMP_DIR name=value...
Exit code: the first failing step's, else 0. The folders added to GITHUB_PATH are printed.
"""

import os
import re
import subprocess
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def main():
    action_dir, work, temp = sys.argv[1:4]
    given = dict(arg.split("=", 1) for arg in sys.argv[4:])
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    unknown = set(given) - set(inputs)
    if unknown:
        sys.exit(f"run_action.py: the action has no input {sorted(unknown)}")
    inputs.update(given)
    outputs = {}

    def evaluate(text):
        def one(m):
            expr = m.group(1)
            if expr.startswith("inputs."):
                return inputs[expr[len("inputs."):]]
            m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if m2:
                return outputs.get(m2.group(1), {}).get(m2.group(2), "")
            sys.exit(f"run_action.py: unsupported expression '{expr}'")
        return EXPR.sub(one, str(text))

    path_file = os.path.join(temp, "github_path")
    open(path_file, "w").close()
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        cond = step.get("if")
        if cond is not None:
            m = re.fullmatch(r"inputs\.([\w-]+) != ''", cond)
            if not m:
                sys.exit(f"run_action.py: unsupported condition '{cond}'")
            if inputs[m.group(1)] == "":
                continue
        assert step["shell"] == "bash", step
        out_file = os.path.join(temp, "github_output")
        open(out_file, "w").close()
        env = {k: v for k, v in os.environ.items()}
        with open(path_file, encoding="utf-8") as f:
            added = [line.strip() for line in f if line.strip()]
        env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
        env.update({"GITHUB_ACTION_PATH": action_dir, "RUNNER_TEMP": temp,
                    "GITHUB_PATH": path_file, "GITHUB_OUTPUT": out_file})
        env.update({k: evaluate(v) for k, v in step.get("env", {}).items()})
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               evaluate(step["run"])], cwd=work, env=env).returncode
        if "id" in step:
            with open(out_file, encoding="utf-8") as f:
                outputs[step["id"]] = dict(l.rstrip("\n").split("=", 1) for l in f if "=" in l)
        if code != 0:
            return code
    with open(path_file, encoding="utf-8") as f:
        sys.stdout.write(f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
