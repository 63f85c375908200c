"""The `cica` command line: Typer commands over the cica_cli library."""

from __future__ import annotations

import sys

from . import comparing, curation, lookups, sharing, timeline  # noqa: F401  (register the commands)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("cica: interrupted\n")
        sys.exit(130)
