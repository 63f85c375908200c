"""Every byte `cica` writes to standard output and standard error goes through here."""

from __future__ import annotations

import sys


def warn(message: str) -> None:
    """One warning line on standard error."""
    from .render import clean

    sys.stderr.write(f"cica: warning: {clean(message)}\n")
