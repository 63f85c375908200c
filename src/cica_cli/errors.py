"""Problems found in the data, usage errors, and the exit codes they map to."""

from __future__ import annotations

import enum


class Exit(enum.IntEnum):
    """The documented exit codes of every `cica` command."""

    OK = 0
    DATA = 1  # a data problem, or nothing found
    USAGE = 2  # bad arguments or options


class Problem(tuple):
    """One thing wrong with the dataset, located at a file and line: an immutable
    (file, line, message), ordered by file, then line, then message."""

    __slots__ = ()

    def __new__(cls, file: str, line: int, message: str):
        return tuple.__new__(cls, (file, line, message))

    def __getnewargs__(self):  # pickle and copy call __new__ with the three fields
        return tuple(self)

    file = property(lambda self: self[0])
    line = property(lambda self: self[1])
    message = property(lambda self: self[2])

    def __repr__(self) -> str:
        return f"Problem(file={self[0]!r}, line={self[1]!r}, message={self[2]!r})"

    def __str__(self) -> str:
        """One line: a line break from the data (a YAML key with a newline) is shown as \\n, so
        it cannot forge a line that looks like another problem."""
        text = f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"
        return text.replace("\n", "\\n")


class CicaError(Exception):
    """An error meant for people: one line, and an exit code."""

    exit_code = Exit.DATA


class DataError(CicaError):
    """The dataset cannot be used; carries the problems that say why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "the dataset is invalid"
        more = f" (and {len(problems) - 1} more problem(s); run `cica check`)" if len(problems) > 1 else ""
        super().__init__(first + more)


class NotFound(CicaError):
    """A name, id or filter matched nothing."""


class UsageError(CicaError):
    """An argument or option the user gave is not valid."""

    exit_code = Exit.USAGE
