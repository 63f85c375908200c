"""The README shows what `cica` really prints, and documents every command."""

import re

import pytest

from commands import command_names
from readme import README, check


SHARDS = 4  # the console blocks in four groups, so that the suite's workers share them out


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_console_example_in_the_readme_matches_the_real_output(shard):
    stale = check(shard, SHARDS)
    assert not stale, "README examples out of date (run `python tests/readme.py --write`): " + "; ".join(
        f"$ {command}" for command, _, _ in stale)


def test_every_command_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in command_names() if not re.search(rf"`cica {re.escape(name)}\b", text)]
    assert not missing, f"commands never shown as `cica NAME` in README.md: {missing}"
