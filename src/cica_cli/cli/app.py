"""The Typer application, the options every command shares, and the one place that turns
errors into a message line and an exit code."""

from __future__ import annotations

import functools
from typing import Annotated, Callable, Optional

import click
import typer

from .. import __version__
from ..errors import CicaError, Exit
from .helptext import PlainHelpCommand

app = typer.Typer(
    name="cica",
    help=(
        "A cited timeline and facts tool about the Conference on Interaction and "
        "Confidence-Building Measures in Asia (CICA). Every fact carries a verbatim quote "
        "from a named article.\n\nExit codes: 0 ok, 1 data problem or nothing found, 2 usage error."
    ),
    no_args_is_help=True,
    # help is plain text: brackets such as "[untitled]" are shown, not read as Rich markup
    rich_markup_mode=None,
    # Click 8.4 suggests the closest command for a typo itself; Typer would add it again
    suggest_commands=not hasattr(click.exceptions, "NoSuchCommand"),
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    Optional[str],
    typer.Option(
        "--data", metavar="DIR",
        help="Dataset directory (DIR/data/*.yaml, DIR/seeds/*). Default: $CICA_DATA, else the dataset shipped with cica.",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON with the same field names as the YAML.")
]


def handles_errors(fn: Callable) -> Callable:
    """Run a command; a CicaError becomes one line on stderr and its exit code. What the
    command printed is written out before it counts as done (output.py): a failure to write
    it is one line and exit 1, a closed pipe a quiet exit 141, Ctrl-C one line and exit 130.

    The garbage collector is paused while the command runs: a command makes tens of
    thousands of records, lists and strings on a large dataset and none of them form
    cycles, so collecting as they are made is pure cost (a third of `timeline --json`)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        import gc

        from .. import output, render

        collecting = gc.isenabled()
        gc.disable()
        try:
            try:
                result = fn(*args, **kwargs)
            except typer.Exit:  # an exit status the command chose: its output still counts
                output.flush()
                raise
            output.flush()
            return result
        except CicaError as exc:
            if isinstance(exc, output.OutputError):
                output.discard()
            else:  # what was printed before the error (a JSON listing that found nothing) goes out
                try:
                    output.flush()
                except output.OutputError as failed:
                    exc = failed
                except output.PipeClosed:
                    output.silence_stdout()
                    raise typer.Exit(output.PIPE_EXIT) from None
            render.error(worded(exc))
            raise typer.Exit(int(exc.exit_code)) from None
        except (output.PipeClosed, BrokenPipeError):
            output.silence_stdout()
            raise typer.Exit(output.PIPE_EXIT) from None
        except (KeyboardInterrupt, output.Interrupted):
            raise typer.Exit(output.interrupted()) from None
        except Exception:  # a bug: what was gathered is not to be printed by a later command
            output.discard()
            raise
        finally:
            if collecting:
                gc.enable()

    return wrapper


def worded(exc: CicaError) -> str:
    """The error's line as the user typed it: a value the library names by its field (`kind`,
    `start`) is named by the command's own option (`--kind`, `--from`)."""
    field = getattr(exc, "field", None)
    ctx = click.get_current_context(silent=True)
    if field and ctx is not None:
        for param in ctx.command.params:
            if param.name == field:
                shown = param.opts[0] if isinstance(param, click.Option) else (param.metavar or param.name.upper())
                return f"{shown}: {exc}"
    return str(exc)


def command(name: str, example: str, **kwargs) -> Callable:
    """Register a command whose help ends with an example, wrapped in the error handler."""

    def decorate(fn: Callable) -> Callable:
        doc = (fn.__doc__ or "").strip()
        epilog = f"Example:\n\n\b\n  {example}"  # \b: Click keeps the line as it is
        return app.command(name, help=doc, epilog=epilog, cls=PlainHelpCommand, **kwargs)(handles_errors(fn))

    return decorate


def _version(value: bool) -> None:
    if value:
        from .. import output

        output.out(f"cica {__version__}\n")
        try:
            output.flush()
        except output.OutputError as exc:
            output.err(f"cica: {exc}\n")
            raise typer.Exit(1) from None
        except output.PipeClosed:
            output.silence_stdout()
            raise typer.Exit(output.PIPE_EXIT) from None
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Write long output straight to the terminal, not through $CICA_PAGER, $PAGER or less -FRX (never used when output is piped).")
    ] = False,
) -> None:
    """CICA facts with their evidence."""
    if no_pager:
        from .. import output

        output.no_pager()
