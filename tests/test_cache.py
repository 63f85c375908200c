"""The record cache: used when a data file is unchanged, never when it has changed."""

import pytest

from cica_cli import dataset as loader
from test_check import edit


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("CICA_CACHE_DIR", str(directory))
    monkeypatch.delenv("CICA_NO_CACHE", raising=False)
    return directory


def test_unchanged_files_are_not_parsed_again(cica, dataset, cache_dir, monkeypatch):
    assert cica("timeline", "--data", dataset, "--json").exit_code == 0
    assert len(list(cache_dir.glob("*.pickle"))) == 1

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


def test_a_corrupt_cache_is_ignored(cica, dataset, cache_dir):
    cica("timeline", "--data", dataset)
    for path in cache_dir.glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert cica("timeline", "--data", dataset, "--json").exit_code == 0


def test_cache_can_be_turned_off(cica, dataset, cache_dir, monkeypatch):
    monkeypatch.setenv("CICA_NO_CACHE", "1")
    assert cica("timeline", "--data", dataset).exit_code == 0
    assert not cache_dir.exists()
