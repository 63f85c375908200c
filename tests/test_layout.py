"""Tables on a real terminal (a pseudo-terminal made by `script`) at 80, 100 and 120 columns:
no line wider than the terminal, no word of the data cut across lines, and the timeline at
most three lines per event. Piped output is tested elsewhere (test_output.py)."""

import functools
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from support import invoke

CICA = str(Path(sys.executable).parent / "cica")
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")

pytestmark = pytest.mark.skipif(shutil.which("script") is None, reason="needs `script` (util-linux) for a terminal")


def on_terminal(width: int, *args: str) -> list[str]:
    """What `cica ARGS` shows on a terminal `width` columns wide, line by line."""
    command = " ".join(["stty", "cols", str(width), "rows", "50;", CICA, *(f"'{a}'" for a in args)])
    result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True,
                            encoding="utf-8", env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "TERM": "xterm",
                                                   "CICA_PAGER": "cat", "PAGER": "cat"}, timeout=60)
    return [ANSI.sub("", line).rstrip("\r") for line in result.stdout.split("\n")]


def events() -> list[dict]:
    return json.loads(subprocess.run([CICA, "timeline", "--json"], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_timeline_fits_the_terminal(width):
    lines = on_terminal(width, "timeline")
    assert max(len(line) for line in lines) <= width, [line for line in lines if len(line) > width]
    listed = events()
    separator = next(i for i, line in enumerate(lines) if line.strip() and set(line.strip()) <= {"-", " "})
    body = [line for line in lines[separator + 1:] if line.strip() and not line.startswith(("* ", "Sources left out"))]
    assert len(body) <= 3 * len(listed)
    shown = " ".join(lines)
    for event in listed:  # every word of every title stands whole somewhere
        for word in event["title"].split():
            assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", shown), (width, word, event["id"])


@pytest.mark.parametrize("args", [["timeline", "--cite"], ["members"], ["compare"], ["compare", "member-states"],
                                  ["diff", "003", "004"], ["sources"], ["documents"], ["conflicts"],
                                  ["member", "kazakhstan"], ["show", "1992-unga-proposal"], ["document", "almaty act"],
                                  ["compare", "1992-unga-proposal"], ["compare", "founding"], ["search", "summit"],
                                  ["source", "003"], ["cite", "1992-unga-proposal"], ["people"],
                                  ["person", "nazarbayev"], ["show", "astana"]])
@pytest.mark.parametrize("width", [80, 100, 120])
def test_listings_are_no_wider_than_the_terminal_and_cut_no_word(width, args):
    lines = on_terminal(width, *args)
    assert any(line.strip() for line in lines)
    assert max(len(line) for line in lines) <= width, [line for line in lines if len(line) > width]
    piped = piped_output(*args)
    if not any("left out at this width" in line for line in lines):  # nothing cropped: every character shows
        assert _characters(lines) == _characters(piped.split("\n"))
    if (width, args[0]) in CUTS_WORDS:
        pytest.xfail("this table still folds a word where its columns cannot all fit")
    # every word on the terminal is a whole word of the same output piped (never a piece of one)
    whole = set(piped.split()) | set("left out at this width: a wider terminal, a pipe or --json shows all".split())
    shown = lines[: next((i for i, line in enumerate(lines) if "left out at this width" in line), len(lines))]
    pieces = [w for line in shown for w in line.split() if w not in whole and set(w) != {"-"}]
    assert not pieces, pieces


@functools.lru_cache(maxsize=None)
def piped_output(*args: str) -> str:
    """What `cica ARGS` prints when its output is not a terminal (the same at every width)."""
    result = invoke(args, env={"CICA_DATA": None, "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def _characters(lines: list[str]) -> Counter:
    """The characters other than spaces, leaving out the rule under a table's header."""
    return Counter(c for line in lines if not set(line.strip()) <= {"-", " "} for c in line if not c.isspace())


# Tables that still fold a word at these widths: their columns' longest words do not all fit.
CUTS_WORDS = {(80, "search")}


def run_with_pager(tmp_path, *args, piped=False):
    """`cica ARGS` on a terminal (or piped) with CICA_PAGER writing what it is given to a file."""
    paged = tmp_path / "paged.txt"
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "TERM": "xterm", "CICA_PAGER": f"cat > {paged}"}
    if piped:
        result = subprocess.run([CICA, *args], capture_output=True, text=True, env=env, timeout=60)
        shown = result.stdout
    else:
        command = " ".join(["stty", "cols", "100", "rows", "50;", CICA, *args])
        result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True,
                                env=env, timeout=60)
        shown = ANSI.sub("", result.stdout)
    return result.returncode, shown, paged.read_text(encoding="utf-8") if paged.exists() else None


def test_terminal_output_goes_through_the_pager(tmp_path):
    code, shown, paged = run_with_pager(tmp_path, "timeline")
    assert code == 0 and paged is not None and "CICA timeline" in paged and "CICA timeline" not in shown


def test_no_pager_and_pipes_write_directly(tmp_path):
    code, shown, paged = run_with_pager(tmp_path, "--no-pager", "timeline")
    assert code == 0 and paged is None and "CICA timeline" in shown
    code, shown, paged = run_with_pager(tmp_path, "timeline", piped=True)
    assert code == 0 and paged is None and "CICA timeline" in shown


def test_a_pager_that_cannot_start_is_passed_over(tmp_path):
    command = f"stty cols 100 rows 50; {CICA} timeline"
    result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "CICA_PAGER": "no-such-pager-here"})
    assert result.returncode == 0 and "CICA timeline" in result.stdout
