"""An article's file must lie directly inside seeds/: an absolute path, `..`, or a symlink
leading out is refused by `cica check`, refused by every other command, and never opened by
any command (an audit hook records every file Python opens; the canary is never among them)."""

import os
import shutil
import sys

import pytest

from commands import invocations
from support import MINIMAL, ROOT, invoke

CANARY_TEXT = "CANARY-7f3a: The Conference was first proposed in October 1992. Its first summit took place in 2002"

_opened: list[str] | None = None


def _audit(event, args):
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


def run_recording_opens(args):
    """Run `cica ARGS` in-process; return the result and every path opened meanwhile."""
    global _opened
    _opened = []
    try:
        result = invoke(args, env={"COLUMNS": "200", "CICA_DATA": None})
        return result, _opened
    finally:
        _opened = None


@pytest.fixture
def escape(tmp_path):
    """A dataset (a copy of the shipped one) and a canary file beside it, outside its seeds/."""
    root = tmp_path / "ds"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    return root, canary


def point_first_source_at(root, file_value):
    """Make the first source (bakishev-2009's neighbour in file order) name `file_value`."""
    path = root / "data" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    old = "file: 000_fcdc91bfac7338d6.txt"
    assert old in text
    path.write_text(text.replace(old, f"file: {file_value}", 1), encoding="utf-8")


def escapes(root, canary):
    """(case, the `file:` value) for each way out of seeds/; symlinks are made here."""
    os.symlink(canary, root / "seeds" / "link.txt")
    os.symlink("../../canary.txt", root / "seeds" / "relative-link.txt")
    os.symlink(canary.parent, root / "seeds" / "dir-link")
    return [
        ("absolute path", str(canary)),
        ("dot-dot", "../../canary.txt"),
        ("dot-dot inside a name", "x/../../../canary.txt"),
        ("symlink out of seeds", "link.txt"),
        ("relative symlink out of seeds", "relative-link.txt"),
        ("through a linked directory", "dir-link/canary.txt"),
    ]


EXPECTED = {
    "absolute path": "file must be a plain file name inside seeds/, not '{canary}'",
    "dot-dot": "file must be a plain file name inside seeds/, not '../../canary.txt'",
    "dot-dot inside a name": "file must be a plain file name inside seeds/, not 'x/../../../canary.txt'",
    "symlink out of seeds": "file 'link.txt' lies outside seeds/",
    "relative symlink out of seeds": "file 'relative-link.txt' lies outside seeds/",
    "through a linked directory": "file must be a plain file name inside seeds/, not 'dir-link/canary.txt'",
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_check_refuses_a_file_outside_seeds(escape, case):
    root, canary = escape
    file_value = dict(escapes(root, canary))[case]
    point_first_source_at(root, file_value)
    result, opened = run_recording_opens(["check", "--data", str(root)])
    expected = "data/sources.yaml:6: source 'auelbayev-2022': " + EXPECTED[case].format(canary=canary)
    assert result.exit_code == 1
    assert expected in result.stdout.splitlines()
    assert "CANARY" not in result.stdout + result.stderr
    assert str(canary) not in opened


@pytest.mark.parametrize("case", list(EXPECTED))
def test_no_command_opens_a_file_outside_seeds(escape, case):
    root, canary = escape
    file_value = dict(escapes(root, canary))[case]
    point_first_source_at(root, file_value)
    atime = os.stat(canary).st_atime_ns
    for args in invocations():
        result, opened = run_recording_opens([*args, "--data", str(root)])
        assert result.exit_code == 1, (args, result.stdout, result.stderr)
        assert not any(os.path.realpath(p) == str(canary) for p in opened), args
        assert "CANARY" not in result.stdout + result.stderr, args
        if args[0] != "check":  # every other command refuses the dataset with one line
            assert result.stderr.startswith("cica: data/sources.yaml:6: source 'auelbayev-2022': "), (args, result.stderr)
    assert os.stat(canary).st_atime_ns == atime
    assert canary.read_text(encoding="utf-8") == CANARY_TEXT


def test_a_symlink_inside_seeds_to_a_file_inside_seeds_is_followed(escape):
    root, _canary = escape
    os.symlink("000_fcdc91bfac7338d6.txt", root / "seeds" / "alias.txt")
    point_first_source_at(root, "alias.txt")
    result, opened = run_recording_opens(["check", "--data", str(root)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("ok: 5 sources,")
    # the hook sees the articles that are read: the link's target, and the other four
    assert str(root / "seeds" / "000_fcdc91bfac7338d6.txt") in opened
    assert len({p for p in opened if "/seeds/" in p}) == 5


def test_a_symlink_loop_is_a_problem_not_a_crash(escape):
    root, _canary = escape
    os.symlink("loop-b.txt", root / "seeds" / "loop-a.txt")
    os.symlink("loop-a.txt", root / "seeds" / "loop-b.txt")
    point_first_source_at(root, "loop-a.txt")
    for args in invocations():
        result, _ = run_recording_opens([*args, "--data", str(root)])
        assert result.exit_code == 1, args
        assert "Traceback" not in result.stdout + result.stderr
    result, _ = run_recording_opens(["check", "--data", str(root)])
    assert any(line.startswith("data/sources.yaml:6: source 'auelbayev-2022': file 'loop-a.txt'")
               for line in result.stdout.splitlines()), result.stdout


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    root = tmp_path / "ds"
    shutil.copytree(MINIMAL, root)
    os.remove(root / "data" / "figures.yaml")
    os.mkfifo(root / "data" / "figures.yaml")  # opening it for reading would block forever
    result, _ = run_recording_opens(["check", "--data", str(root)])
    assert result.exit_code == 1
    assert "data/figures.yaml: not a regular file" in result.stdout.splitlines()
