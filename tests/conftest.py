import json
import os
import shutil
import tempfile

import pytest

from support import MINIMAL, copy_shipped, invoke

_CACHE_DIR = None


def pytest_configure(config):
    """Keep the record cache and every test's files in one fresh temporary directory, removed
    at the end, so that a run leaves the temporary directory as it found it."""
    global _CACHE_DIR
    _CACHE_DIR = tempfile.mkdtemp(prefix="cica-tests-")
    os.environ["CICA_CACHE_DIR"] = os.path.join(_CACHE_DIR, "cache")
    if not config.option.basetemp:
        config.option.basetemp = os.path.join(_CACHE_DIR, "tmp")


def pytest_unconfigure(config):
    if _CACHE_DIR:
        shutil.rmtree(_CACHE_DIR, ignore_errors=True)


class Result:
    """What a command printed, with its exit code."""

    def __init__(self, result):
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stdout_bytes = result.stdout_bytes  # unlike stdout, line ends as written
        self.stderr = result.stderr
        self.exception = result.exception

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cica(monkeypatch):
    """Run `cica ARGS...` in-process against the repository's dataset (or another with --data)."""
    monkeypatch.delenv("CICA_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "400")  # tables wide enough that cells do not wrap
    def run(*args, env=None):
        result = invoke(args, env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result)

    return run


@pytest.fixture
def dataset(tmp_path):
    """A writable copy of the minimal fixture dataset: edit it, then point --data at it."""
    target = tmp_path / "ds"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def shipped(tmp_path):
    """A writable copy of the shipped dataset (data/ and seeds/): edit it (support.edit), then
    point --data at it."""
    return copy_shipped(tmp_path / "shipped")
