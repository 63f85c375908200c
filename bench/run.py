"""Benchmark `cica`: start-up time of every command, and time and memory at scale.

    python bench/run.py              # start-up, then 1k and 10k events
    python bench/run.py --full       # also 100k events (a few minutes)
    python bench/run.py --quick      # fewer repetitions

Run it with the Python of the virtual environment `cica` is installed in: the commands are
timed as whole processes, through that environment's `cica` script. Exits 1 when a target
is missed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

BARE_IMPORT = "import typer, rich.console, rich.table, yaml"

# Start-up: (label, arguments to `cica`). Commands from other modules are added below when
# the installed `cica` has them; to time a new command, add its arguments to EXTRA.
STARTUP = [
    ("cica --version", ["--version"]),
    ("cica timeline", ["timeline"]),
    ("cica timeline --json", ["timeline", "--json"]),
    ("cica check", ["check"]),
    ("cica coverage", ["coverage"]),
]
EXTRA = {
    "members": ["members"],
    "member": ["member", "kazakhstan"],
    "documents": ["documents"],
    "document": ["document", "almaty-act"],
    "sources": ["sources"],
    "source": ["source", "bakishev-2009"],
    "search": ["search", "summit"],
    "show": ["show", "2002-first-summit"],
    "compare": ["compare", "member-states"],
    "diff": ["diff", "bakishev-2009", "ravichandran-2023"],
    "conflicts": ["conflicts"],
    "cite": ["cite", "2002-first-summit"],
    "person": ["person", "sarybay"],
    "people": ["people"],
    "place": ["place", "nur-sultan"],
    "draft": ["draft", "004"],
    "scopes": ["scopes"],
    "schema": ["schema", "events"],
}
# Start-up targets: label -> the largest allowed ratio to the bare import.
STARTUP_TARGETS = {"cica timeline": 1.3, "cica --version": 1.1}

# Scale: (label, arguments; DIR is replaced by the dataset directory). `compare --json` is
# timed when the installed `cica` has it.
SCALE = [
    ("check", ["check", "--data", "DIR"]),
    ("timeline --json", ["timeline", "--json", "--data", "DIR"]),
]
SCALE_EXTRA = {"compare": ("compare --json", ["compare", "--json", "--data", "DIR"]),
               "conflicts": ("conflicts --json", ["conflicts", "--json", "--data", "DIR"]),
               "export": ("export sqlite", ["export", "sqlite", "DIR/cica.db", "--data", "DIR"])}
# Scale targets at 10k events, in seconds.
SCALE_TARGETS = {"check": 1.0, "timeline --json": 0.5}


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB, exit code) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, rss, proc.returncode


def medians(commands: list[tuple[str, list[str]]], repeat: int, env: dict[str, str]) -> dict[str, tuple[float, int, int]]:
    """Median wall time, peak RSS and exit code of each command, run round-robin `repeat`
    times after one warm-up round (so that drift in the machine's load hits all alike)."""
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    rss: dict[str, int] = {}
    codes: dict[str, int] = {}
    for round_ in range(repeat + 1):
        for label, argv in commands:
            elapsed, peak, code = run_once(argv, env)
            if round_:
                times[label].append(elapsed)
            rss[label] = max(rss.get(label, 0), peak)
            codes[label] = code
    return {label: (statistics.median(times[label]), rss[label], codes[label]) for label, _ in commands}


def installed_commands(python: str) -> list[str]:
    out = subprocess.run(
        [python, "-c", "from cica_cli.cli import app; print(' '.join(c.name for c in app.registered_commands))"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout.split()


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark cica's start-up and scale.")
    parser.add_argument("--full", action="store_true", help="also run 100k events (minutes)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--repeat", type=int, help="start-up repetitions (default 21, --quick 7)")
    parser.add_argument("--no-scale", action="store_true", help="start-up only")
    args = parser.parse_args()

    python = sys.executable
    cica = shutil.which("cica", path=str(Path(python).parent))
    if cica is None:
        print(f"bench: no `cica` script next to {python}; install the project in this environment "
              "(pip install .) and run this file with its python", file=sys.stderr)
        return 2
    # PYTHONDONTWRITEBYTECODE would make every run compile the sources again (an installed
    # package has its .pyc files): the warm-up round writes them.
    dropped = ("CICA_DATA", "COLUMNS", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["NO_COLOR"] = "1"
    missed: list[str] = []

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU(s), {platform.system()} {platform.release()}")
    print(f"python:  {platform.python_implementation()} {platform.python_version()} ({python})")
    print()

    # --- start-up -----------------------------------------------------------------------
    names = installed_commands(python)
    commands = [("python -c pass", [python, "-c", "pass"]), ("bare import", [python, "-c", BARE_IMPORT])]
    commands += [(label, [cica, *argv]) for label, argv in STARTUP]
    for name in names:
        if name in EXTRA:
            commands.append((f"cica {' '.join(EXTRA[name])}", [cica, *EXTRA[name]]))
        elif name not in {argv[0] for _, argv in STARTUP}:
            commands.append((f"cica {name} --help", [cica, name, "--help"]))
    repeat = args.repeat or (7 if args.quick else 21)
    results = medians(commands, repeat, env)
    base = results["bare import"][0]
    rows = []
    for label, _ in commands:
        seconds, _rss, code = results[label]
        ratio = seconds / base
        target = STARTUP_TARGETS.get(label)
        verdict = ""
        if target is not None:
            verdict = f"<= {target} ok" if ratio <= target else f"> {target} MISSED"
            if ratio > target:
                missed.append(f"{label}: {ratio:.2f} x the bare import (target {target})")
        rows.append([label, f"{seconds * 1000:.0f}", f"{ratio:.2f}", str(code), verdict])
    print(f"Start-up (median of {repeat} runs; ratio to `python -c \"{BARE_IMPORT}\"`)")
    print(table(["command", "ms", "x bare import", "exit", "target"], rows))
    print()

    # --- scale --------------------------------------------------------------------------
    if not args.no_scale:
        scale = list(SCALE) + [SCALE_EXTRA[n] for n in SCALE_EXTRA if n in names]
        sizes = [1_000, 10_000] + ([100_000] if args.full else [])
        timings: dict[tuple[str, int], float] = {}
        rows = []
        with tempfile.TemporaryDirectory(prefix="cica-bench-") as tmp:
            # Timed with the record cache warm (what repeated use costs), and once more with
            # it off (the first run after an edit): the targets apply to the warm runs.
            warm_env = {**env, "CICA_CACHE_DIR": str(Path(tmp) / "cache")}
            cold_env = {**env, "CICA_NO_CACHE": "1"}
            for size in sizes:
                root = Path(tmp) / f"{size}"
                generate(size, root)
                cmds = [(label, [cica, *(str(root) + a[3:] if a.startswith("DIR") else a for a in argv)])
                        for label, argv in scale]
                reps = 1 if size >= 100_000 else (3 if args.quick else 5)
                results = medians(cmds, reps, warm_env)
                cold = medians(cmds, reps, cold_env)
                for label, _ in cmds:
                    seconds, rss, code = results[label]
                    timings[label, size] = seconds
                    target = SCALE_TARGETS.get(label) if size == 10_000 else None
                    verdict = ""
                    if code != 0:
                        verdict = f"FAILED (exit {code})"
                        missed.append(f"{label} at {size} events exited {code}")
                    elif target is not None:
                        verdict = f"< {target} s ok" if seconds < target else f">= {target} s MISSED"
                        if seconds >= target:
                            missed.append(f"{label} at 10k events: {seconds:.2f} s (target < {target} s)")
                    rows.append([f"{size:,}", label, f"{seconds:.3f}", f"{rss / 1024:.0f}", verdict])
                    cold_seconds, cold_rss, _code = cold[label]
                    rows.append([f"{size:,}", f"{label} (cold: no cache)", f"{cold_seconds:.3f}", f"{cold_rss / 1024:.0f}", ""])
        print("Scale (synthetic datasets from bench/generate.py; median wall time, peak RSS of the process)")
        print(table(["events", "command", "seconds", "peak MiB", "target"], rows))
        if args.full:
            print()
            for label, _ in scale:
                ratio = timings[label, 100_000] / timings[label, 10_000]
                print(f"{label}: 100k/10k time ratio {ratio:.1f} (10 x the data; <= 10 is linear or better)")
                if ratio > 11:
                    missed.append(f"{label}: grows worse than linearly (100k/10k = {ratio:.1f})")
        print()

    if missed:
        print("MISSED:\n  " + "\n  ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
