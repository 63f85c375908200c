"""The README's console examples, run for real.

Every ```console block in README.md holds commands (lines starting with `$ `) each followed
by its output. `check()` runs every command and returns the examples whose output differs;
`python tests/readme.py --write` rewrites the README with the real output (run it after a
change that alters what a command prints, and read the diff).

Each block's commands run in order through bash, in a scratch directory of the block's own
holding a copy of tests/fixtures (so that
`--data tests/fixtures/as-written` works as from a checkout's root), with the `cica`
installed next to this Python first on PATH, output piped (plain text, as a reader who pipes would see it) and
standard error shown after standard output.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)


def examples(text: str) -> list[tuple[str, str]]:
    """(command, output as written) for every `$ ` line of every console block, in order."""
    found = []
    for block in _BLOCK.finditer(text):
        command, output = None, []
        for line in block.group(1).splitlines(keepends=True):
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, "".join(output)))
                command, output = line[2:].rstrip("\n"), []
            elif command is not None:
                output.append(line)
        if command is not None:
            found.append((command, "".join(output)))
    return found


def run(command: str, cwd: Path) -> str:
    """What `command` prints (stdout, then stderr) in `cwd`."""
    bindir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k not in ("CICA_DATA", "COLUMNS", "CICA_PAGER", "PAGER")}
    env.update(PATH=bindir + os.pathsep + env.get("PATH", ""), NO_COLOR="1", LC_ALL="C.UTF-8",
               SOURCE_DATE_EPOCH="1795478400")  # the calendar's DTSTAMP: 2026-11-24
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    return result.stdout + result.stderr


def real_outputs(text: str, shard: int = 0, shards: int = 1) -> list[tuple[str, str, str]]:
    """(command, output as written, output as run) for every example of every `shards`-th
    block from block `shard` (all of them by default), each block in a scratch directory."""
    import shutil

    rows = []
    for block in list(_BLOCK.finditer(text))[shard::shards]:
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copytree(FIXTURES, Path(scratch) / "tests" / "fixtures")  # `--data tests/fixtures/...`
            rows += [(command, written, run(command, Path(scratch))) for command, written in examples(block.group(0))]
    return rows


def check(shard: int = 0, shards: int = 1) -> list[tuple[str, str, str]]:
    """The examples whose written output differs from the real one (of some blocks: see
    `real_outputs`)."""
    return [row for row in real_outputs(README.read_text(encoding="utf-8"), shard, shards) if row[1] != row[2]]


def write() -> int:
    """Rewrite README.md with every example's real output; the number of examples changed."""
    text = README.read_text(encoding="utf-8")
    rows = iter(real_outputs(text))
    changed = 0

    def block(match: re.Match) -> str:
        nonlocal changed
        out = []
        for command, _ in examples(match.group(0)):
            _command, written, real = next(rows)
            changed += written != real
            out.append(f"$ {command}\n{real}")
        return "```console\n" + "".join(out) + "```\n"

    README.write_text(_BLOCK.sub(block, text), encoding="utf-8")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        print(f"{write()} example(s) rewritten in {README}")
    else:
        stale = check()
        for command, _, _ in stale:
            print(f"out of date: $ {command}")
        sys.exit(1 if stale else 0)
