"""Every registered command with sample arguments, for the tests that run them all
(test_hostile.py, test_paths.py). A command missing from SAMPLE_ARGS is run bare and with
--json; add an entry when a command needs an argument to reach the data."""

import os
import tempfile
from pathlib import Path

# Where `cica export` writes when every command is run: inside the tests' own temporary
# directory (conftest.py), removed at the end.
_OUT = Path(tempfile.mkdtemp(prefix="exports-", dir=Path(os.environ["CICA_CACHE_DIR"]).parent
                             if os.environ.get("CICA_CACHE_DIR") else None))

# an article already in seeds/: `add` refuses it (exit 1) and writes nothing
_SHIPPED_ARTICLE = str(Path(__file__).resolve().parent.parent / "seeds" / "004_392bb672fc95fe25.txt")

SAMPLE_ARGS = {
    "check": [[], ["--json"]],
    "timeline": [[], ["--json"], ["--cite", "--member", "kazakhstan", "--from", "2000"]],
    "coverage": [[], ["--json"]],
    "member": [["kazakhstan"], ["kazakhstan", "--json"]],
    "members": [[], ["--json"]],
    "document": [["almaty-act"], ["almaty-act", "--json"]],
    "documents": [[], ["--json"]],
    "source": [["bakishev-2009"], ["bakishev-2009", "--json"]],
    "sources": [[], ["--json"]],
    "search": [["summit"], ["summit", "--json"]],
    "show": [["2002-first-summit"], ["2002-first-summit", "--json"]],
    "compare": [["member-states"], ["--json"]],
    "diff": [["bakishev-2009", "ravichandran-2023"], ["bakishev-2009", "ravichandran-2023", "--json"]],
    "conflicts": [[], ["--json"]],
    "cite": [["2002-first-summit"], ["2002-first-summit", "--json"]],
    "person": [["sarybay"], ["sarybay", "--json"]],
    "people": [[], ["--json"], ["--post", "secretariat-head"]],
    "place": [["nur-sultan"], ["nur-sultan", "--json"]],
    "export": [["datapackage", str(_OUT / "package")], ["sqlite", str(_OUT / "cica.db"), "--json"]],
    "schema": [["events.yaml"], ["figures"]],
    "add": [[_SHIPPED_ARTICLE], [_SHIPPED_ARTICLE, "--json"]],
    "draft": [["004"], ["004", "--json"]],
}


def command_names() -> list[str]:
    from cica_cli.cli import app

    return [c.name for c in app.registered_commands]


def invocations() -> list[list[str]]:
    """[name, *args] for every registered command and each of its sample argument lists."""
    return [[name, *args] for name in command_names() for args in SAMPLE_ARGS.get(name, [[], ["--json"]])]
