"""Output is whole or the command fails: run as real processes of the installed `cica`, since
an in-process runner has no /dev/full, no pipe its reader can close, no terminal and no signal.

* a full disk (/dev/full), with and without PYTHONUNBUFFERED: one line, exit 1;
* short writes (an unbuffered stream taking a few bytes at a time) are finished, not cut;
* a reader that goes away (`| head -1`): quiet, exit 141 (128 + SIGPIPE);
* an encoding that cannot hold the text (PYTHONIOENCODING=ascii): escapes, valid JSON;
* Ctrl-C at start-up or while output is blocked: one line, exit 130;
* COLUMNS=0 on a terminal: the table is still printed.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import ROOT

CICA = Path(sys.executable).with_name("cica")
FULL = "cica: cannot write to standard output: No space left on device\n"


def environment(**changes):
    env = {k: v for k, v in os.environ.items() if k not in ("CICA_DATA", "PYTHONUNBUFFERED", "PYTHONIOENCODING")}
    env.update(changes)
    return env


def run(args, stdout=subprocess.PIPE, **env):
    return subprocess.run([str(CICA), *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          env=environment(**env), timeout=30)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A synthetic dataset whose `timeline --json` (about 135 KB) is more than a pipe holds."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("big")
    generate(300, root)
    return root


COMMANDS = [
    ["timeline", "--json"], ["timeline", "--format", "csv"], ["timeline", "--ics", "-"], ["timeline", "--html", "-"],
    ["timeline", "--cite"], ["members"], ["cite", "2002-first-summit", "--style", "bibtex"], ["--version"], ["--help"],
]


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED=1"])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_a_full_disk_is_one_line_and_exit_1(args, unbuffered):
    with open("/dev/full", "wb") as full:
        result = run(args, stdout=full, PYTHONUNBUFFERED=unbuffered)
    assert result.returncode == 1
    assert result.stderr.decode() == FULL or result.stderr.decode().endswith("\n" + FULL)
    assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr


def test_writing_a_file_to_a_full_disk_is_one_line_and_exit_1(tmp_path):
    for option in ("--ics", "--html"):
        result = run(["timeline", option, "/dev/full"])
        assert result.returncode == 1
        assert result.stderr.decode().splitlines()[-1] == "cica: cannot write /dev/full: No space left on device"
        assert b"wrote" not in result.stderr and b"Traceback" not in result.stderr


SHORT_WRITES = """
import io, os, sys
path, budget = sys.argv[1], int(sys.argv[2])

class Short(io.RawIOBase):
    # takes at most 7 bytes a write; after `budget` bytes the disk is full
    def __init__(self):
        self.fd, self.left = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), budget
    def writable(self):
        return True
    def write(self, data):
        if self.left <= 0:
            raise OSError(28, "No space left on device")
        written = os.write(self.fd, bytes(data[:min(len(data), 7, self.left)]))
        self.left -= written
        return written

sys.stdout = io.TextIOWrapper(Short(), encoding="utf-8", write_through=True)
sys.argv = ["cica", *sys.argv[3:]]
from cica_cli.cli import main
main()
"""


@pytest.mark.parametrize("args", [["timeline", "--json"], ["timeline", "--format", "csv"], ["timeline"]],
                         ids=["json", "csv", "table"])
def test_short_writes_are_finished_and_a_disk_filling_up_is_an_error(tmp_path, args):
    whole = run(args).stdout
    target = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", SHORT_WRITES, str(target), "100000000", *args],
                          capture_output=True, env=environment(), timeout=30)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == whole
    cut = subprocess.run([sys.executable, "-c", SHORT_WRITES, str(target), "3000", *args],
                         capture_output=True, env=environment(), timeout=30)
    assert cut.returncode == 1
    assert cut.stderr.decode() == FULL


def test_a_reader_that_goes_away_is_quiet_and_exit_141(big):
    for args in (["timeline", "--json"], ["timeline", "--cite"], ["members"], ["timeline", "--format", "csv"]):
        proc = subprocess.Popen([str(CICA), *args, "--data", str(big)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=environment())
        proc.stdout.readline()  # `| head -1`
        proc.stdout.close()
        stderr = proc.stderr.read()
        assert proc.wait(timeout=30) in (0, 141), args  # 0 if it all fitted in the pipe first
        assert stderr == b"", (args, stderr)
    proc = subprocess.Popen([str(CICA), "timeline", "--json", "--data", str(big)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=environment())
    proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=30) == 141 and proc.stderr.read() == b""


def test_an_encoding_that_cannot_hold_the_text_gets_escapes():
    table = run(["timeline"], PYTHONIOENCODING="ascii")
    assert table.returncode == 0, table.stderr
    assert "12\\u201313 Oct 2022" in table.stdout.decode("ascii")
    for args in (["timeline", "--json"], ["search", "askeroglu", "--json"], ["cite", "2002-first-summit", "--json"]):
        ascii_json = run(args, PYTHONIOENCODING="ascii")
        assert ascii_json.returncode == 0, ascii_json.stderr
        assert json.loads(ascii_json.stdout.decode("ascii")) == json.loads(run(args).stdout.decode("utf-8"))
    error = run(["member", "Ätlantïs"], PYTHONIOENCODING="ascii")
    assert error.returncode == 1 and b"Traceback" not in error.stderr


def test_ctrl_c_while_output_is_blocked_is_one_line_and_exit_130(big):
    proc = subprocess.Popen([str(CICA), "timeline", "--json", "--data", str(big)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=environment())
    time.sleep(1.0)  # the pipe is full and nobody reads: the command waits in a write
    proc.send_signal(signal.SIGINT)
    stderr = proc.stderr.read()
    proc.stdout.close()
    assert proc.wait(timeout=30) == 130
    assert stderr == b"cica: interrupted\n"


def test_ctrl_c_while_the_commands_load_is_one_line_and_exit_130():
    """The signal is sent while the commands' modules are being imported (most of the start-up):
    `-X importtime` reports each import on stderr as it finishes, and the first report of a
    Click module shows the commands are loading."""
    proc = subprocess.Popen([sys.executable, "-X", "importtime", str(CICA), "timeline", "--json"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment())
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if b"click" in line:
            proc.send_signal(signal.SIGINT)
            break
    rest = proc.stderr.read()
    code = proc.wait(timeout=30)
    assert any(b"click" in line for line in seen)
    messages = [line for line in rest.splitlines() if not line.startswith(b"import time:")]
    assert code == 130, (code, rest[-500:])
    assert messages == [b"cica: interrupted"], messages


def test_ctrl_c_after_start_up_is_one_line_and_exit_130():
    # "after start-up": after the time a whole `cica --version` takes on this machine now (a
    # loaded machine starts slower), by which `main` has long taken over Ctrl-C
    began = time.perf_counter()
    subprocess.run([str(CICA), "--version"], check=True, capture_output=True, env=environment())
    started = time.perf_counter() - began
    for delay in (started + 0.01, started + 0.04, started + 0.08):
        proc = subprocess.Popen([str(CICA), "timeline", "--json"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=environment())
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        stderr = proc.stderr.read()
        code = proc.wait(timeout=30)
        assert b"Traceback" not in stderr and b"Aborted" not in stderr, (delay, stderr)
        # 130 and one line; or, in the last instant of exiting, ended by the signal itself
        # (what a shell also shows as 130); or done before the signal came
        assert (code, stderr) in ((130, b"cica: interrupted\n"), (-signal.SIGINT, b""), (0, b"")), (delay, code, stderr)


def test_columns_0_on_a_terminal_still_prints_the_table():
    import pty

    main, child = pty.openpty()
    proc = subprocess.Popen([str(CICA), "timeline", "--kind", "summit"], stdout=child, stderr=child,
                            env=environment(COLUMNS="0", LINES="0", NO_COLOR="1"))
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait(timeout=30) == 0
    assert b"Sixth CICA summit" in out and b"CICA timeline: 3 event(s)" in out


def test_a_file_that_cannot_be_written_whole_is_left_as_it_was(tmp_path, monkeypatch):
    """--ics FILE writes a new file and renames it over FILE once whole: a failure midway leaves
    the old file (and its permissions) and no temporary file."""
    from support import invoke

    target = tmp_path / "cica.ics"
    target.write_text("the old calendar")
    os.chmod(target, 0o640)
    real_write = os.write
    calls = []

    def failing(fd, data):
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real_write(fd, data[:100])  # a short write, then a full disk

    monkeypatch.setattr(os, "write", failing)
    result = invoke(["timeline", "--ics", target], env={"CICA_DATA": None, "CICA_NO_CACHE": "1"})
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.stderr == f"cica: cannot write {target}: No space left on device\n"
    assert target.read_text() == "the old calendar" and sorted(os.listdir(tmp_path)) == ["cica.ics"]
    assert invoke(["timeline", "--ics", target], env={"CICA_DATA": None}).exit_code == 0
    assert target.read_text().startswith("BEGIN:VCALENDAR") and (target.stat().st_mode & 0o777) == 0o640


def test_a_named_pipe_nobody_reads_is_not_waited_on(tmp_path):
    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    result = run(["timeline", "--ics", fifo])
    assert result.returncode == 2
    assert result.stderr.decode() == f"cica: cannot write {fifo}: No such device or address\n"
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)  # with a reader, it is written
    for _ in range(50):  # until the reader has opened its end
        if run(["timeline", "--ics", fifo]).returncode == 0:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("never written to a pipe with a reader")
    assert reader.communicate(timeout=30)[0].startswith(b"BEGIN:VCALENDAR")


def test_every_byte_goes_through_the_one_writer():
    """Nothing in the package writes to standard output or error but output.py (render.py's
    Rich consoles write through output.Stream), so every command keeps its guarantees."""
    import re

    package = ROOT / "src" / "cica_cli"
    direct = re.compile(r"sys\.(stdout|stderr)\.(write|buffer)|(^|[^.\w])print\(|typer\.echo|click\.echo|secho\(")
    found = []
    for path in package.rglob("*.py"):
        if path.name == "output.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if direct.search(line) or ("Console(" in line and path.name != "render.py"):
                found.append(f"{path.relative_to(package)}:{number}: {line.strip()}")
    assert found == []
