"""An article's file must lie directly inside seeds/: an absolute path, `..`, or a symlink
leading out is refused by `cica check`, refused by every other command, and never opened by
any command (an audit hook records every file Python opens; the canary is never among them)."""

import os
import shutil
import sys

import pytest

from commands import invocations
from support import MINIMAL, ROOT, copy_shipped, invoke, shipped_dataset

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
    root = copy_shipped(tmp_path / "ds")
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
        assert not any(os.path.realpath(p) == str(canary) or os.path.basename(p) == canary.name for p in opened), args
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
    assert result.stdout.startswith(f"ok: {len(shipped_dataset().sources)} sources,")
    # the hook sees the articles that are read, by name (each is opened relative to the seeds/
    # directory's descriptor): the link's target, and the other four
    assert "000_fcdc91bfac7338d6.txt" in opened
    # (and the link's own name, which O_NOFOLLOW refuses to open before the link is checked)
    assert {p for p in opened if p.endswith(".txt")} == {p.name for p in (ROOT / "seeds").iterdir()} | {"alias.txt"}


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


# --- the dataset's folders, and a swap between the check and the open -------------------------

def test_seeds_linked_to_etc_is_refused_by_every_command(escape):
    root, _canary = escape
    shutil.rmtree(root / "seeds")
    os.symlink("/etc", root / "seeds")
    point_first_source_at(root, "passwd")
    with open("/etc/passwd", encoding="utf-8", errors="replace") as stream:
        secret = stream.readline().strip()
    for args in [*invocations(), ["source", "auelbayev-2022", "--text"]]:
        result, _ = run_recording_opens([*args, "--data", str(root)])
        out = result.stdout + result.stderr
        assert result.exit_code == 1, (args, out)
        assert secret not in out and "/etc" not in out, args
        if args[0] == "check":
            assert "--json" in args or "seeds/: the seeds/ folder must be a directory inside the dataset directory, not a link leading out of it" \
                in result.stdout.splitlines()
        else:
            assert len(result.stderr.splitlines()) == 1 and result.stdout == "", (args, out)
            assert result.stderr.startswith("cica: seeds/: the seeds/ folder must be a directory inside"), result.stderr


def test_seeds_linked_to_proc_self_is_refused(escape, monkeypatch):
    root, _canary = escape
    monkeypatch.setenv("CICA_TEST_SECRET", "hunter2-secret-value")
    shutil.rmtree(root / "seeds")
    os.symlink("/proc/self", root / "seeds")
    point_first_source_at(root, "environ")
    for args in (["source", "auelbayev-2022", "--text"], ["check"], ["search", "hunter2"]):
        result, _ = run_recording_opens([*args, "--data", str(root)])
        assert result.exit_code == 1
        assert "hunter2" not in (result.stdout + result.stderr).replace("search hunter2", "")


def test_a_data_file_linked_out_of_data_is_not_read(escape):
    root, canary = escape
    outside = canary.parent / "outside.yaml"
    outside.write_text("- id: CANARY-VALUE-9c1\n  bogus: CANARY-VALUE-9c1\n", encoding="utf-8")
    os.remove(root / "data" / "events.yaml")
    os.symlink(outside, root / "data" / "events.yaml")
    result, opened = run_recording_opens(["check", "--data", str(root)])
    assert result.exit_code == 1
    assert "data/events.yaml: the file is a link leading out of data/; it is not read" in result.stdout.splitlines()
    assert "CANARY" not in result.stdout + result.stderr
    result, _ = run_recording_opens(["timeline", "--data", str(root)])
    assert result.exit_code == 1 and "CANARY" not in result.stdout + result.stderr


def test_a_data_folder_linked_out_of_the_dataset_is_refused(escape, tmp_path):
    root, _canary = escape
    elsewhere = tmp_path / "elsewhere"
    shutil.move(root / "data", elsewhere)
    with open(elsewhere / "events.yaml", "a", encoding="utf-8") as stream:
        stream.write("- id: CANARY-VALUE-9c1\n")
    os.symlink(elsewhere, root / "data")
    for args in (["check"], ["timeline"], ["members", "--json"]):
        result, _ = run_recording_opens([*args, "--data", str(root)])
        assert result.exit_code == 1
        assert "CANARY" not in result.stdout + result.stderr
        assert "data/: the data/ folder must be a directory inside the dataset directory" in result.stdout + result.stderr


def test_folders_linked_inside_the_dataset_are_followed(escape):
    root, _canary = escape
    os.rename(root / "seeds", root / "articles")
    os.symlink("articles", root / "seeds")
    result, _ = run_recording_opens(["check", "--data", str(root)])
    assert result.exit_code == 0, result.stdout


SWAPPER = """
import os, sys
seeds = sys.argv[1]
article, real, evil, tmp = (os.path.join(seeds, n) for n in ("article.txt", "real.txt", "evil.txt", "swap.tmp"))
print("ready", flush=True)
while True:
    os.link(evil, tmp, follow_symlinks=False)
    os.replace(tmp, article)  # now a link to the canary
    os.link(real, tmp)
    os.replace(tmp, article)  # the article again
"""


def test_an_article_swapped_for_a_link_while_commands_run_never_leaks(tmp_path):
    """Another process swaps an article for a symlink to the canary and back, as fast as it
    can, while `cica source --text` reads the article 300 times: the canary never appears."""
    import subprocess

    root = tmp_path / "ds"
    shutil.copytree(MINIMAL, root)
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    seeds = root / "seeds"
    os.link(seeds / "article.txt", seeds / "real.txt")
    os.symlink(canary, seeds / "evil.txt")
    swapper = subprocess.Popen([sys.executable, "-c", SWAPPER, str(seeds)], stdout=subprocess.PIPE, text=True)
    outcomes = {}
    try:
        assert swapper.stdout.readline() == "ready\n"
        for _ in range(300):
            result = invoke(["source", "sample", "--text", "--data", str(root)],
                            env={"COLUMNS": "200", "CICA_DATA": None, "CICA_NO_CACHE": "1"})
            assert "CANARY" not in result.stdout + result.stderr
            outcomes[result.exit_code] = outcomes.get(result.exit_code, 0) + 1
    finally:
        swapper.kill()
        swapper.wait()
    assert set(outcomes) <= {0, 1}
    assert outcomes.get(1, 0) > 0 and outcomes.get(0, 0) > 0, outcomes  # the race was run, both ways
