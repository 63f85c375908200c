"""The `cica` command line: Typer commands over the cica_cli library.

`main` imports the commands itself, inside its handler of Ctrl-C, so that an interrupt while
they load (most of the start-up time) is one line and exit 130, not a traceback.
"""

from __future__ import annotations

import sys

__all__ = ["app", "main"]


# The commands as `cica --help` lists them: what a newcomer reads first comes first (the
# timeline, then looking things up, comparing the sources, sharing, and curating).
MENU = (
    "timeline", "member", "members", "document", "documents", "person", "people", "place", "show",
    "search", "source", "sources", "compare", "diff", "conflicts", "cite", "export",
    "check", "coverage", "add", "draft", "schema", "scopes",
)


def _load():
    from . import (authoring, comparing, curation, documents, members, people, places, publishing,  # noqa: F401
                   search, sharing, show, sources, timeline)  # (register the commands)
    from .app import app

    app.registered_commands.sort(key=lambda c: MENU.index(c.name) if c.name in MENU else len(MENU))
    globals()["app"] = app
    return app


def __getattr__(name: str):
    if name == "app":
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Run `cica`; whatever Click or Typer print themselves (help, usage errors) is held to the
    same rules as the commands' output (output.py): whole, or one line and a failing status."""
    import signal

    from .. import output

    try:
        signal.signal(signal.SIGINT, output.on_interrupt)
    except (ValueError, OSError):  # not the main thread
        pass
    code: object = 0
    try:
        try:
            _load()()
        except SystemExit as exc:
            code = exc.code
        output.finish()
        if sys.stdout is not None:
            sys.stdout.flush()
    except (KeyboardInterrupt, output.Interrupted):
        code = output.interrupted()
    except (output.PipeClosed, BrokenPipeError):
        output.silence_stdout()
        code = output.PIPE_EXIT
    except output.OutputError as exc:
        output.err(f"cica: {exc}\n")
        code = 1
    except OSError as exc:
        output.silence_stdout()
        output.err(f"cica: cannot write to standard output: {exc.strerror or exc}\n")
        code = 1
    sys.exit(code)
