import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cica_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


def pytest_configure(config):
    """Keep the record cache of every run in a fresh temporary directory."""
    import os
    import tempfile

    os.environ["CICA_CACHE_DIR"] = tempfile.mkdtemp(prefix="cica-cache-")


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
    runner = CliRunner()

    def run(*args, env=None):
        result = runner.invoke(app, [str(a) for a in args], env=env)
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
