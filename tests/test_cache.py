"""The record cache: used when a data file is unchanged, never when it has changed."""

import pytest

from cica_cli import dataset as loader
from support import edit


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("CICA_CACHE_DIR", str(directory))
    monkeypatch.delenv("CICA_NO_CACHE", raising=False)
    return directory


def test_unchanged_files_are_not_parsed_again(cica, dataset, cache_dir, monkeypatch):
    assert cica("timeline", "--data", dataset, "--json").exit_code == 0
    assert len(list(cache_dir.glob("*.json"))) == 1

    def no_parsing(*args):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(loader, "_build", no_parsing)
    result = cica("timeline", "--data", dataset, "--json")
    assert [e["id"] for e in result.json()] == ["proposal", "first-summit"]


def test_an_edited_file_is_read_afresh(cica, dataset, cache_dir):
    assert cica("timeline", "--data", dataset, "--json").json()[1]["title"] == "First summit"
    edit(dataset, "data/events.yaml", "title: First summit", "title: First Summit")  # same size
    assert cica("timeline", "--data", dataset, "--json").json()[1]["title"] == "First Summit"


def test_cached_problems_are_reported_again(cica, dataset, cache_dir):
    edit(dataset, "data/events.yaml", "  summary: The idea is first put forward.\n", "")
    first = cica("check", "--data", dataset)
    second = cica("check", "--data", dataset)
    assert first.stdout == second.stdout
    assert "data/events.yaml:1: event is missing required field 'summary'" in second.stdout


def test_files_with_problems_are_cached_too(cica, dataset, cache_dir, monkeypatch):
    """A data file with a problem (a record with a wrong field, a YAML error that stops the
    reading) is read from the cache on the next run, not built again, and says the same."""
    edit(dataset, "data/events.yaml", "  summary: The idea is first put forward.\n", "")
    edit(dataset, "data/members.yaml", "  aliases: [Qazaqstan]", "  aliases: [Qazaqstan\n")
    first = cica("check", "--data", dataset)
    assert "data/members.yaml:6: 1 reference(s) to members in data/events.yaml not checked" in first.stdout

    def no_building(*args):
        raise AssertionError("a file with a problem was built again")

    monkeypatch.setattr(loader, "_build", no_building)
    assert cica("check", "--data", dataset).stdout == first.stdout


def test_a_corrupt_cache_is_ignored(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    for path in cache_dir.glob("*.json"):
        path.write_bytes(b"not a pickle")
    assert cica("timeline", "--data", dataset, "--json").exit_code == 0


def test_cache_can_be_turned_off(cica, dataset, cache_dir, monkeypatch):
    monkeypatch.setenv("CICA_NO_CACHE", "1")
    assert cica("timeline", "--data", dataset).exit_code == 0
    assert not cache_dir.exists()


# --- a cache that cannot run code or be poisoned ----------------------------------------------

import hashlib
import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

from cica_cli import cache as cache_module
from cica_cli.errors import Problem

CICA = Path(sys.executable).with_name("cica")
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="simulating a second user needs root (os.chown/os.setuid)")


def cache_file(cache_dir):
    (found,) = cache_dir.glob("*.json")
    return found


def run_cica(*args, env=None):
    """The installed `cica` as its own process."""
    full = {k: v for k, v in os.environ.items() if k != "CICA_DATA"}
    full.update(env or {})
    return subprocess.run([str(CICA), *map(str, args)], capture_output=True, text=True, env=full, timeout=30)


def rewrite_entry(path, name, change, fix_digest):
    """Change the cached entry for data/`name` with `change` (bytes -> bytes)."""
    data = path.read_bytes()
    first = data.index(b"\n") + 1
    header_end = data.index(b"\n", first)
    header = json.loads(data[first:header_end])
    at, bodies = header_end + 1, []
    for entry in header["entries"]:
        body = data[at: at + entry[2]]
        at += entry[2]
        if entry[0] == name:
            body = change(body)
            entry[2] = len(body)
            if fix_digest:
                entry[3] = hashlib.blake2b(body, digest_size=20).hexdigest()
        bodies.append(body)
    path.write_bytes(data[:first] + json.dumps(header).encode() + b"\n" + b"".join(bodies))


class Marker:
    """Unpickling this creates the file `path`: what a planted pickle would do."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_a_second_run_reads_the_cache_in_a_new_process(dataset, cache_dir):
    first = run_cica("timeline", "--json", "--data", dataset, env={"CICA_CACHE_DIR": str(cache_dir)})
    assert first.returncode == 0 and json.loads(first.stdout)[1]["title"] == "First summit"
    # an entry edited with its digest made to match is what the cache holds: the second run
    # prints it, so it did read the cache (the user's own file is trusted)
    rewrite_entry(cache_file(cache_dir), "events.yaml", lambda b: b.replace(b"First summit", b"Cached summit"), True)
    second = run_cica("timeline", "--json", "--data", dataset, env={"CICA_CACHE_DIR": str(cache_dir)})
    assert json.loads(second.stdout)[1]["title"] == "Cached summit", second.stderr
    assert second.stderr == ""


def test_a_damaged_entry_is_rebuilt_with_one_warning(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    rewrite_entry(cache_file(cache_dir), "events.yaml", lambda b: b.replace(b"First summit", b"Forged summit"), False)
    result = cica("timeline", "--data", dataset, "--json")
    assert result.json()[1]["title"] == "First summit"
    assert len(result.stderr.splitlines()) == 1
    assert "the entry for data/events.yaml is damaged; rebuilt" in result.stderr
    assert cica("timeline", "--data", dataset, "--json").stderr == ""  # rewritten whole


def plant_span(text, year):
    """A change to a cache entry: the span stored for `text` made to cover the year `year`."""
    from datetime import date

    def change(body):
        entry = json.loads(body)
        for span in entry[2]:
            if span[0] == text:
                span[1], span[2] = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        return json.dumps(entry).encode()

    return change


def test_a_span_planted_in_one_datasets_cache_reaches_no_other(cica, dataset, cache_dir, tmp_path, monkeypatch):
    """Parsed dates are each dataset's own, not the module's: a span planted in one dataset's
    cache entry (its digest made to match) changes how that dataset reads the date, never
    how another dataset loaded in the same process, or `dates.parse`, reads it."""
    import shutil
    from datetime import date

    from cica_cli import dates

    other = tmp_path / "other"
    shutil.copytree(dataset, other)
    cica("timeline", "--data", dataset)
    rewrite_entry(cache_file(cache_dir), "events.yaml", plant_span("2002", 1980), True)
    planted = cica("timeline", "--data", dataset, "--json")  # the user's own file: trusted
    assert [e["id"] for e in planted.json()] == ["first-summit", "proposal"]
    monkeypatch.setenv("CICA_NO_CACHE", "1")  # the other dataset's dates are parsed here, now
    assert [e["id"] for e in cica("timeline", "--data", other, "--json").json()] == ["proposal", "first-summit"]
    assert [e["id"] for e in cica("timeline", "--data", other, "--json", "--from", "2000").json()] == ["first-summit"]
    assert (dates.parse("2002").lower, dates.parse("2002").upper) == (date(2002, 1, 1), date(2002, 12, 31))
    monkeypatch.delenv("CICA_NO_CACHE")
    assert [e["id"] for e in cica("timeline", "--data", other, "--json").json()] == ["proposal", "first-summit"]


def test_a_cached_span_is_taken_only_for_its_own_text(dataset, cache_dir, monkeypatch):
    """A span restored under another date's text is not taken for it: the date is parsed."""
    from cica_cli import dates

    original = cache_module.Cache.get

    def swapped(self, name, key):
        built = original(self, name, key)
        if built is not None and name == "sources.yaml":
            built[2]["2003"] = dates.parse("1980")
        return built

    loader.load_dataset(dataset)
    monkeypatch.setattr(cache_module.Cache, "get", swapped)
    ds = loader.load_dataset(dataset)
    assert "2003" not in ds.spans and ds.span("2003").lower.year == 2003
    assert ds.span("2002") is ds.spans["2002"]  # the other spans are taken


def test_a_planted_pickle_is_never_loaded(cica, dataset, cache_dir, tmp_path):
    marker = tmp_path / "ran"
    cica("timeline", "--data", dataset)
    name = cache_file(cache_dir).stem
    for planted in (cache_dir / f"{name}.pickle", cache_dir / f"{name}.json"):
        planted.write_bytes(pickle.dumps(("cica 0.1.0 / python 3.11 / 2", Marker(marker))))
    result = cica("timeline", "--data", dataset, "--json")
    assert result.exit_code == 0 and result.json()[1]["title"] == "First summit"
    assert not marker.exists()
    assert not (cache_dir / f"{name}.pickle").exists()  # removed when the cache was written again


def test_a_cache_written_by_other_code_is_not_used(cica, dataset, cache_dir, monkeypatch):
    monkeypatch.setattr(cache_module, "_stamp", "an earlier build of the same version")
    cica("timeline", "--data", dataset)
    monkeypatch.setattr(cache_module, "_stamp", None)
    built = []
    original = loader._build
    monkeypatch.setattr(loader, "_build", lambda *a: built.append(a[2]) or original(*a))
    cica("timeline", "--data", dataset)
    assert "data/events.yaml" in built


def test_the_stamp_covers_the_source_of_the_package(monkeypatch, tmp_path):
    package = Path(cache_module.__file__).parent
    assert len(cache_module.stamp()) == 32
    copy = tmp_path / "cica_cli"
    for path in package.rglob("*.py"):
        target = copy / path.relative_to(package)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    code = "import sys; sys.path.insert(0, sys.argv[1]); from cica_cli import cache; print(cache.stamp())"
    same = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True).stdout.strip()
    (copy / "dates.py").write_text((copy / "dates.py").read_text() + "\n# a changed rule\n")
    changed = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True).stdout.strip()
    assert same == cache_module.stamp() and changed != same


def contents(directory):
    """name -> bytes of each regular file (a named pipe or a link is named, not opened)."""
    return {p.name: p.read_bytes() if stat.S_ISREG(p.lstat().st_mode) else stat.S_IFMT(p.lstat().st_mode)
            for p in directory.iterdir()}


def ignored_with_one_warning(cica, dataset, cache_dir, why):
    before = contents(cache_dir)
    result = cica("timeline", "--data", dataset, "--json")
    assert result.exit_code == 0 and result.json()[1]["title"] == "First summit"
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("cica: warning: cache ") and why in result.stderr, result.stderr
    assert contents(cache_dir) == before  # never written to


def test_a_directory_others_can_write_is_ignored(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    os.chmod(cache_dir, 0o777)
    rewrite_entry(cache_file(cache_dir), "events.yaml", lambda b: b.replace(b"First summit", b"Forged summit"), True)
    ignored_with_one_warning(cica, dataset, cache_dir, "the directory is writable by group or others")


def test_a_file_others_can_write_is_ignored(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    rewrite_entry(cache_file(cache_dir), "events.yaml", lambda b: b.replace(b"First summit", b"Forged summit"), True)
    os.chmod(cache_file(cache_dir), 0o666)
    ignored_with_one_warning(cica, dataset, cache_dir, "the file is writable by group or others")


def test_a_symlink_at_the_cache_file_is_not_followed(cica, dataset, cache_dir, tmp_path):
    cica("timeline", "--data", dataset)
    target = tmp_path / "victim.txt"
    target.write_text("precious")
    path = cache_file(cache_dir)
    path.unlink()
    os.symlink(target, path)
    ignored_with_one_warning(cica, dataset, cache_dir, "cannot open the file")
    assert target.read_text() == "precious"


def test_a_named_pipe_at_the_cache_path_is_refused_without_waiting(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    path = cache_file(cache_dir)
    path.unlink()
    os.mkfifo(path, 0o600)
    ignored_with_one_warning(cica, dataset, cache_dir, "not a regular file")


@needs_root
def test_a_cache_planted_by_another_user_is_ignored(cica, dataset, tmp_path, monkeypatch):
    """A second user (uid 65534) owns a shared cache directory and plants an entry there."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="cica-shared-"))  # outside pytest's private directory
    os.chmod(base, 0o755)
    try:
        planted_by_another_user(cica, dataset, tmp_path, monkeypatch, base / "shared")
    finally:
        shutil.rmtree(base)


def planted_by_another_user(cica, dataset, tmp_path, monkeypatch, shared):
    shared.mkdir()
    os.chown(shared, 65534, 65534)
    monkeypatch.setenv("CICA_CACHE_DIR", str(shared))
    monkeypatch.delenv("CICA_NO_CACHE", raising=False)
    # the other user plants a forged cache, and a pickle that would create a marker file
    marker = tmp_path / "ran"
    script = (
        "import os, sys, pickle, shutil\n"
        "os.setgid(65534); os.setuid(65534)\n"
        "data = sys.stdin.buffer.read(); n = int(sys.argv[1])\n"
        "open(sys.argv[2], 'wb').write(data[:n]); open(sys.argv[3], 'wb').write(data[n:])\n"
    )
    own = tmp_path / "own"
    monkeypatch.setenv("CICA_CACHE_DIR", str(own))
    cica("timeline", "--data", dataset)
    forged = cache_file(own)
    rewrite_entry(forged, "events.yaml", lambda b: b.replace(b"First summit", b"Forged summit"), True)
    os.chmod(forged, 0o644)
    planted = forged.read_bytes()
    subprocess.run([sys.executable, "-c", script, str(len(planted)), str(shared / forged.name),
                    str(shared / (forged.stem + ".pickle"))], input=planted + pickle.dumps(Marker(marker)), check=True)
    assert (shared / forged.name).stat().st_uid == 65534
    monkeypatch.setenv("CICA_CACHE_DIR", str(shared))
    ignored_with_one_warning(cica, dataset, shared, "the directory is owned by another user")
    assert not marker.exists()
    # in a directory of one's own, a file another user owns is refused as well
    os.chown(shared, 0, 0)
    os.chmod(shared, 0o700)
    ignored_with_one_warning(cica, dataset, shared, "the file is owned by another user")


def test_a_planted_symlink_at_the_temporary_name_is_not_followed(dataset, cache_dir, tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    cache_dir.mkdir(mode=0o700)
    monkeypatch.setattr("secrets.token_hex", lambda n: "0" * (2 * n))
    c = cache_module.Cache(dataset)
    os.symlink(victim, cache_dir / f"{c.path.stem}.{'0' * 16}.tmp")
    c.put("events.yaml", b"k", ([], [], {}, None))
    c.save()  # O_EXCL: the name is taken, so nothing is written
    assert victim.read_text() == "precious"
    assert not c.path.exists()


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["full disk", "ctrl-c"])
def test_a_failed_write_leaves_no_temporary_file(dataset, cache_dir, monkeypatch, failure):
    c = cache_module.Cache(dataset)
    c.put("events.yaml", b"k", ([], [Problem("data/events.yaml", 1, "x")], {}, None))

    def fail(fd, data):
        raise failure

    monkeypatch.setattr(os, "write", fail)
    if isinstance(failure, KeyboardInterrupt):
        with pytest.raises(KeyboardInterrupt):
            c.save()
    else:
        c.save()
    monkeypatch.undo()
    assert list(cache_dir.iterdir()) == []


@pytest.mark.parametrize("env, expected", [
    ({"HOME": "/h"}, None),  # /h does not exist: a missing home directory is never created
    ({"HOME": ""}, None),
    ({}, None),
    ({"XDG_CACHE_HOME": "relative/cache", "HOME": "HOMEDIR"}, "HOMEDIR/.cache/cica"),
    ({"XDG_CACHE_HOME": "XDG", "HOME": "HOMEDIR"}, "XDG/cica"),
    ({"CICA_CACHE_DIR": "relative"}, None),
    ({"CICA_CACHE_DIR": "CHOSEN", "XDG_CACHE_HOME": "XDG"}, "CHOSEN"),
], ids=["missing home", "empty home", "no home", "relative xdg", "xdg", "relative cica_cache_dir", "cica_cache_dir"])
def test_where_the_cache_lives(monkeypatch, tmp_path, env, expected):
    for name in ("HOME", "XDG_CACHE_HOME", "CICA_CACHE_DIR", "CICA_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    paths = {"HOMEDIR": str(tmp_path), "XDG": str(tmp_path / "xdg"), "CHOSEN": str(tmp_path / "chosen")}
    for name, value in env.items():
        for word, path in paths.items():
            value = value.replace(word, path)
        monkeypatch.setenv(name, value)
    found = cache_module.directory()
    if expected is None:
        assert found is None
    else:
        for word, path in paths.items():
            expected = expected.replace(word, path)
        assert found == Path(expected)


def test_without_a_home_nothing_is_written_anywhere(dataset, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "CICA_CACHE_DIR", "CICA_DATA")}
    for home in (None, "", str(tmp_path / "no-such-home")):
        if home is not None:
            env["HOME"] = home
        result = subprocess.run([str(CICA), "timeline", "--data", str(dataset)], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=30)
        assert result.returncode == 0 and result.stderr == ""
        assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_a_problem_survives_pickling_and_copying():
    import copy

    problem = Problem("data/events.yaml", 3, "x")
    assert pickle.loads(pickle.dumps(problem)) == problem
    assert type(copy.deepcopy(problem)) is Problem
