"""What the tests share besides fixtures: the repository's paths; `invoke`, which runs `cica`
in-process through a Click command built once (Typer's own runner rebuilds the whole command
on every call, several times the cost of running it); and copying and editing a dataset."""

import shutil
from pathlib import Path

from click.testing import CliRunner
from typer.main import get_command

from cica_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"

COMMAND = get_command(app)
_RUNNER = CliRunner()


def invoke(args, env=None):
    """Run `cica ARGS`; the Click result (exit_code, stdout, stderr, exception)."""
    return _RUNNER.invoke(COMMAND, [str(a) for a in args], env=env, prog_name="cica")


def copy_shipped(target: Path) -> Path:
    """A writable copy of the shipped dataset (data/ and seeds/) at `target`."""
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "seeds", target / "seeds")
    return target


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in the dataset file `name` (data/..., seeds/...) by `new`;
    `old` must be there."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, name: str, text: str) -> None:
    """Add `text` (records, as YAML) at the end of the dataset file `name` (data/...)."""
    with open(root / name, "a", encoding="utf-8") as stream:
        stream.write(text)


def line_number(root: Path, name: str, text: str) -> int:
    """The line of the dataset file `name` where `text` first appears."""
    content = (root / name).read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def shipped_dataset():
    """The shipped dataset, loaded: for counts taken from the data rather than written in."""
    from cica_cli.dataset import load_dataset

    return load_dataset(ROOT)
