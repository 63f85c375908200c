"""What the tests share besides fixtures: the repository's paths, and `invoke`, which runs
`cica` in-process through a Click command built once (Typer's own runner rebuilds the whole
command on every call, several times the cost of running it)."""

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
