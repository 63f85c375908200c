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
    """A value the user gave is not valid. `field` names what was given (a parameter such as
    `kind` or `start`); the CLI words it as the option the user typed (`--kind`, `--from`), so
    the library's messages speak of the domain, not of options."""

    exit_code = Exit.USAGE

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class InvalidChoice(UsageError):
    """A value that is not one of a closed list (a kind, a status, a style): names the closest
    allowed values when some are close, and always the whole list."""

    def __init__(self, field: str, value: str, choices, close=(), noun: str | None = None):
        self.value, self.choices, self.close = value, tuple(choices), tuple(close)
        listed = ", ".join(self.choices)
        noun = noun or field
        if self.close:
            message = (f"unknown {noun} {value!r}; did you mean {' or '.join(repr(c) for c in self.close)}? "
                       f"(one of {listed})")
        else:
            message = f"unknown {noun} {value!r}; choose from {listed}"
        super().__init__(message, field)
